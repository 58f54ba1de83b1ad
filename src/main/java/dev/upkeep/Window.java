package dev.upkeep;

import dev.upkeep.base.Threads;
import dev.upkeep.demo.DemoFleet;
import dev.upkeep.demo.DemoPace;
import dev.upkeep.fleet.Paths;
import dev.upkeep.fleet.PrivateState;
import dev.upkeep.run.ManifestServers;
import dev.upkeep.run.PoolConnections;
import dev.upkeep.run.RunHistory;
import dev.upkeep.run.SecretPrompt;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.ssh.PassphraseProvider;
import dev.upkeep.ui.AppServices;
import dev.upkeep.ui.DemoHooks;
import dev.upkeep.ui.UpkeepApp;
import dev.upkeep.ui.deploy.RunServices;
import dev.upkeep.windowstate.WindowMemory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds the core the window needs and hands it over; the window shuts it down when it closes. */
final class Window {
    /** Smoke-test mode gives up after this long (seconds; system property upkeep.demo.smokeTimeoutSeconds). */
    static final int SMOKE_TIMEOUT = Integer.getInteger("upkeep.demo.smokeTimeoutSeconds", 180);

    private Window() {
    }

    static void open(String[] args) {
        WindowMemory memory = WindowMemory.inStateDir(Paths.stateDir());
        Path workspace = args.length == 2 ? Path.of(args[1]) : memory.lastWorkspace().orElse(Paths.defaultWorkspace());
        UpkeepApp.launchWith(services(workspace).withMemory(memory), new String[0]);
        memory.awaitSaved(SAVE_SECONDS);
    }

    /** How long the program waits at exit for the window state to reach the disk. */
    private static final int SAVE_SECONDS = 5;

    /** The window on a workspace, offering the demo fleet (Try the demo fleet, File › Open demo fleet). */
    static AppServices services(Path workspace) {
        return services(workspace, RunHistory.inStateDir(), null, PrivateState.standard()).withDemo(DemoHooks.offering(
                () -> demoServices(DemoFleet.start(DemoPace.fromProperty(DemoPace.human())), null, null)));
    }

    /** {@code upkeep --demo [--smoke-test]}: the window on the demo fleet; returns the exit code. */
    static int openDemo(boolean dark, boolean smoke, PrintWriter err) {
        DemoFleet fleet;
        try {
            fleet = DemoFleet.prepare(DemoPace.fromProperty(smoke ? DemoPace.brisk() : DemoPace.human()));
        } catch (IOException e) {
            err.println("upkeep: the demo fleet could not start: " + e.getMessage());
            return 1;
        }
        // The servers start while JavaFX does; the window reads the workspace once they are up.
        CompletableFuture<Void> ready = CompletableFuture.runAsync(() -> {
            try {
                fleet.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        AtomicInteger exit = new AtomicInteger(smoke ? 1 : 0);
        DemoHooks.SmokeResult result = null;
        if (smoke) {
            result = (code, message) -> {
                exit.set(code);
                err.println("upkeep: " + message);
                err.flush();
                endSmokeTest(fleet, code);
            };
            watchdog(err);
        }
        // The demo window remembers its size and theme, never its temporary workspace; a smoke test leaves no trace.
        WindowMemory memory = smoke ? null : WindowMemory.inStateDir(Paths.stateDir());
        UpkeepApp.launchWith(demoServices(fleet, ready, result).withMemory(memory), dark ? new String[]{"--dark"} : new String[0]);
        if (memory != null) {
            memory.awaitSaved(SAVE_SECONDS);
        }
        if (smoke && exit.get() != 0) {
            err.println("upkeep: smoke test failed: the window closed before it finished");
        }
        return exit.get();
    }

    static AppServices demoServices(DemoFleet fleet, CompletableFuture<Void> ready, DemoHooks.SmokeResult smoke) {
        return services(fleet.workspaceFile(), new RunHistory(fleet.stateDir()), fleet, null)
                .withDemo(DemoHooks.demo(ready, smoke));
    }

    /**
     * @param also         closed with the window too (the demo fleet), or null
     * @param privateState the user's own folders to keep private; null for the demo (it lives in a temporary folder)
     */
    private static AppServices services(Path workspace, RunHistory history, AutoCloseable also,
                                        PrivateState privateState) {
        SecretPrompt.Late secrets = new SecretPrompt.Late();
        SshStatusService status = SshStatusService.asking(secrets);
        PassphraseProvider passphrases = SshStatusService.passphrases(secrets);
        RunServices runs = RunServices.standard(ws -> new PoolConnections(ws, passphrases), history);
        AutoCloseable shutdown = also == null ? status : () -> {
            status.close();
            also.close();
        };
        return new AppServices(workspace, ManifestServers.store(), status, shutdown, secrets, runs, privateState, null);
    }

    /**
     * The verdict is printed; end the process the way a finished check does. Platform.exit while the demo's host-key
     * dialog runs its nested event loop threw from inside JavaFX and, on GTK, crashed the JVM in native code (SIGSEGV
     * in the window's destroy). System.exit was no better: JavaFX's shutdown hook stops its renderer while the FX
     * thread still pulses, and each later frame printed a RejectedExecutionException. So the demo is closed here (its
     * servers stopped, its folder deleted) and the JVM halted: no hook runs, the windows are left to the OS. Off the
     * FX thread, which called us.
     */
    private static void endSmokeTest(DemoFleet fleet, int code) {
        Threads.daemon("upkeep-smoke-exit", () -> {
            fleet.close();
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(code);
        }).start();
    }

    /** A smoke test never hangs a packaging pipeline: after the limit it fails, whatever the window is doing. */
    private static void watchdog(PrintWriter err) {
        Threads.daemon("upkeep-smoke-watchdog", () -> {
            try {
                Thread.sleep(SMOKE_TIMEOUT * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            err.println("upkeep: smoke test failed: not finished within " + SMOKE_TIMEOUT + " s");
            err.flush();
            System.exit(1);
        }).start();
    }
}
