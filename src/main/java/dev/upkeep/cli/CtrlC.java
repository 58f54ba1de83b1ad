package dev.upkeep.cli;

import dev.upkeep.run.RunHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintWriter;
import java.util.List;

/**
 * Ctrl-C during a run does what Cancel does in the window: the first press cancels (no new server starts, running
 * ones reach a safe point, a server mid-reboot is still waited for and verified); the second stops waiting (servers
 * mid-reboot are left unverified, detached jobs go on on the servers) and gives Ctrl-C back to the JVM, so a third
 * ends the process at once. The run's own end then prints the summary and records it; see
 * docs/decisions/0014-cancel-waits-for-reboots.md for why this is a signal handler and not a shutdown hook.
 */
final class CtrlC implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CtrlC.class);
    private static final Signal INT = new Signal("INT");

    private final RunHandle run;
    private final ServersInFlight inFlight;
    private final PrintWriter err;
    private SignalHandler previous;
    private int presses;

    private CtrlC(RunHandle run, ServersInFlight inFlight, PrintWriter err) {
        this.run = run;
        this.inFlight = inFlight;
        this.err = err;
    }

    /** Takes over Ctrl-C until {@link #close()}; where the JVM does not let it (Ctrl-C ignored, -Xrs) nothing changes. */
    static CtrlC install(RunHandle run, ServersInFlight inFlight, PrintWriter err) {
        CtrlC ctrlC = new CtrlC(run, inFlight, err);
        try {
            SignalHandler old = Signal.handle(INT, signal -> ctrlC.pressed());
            synchronized (ctrlC) {
                ctrlC.previous = old;
            }
            if (old == SignalHandler.SIG_IGN) {
                Signal.handle(INT, old); // started with Ctrl-C ignored: keep it so
            }
        } catch (IllegalArgumentException e) {
            log.debug("Ctrl-C stays with the JVM: {}", e.toString());
        }
        return ctrlC;
    }

    /** One press of Ctrl-C (called on the JVM's signal thread; tests call it directly). */
    void pressed() {
        int press;
        synchronized (this) {
            press = ++presses;
        }
        if (press == 1) {
            List<String> rebooting = inFlight.rebooting();
            err.println("upkeep: Ctrl-C: cancelling. No new server starts; running servers stop at a safe point"
                    + " (dpkg is never cut off).");
            if (!rebooting.isEmpty()) {
                err.println("upkeep: still waiting for " + String.join(", ", rebooting) + " to come back and be verified;"
                        + " press Ctrl-C again to stop waiting and leave " + (rebooting.size() == 1 ? "it" : "them")
                        + " unverified.");
            } else {
                err.println("upkeep: press Ctrl-C again to stop waiting for running servers.");
            }
            err.flush();
            run.cancel();
        } else if (press == 2) {
            List<String> rebooting = inFlight.rebooting();
            err.println("upkeep: Ctrl-C again: no longer waiting" + (rebooting.isEmpty() ? ""
                    : "; " + String.join(", ", rebooting) + " left unverified (mid-reboot)")
                    + ". Detached jobs go on on the servers. Ctrl-C once more quits at once, without a finished record.");
            err.flush();
            restore();
            run.stopWaiting();
        }
    }

    private synchronized void restore() {
        if (previous != null) {
            Signal.handle(INT, previous);
            previous = null;
        }
    }

    @Override
    public void close() {
        restore();
    }
}
