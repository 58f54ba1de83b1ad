package dev.upkeep.remote;

/** What a detached job's ending means for its procedure, when the job did not simply run to its end. */
final class JobEndings {
    /** Exit statuses of job-prologue.sh's safe points. */
    static final int CANCELLED = 20;
    static final int TIMED_OUT = 21;

    private JobEndings() {
    }

    /**
     * The result when the job was cancelled, timed out, lost or not followed to its end; null when it exited by itself
     * and its own markers say how it went.
     */
    static ProcedureResult unfinished(JobFollower.Ending ending, String what) {
        return switch (ending.end()) {
            case STOPPED_FOLLOWING -> ProcedureResult.cancelled(ending.detail());
            case OVER_TIME, LOST, NOT_STARTED -> ProcedureResult.failed(ending.detail());
            case EXITED -> switch (ending.exitStatus()) {
                case CANCELLED -> ProcedureResult.cancelled("cancelled before " + ending.output().first("cancelled")
                        .orElse(what) + ": nothing changed");
                case TIMED_OUT -> ProcedureResult.failed("the time limit was reached before "
                        + ending.output().first("timeout").orElse(what) + ": nothing changed");
                default -> null;
            };
        };
    }
}
