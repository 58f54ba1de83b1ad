package dev.upkeep.ssh.kex;

/**
 * A JVM whose main thread ends while the warm-up is still busy (a command that finished fast): it must exit anyway.
 * Run by {@link KexWarmupExitTest}.
 */
public final class WarmupExitProbe {
    private WarmupExitProbe() {
    }

    public static void main(String[] args) {
        Thread warmup = KexWarmup.start(new KexWarmup(new ReadyKeyPairs(1), 1_000_000));
        System.out.println("warm-up running at the end of main: " + warmup.isAlive());
    }
}
