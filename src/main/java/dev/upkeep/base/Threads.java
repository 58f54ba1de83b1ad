package dev.upkeep.base;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every thread Upkeep starts is made here: named, so that thread dumps say who is who, and daemon, so that a stuck
 * server never keeps the program from exiting.
 */
public final class Threads {
    private Threads() {
    }

    /** Threads called {@code prefix-1}, {@code prefix-2}, … (pools). */
    public static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> daemon(prefix + "-" + n.incrementAndGet(), r);
    }

    /** Threads all called {@code name} (a single-thread executor). */
    public static ThreadFactory single(String name) {
        return r -> daemon(name, r);
    }

    /** One daemon thread, not started. */
    public static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }
}
