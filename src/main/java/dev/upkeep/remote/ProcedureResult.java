package dev.upkeep.remote;

import java.util.List;

/**
 * How a procedure ended on one server. {@code upgraded} lists "package version" entries that changed;
 * {@code rebootRequired}/{@code rebootPackages} are as read on the server after the procedure.
 *
 * @param cancelled  it stopped at a safe point because the run was cancelled: not a failure of the server
 * @param serverDown it failed after taking the server down (a reboot not verified: not back, same boot id, failed
 *                   health check): the keep-one-up rule counts the server as down for the rest of the run
 */
public record ProcedureResult(boolean success, String message, List<String> upgraded, boolean rebootRequired,
                              List<String> rebootPackages, boolean cancelled, boolean serverDown) {
    public ProcedureResult {
        upgraded = upgraded == null ? List.of() : List.copyOf(upgraded);
        rebootPackages = rebootPackages == null ? List.of() : List.copyOf(rebootPackages);
        if (success && (cancelled || serverDown)) {
            throw new IllegalArgumentException("a success is neither cancelled nor down");
        }
    }

    public ProcedureResult(boolean success, String message, List<String> upgraded, boolean rebootRequired,
                           List<String> rebootPackages) {
        this(success, message, upgraded, rebootRequired, rebootPackages, false, false);
    }

    public static ProcedureResult failed(String message) {
        return new ProcedureResult(false, message, List.of(), false, List.of());
    }

    /** Stopped at a safe point on cancel; the message says where and what goes on on the server. */
    public static ProcedureResult cancelled(String message) {
        return new ProcedureResult(false, message, List.of(), false, List.of(), true, false);
    }
}
