package dev.upkeep.run;

/** Answers as they arrive; called from worker threads, in any order across servers. */
public interface AnswerListener<T> {
    default void started(ServerRef server) {
    }

    /** Exactly once per server that was started, answered or not. */
    void finished(ServerAnswer<T> answer);

    /** Also reported as a failed answer; this carries what is needed to trust the key. */
    default void hostKeyUnknown(UnknownHostKey key) {
    }

    static <T> AnswerListener<T> none() {
        return answer -> {
        };
    }
}
