package dev.upkeep.ui;

import dev.upkeep.bench.FrameMeter;
import dev.upkeep.bench.ProcStatus;
import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.RunEvent;
import dev.upkeep.run.RunStep;
import dev.upkeep.run.RunListener;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.ServerPlan;
import dev.upkeep.run.ServerRef;
import dev.upkeep.ssh.ConnectRequest;
import dev.upkeep.ui.deploy.RunView;
import dev.upkeep.ui.deploy.RunViewModel;
import dev.upkeep.ui.fleet.ServerRow;
import dev.upkeep.ui.shared.logs.LogPaneViewModel;
import javafx.application.Platform;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The window at scale: the real window on a generated workspace (100 applications of 10 servers) against canned
 * statuses with a per-server delay, one refresh of all while the table is sorted and filtered every 250 ms, then a
 * run window with 20 servers whose logs get 100,000 lines each. Prints pulse figures per phase and the process's
 * memory as markdown. Run on purpose with bench/window-scale (under Xvfb), never in the test suite.
 */
public final class WindowScaleBench {
    private static final int LAG = 5_000;
    private static final String[] SEARCHES = {"app-07", "", "web-3", "app-4", "", "db"};

    private WindowScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        int apps = intArg(args, "--apps", 100);
        int perApp = intArg(args, "--per-app", 10);
        int logs = intArg(args, "--logs", 20);
        int lines = intArg(args, "--lines", 100_000);
        Path dir = Files.createTempDirectory("upkeep-scale");
        Path file = dir.resolve("workspace.yml");
        WorkspaceStore store = new WorkspaceStore();
        Random random = new Random(11);
        CannedStatusService service = new CannedStatusService(20, () -> 20 + random.nextInt(280));
        store.save(fleet(file, service, apps, perApp));
        AppServices services = new AppServices(file, store, service, () -> { });
        FrameMeter meter = new FrameMeter();
        AtomicReference<UpkeepApp> app = new AtomicReference<>();
        CountDownLatch loaded = new CountDownLatch(1);
        Platform.startup(() -> {
            UpkeepApp a = new UpkeepApp(services);
            Stage stage = new Stage();
            a.start(stage);
            meter.attach(stage.getScene(), true);
            app.set(a);
            a.context().workspace.loadedProperty().addListener((o, was, now) -> {
                if (now) {
                    loaded.countDown();
                }
            });
            if (a.context().workspace.loadedProperty().get()) {
                loaded.countDown();
            }
        });
        if (!loaded.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the workspace never loaded");
        }
        AppContext c = app.get().context();
        List<String> table = new ArrayList<>();
        table.add(FrameMeter.Stats.HEADER);
        table.add(refreshPhase(c, meter, apps * perApp).row("refresh " + apps * perApp + " servers, sort + filter every 250 ms"));
        if (logs > 0) {
            table.add(logPhase(c, meter, logs, lines).row(logs + " logs × " + String.format("%,d", lines) + " lines"));
        }
        System.gc();
        Thread.sleep(300); // let the collector finish before reading the heap
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        table.add("");
        table.add("| memory | MB |");
        table.add("|---|---|");
        table.add("| resident now (VmRSS) | " + ProcStatus.kb("VmRSS") / 1024 + " |");
        table.add("| resident peak (VmHWM) | " + ProcStatus.kb("VmHWM") / 1024 + " |");
        table.add("| heap used after GC | " + heap / (1024 * 1024) + " |");
        table.add("| heap committed | " + Runtime.getRuntime().totalMemory() / (1024 * 1024) + " |");
        table.forEach(System.out::println);
        if (java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-XX:NativeMemoryTracking"))) {
            // Where the resident memory beyond the heap goes (run with -XX:NativeMemoryTracking=summary).
            System.out.println(java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[]{new String[]{"summary"}}, new String[]{String[].class.getName()}));
        }
        System.out.flush();
        Platform.exit();
        System.exit(0);
    }

    /** Refreshes every server; meanwhile sorts by another column and changes the search every 250 ms. */
    @SuppressWarnings("unchecked")
    private static FrameMeter.Stats refreshPhase(AppContext c, FrameMeter meter, int servers) throws Exception {
        TableView<ServerRow> table = onFx(() -> (TableView<ServerRow>) c.view.node().getScene().lookup("#server-table"));
        CountDownLatch done = new CountDownLatch(1);
        onFx(() -> {
            meter.start();
            c.fleet.refresh().runningProperty().addListener((o, was, now) -> {
                if (!now) {
                    done.countDown();
                }
            });
            c.fleet.refreshShown(false);
            return null;
        });
        boolean announced = false;
        for (int step = 0; !done.await(250, TimeUnit.MILLISECONDS); step++) {
            int s = step;
            double progress = onFx(() -> {
                List<TableColumn<ServerRow, ?>> columns = table.getColumns();
                TableColumn<ServerRow, ?> col = columns.get((s * 3) % columns.size());
                col.setSortType(s % 2 == 0 ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
                table.getSortOrder().setAll(List.of(col));
                c.fleet.searchProperty().set(SEARCHES[s % SEARCHES.length]);
                return c.fleet.refresh().progressProperty().get();
            });
            if (!announced && progress >= 0.4) {
                announced = true;
                // The script takes its screenshot now; the search is cleared so the shot shows the whole table.
                onFx(() -> {
                    c.fleet.searchProperty().set("");
                    return null;
                });
                System.out.println("mid-refresh: " + Math.round(progress * 100) + "% answered");
                System.out.flush();
                Thread.sleep(1500); // the screenshot's moment, not a wait for a condition
            }
        }
        return onFx(meter::stop);
    }

    /** A run window with {@code logs} servers; each gets {@code lines} lines; the shown log changes every 250 ms. */
    private static FrameMeter.Stats logPhase(AppContext c, FrameMeter meter, int logs, int lines) throws Exception {
        List<ServerPlan> plans = new ArrayList<>();
        for (int i = 1; i <= logs; i++) {
            plans.add(new ServerPlan(new ServerRef("bench", "srv" + i), new ConnectRequest("127.0.0.1", 22, "root", null),
                    false, List.of()));
        }
        RunPlan plan = new RunPlan("scale", Instant.now(), RunOptions.security(logs), plans);
        RunViewModel run = new RunViewModel(plan, c.ui, LogPaneViewModel.DEFAULT_CAP, Instant::now);
        RunView view = onFx(() -> {
            RunView v = new RunView(run, c.ui, null);
            meter.attach(v.stage().getScene(), false);
            v.show();
            meter.start();
            return v;
        });
        Map<ServerRef, AtomicLong> shown = new ConcurrentHashMap<>();
        onFx(() -> {
            for (ServerPlan p : plans) {
                AtomicLong n = shown.computeIfAbsent(p.ref(), k -> new AtomicLong());
                run.pane(p.ref()).totalProperty().addListener((o, was, now) -> n.set(now.longValue()));
            }
            return null;
        });
        RunListener listener = run.listener();
        List<Thread> producers = new ArrayList<>();
        Instant at = Instant.now();
        for (ServerPlan p : plans) {
            AtomicLong inPane = shown.get(p.ref());
            Thread t = new Thread(() -> {
                listener.onEvent(new RunEvent.StepChanged(p.ref(), RunStep.UPGRADING, null, at));
                for (int i = 0; i < lines; i++) {
                    if (i % 1_000 == 0) {
                        awaitPane(inPane, i - LAG);
                    }
                    listener.onEvent(new RunEvent.Output(p.ref(), i % 50 == 0 ? RunEvent.Stream.STDERR : RunEvent.Stream.STDOUT,
                            "Unpacking libexample" + (i % 97) + ":amd64 (2.36-9+deb12u" + (i % 13) + ") over (2.36-9) ... " + i, at));
                }
            }, "bench-producer-" + p.ref().server());
            producers.add(t);
            t.start();
        }
        for (int step = 0; !allIn(run, plans, lines); step++) {
            int s = step;
            onFx(() -> {
                var runTable = view.stage().getScene().lookup("#run-overview");
                if (runTable instanceof TableView<?> t) {
                    t.getSelectionModel().clearAndSelect(s % logs);
                }
                return null;
            });
            Thread.sleep(250); // the user's pace of switching logs
        }
        for (Thread t : producers) {
            t.join();
        }
        return onFx(meter::stop);
    }

    /**
     * A producer stays at most {@link #LAG} lines ahead of its pane, as a real server's output is paced by the network:
     * the window drops (and says so) lines past its bounded queue, which this benchmark is not about.
     */
    private static void awaitPane(AtomicLong inPane, long atLeast) {
        while (inPane.get() < atLeast) {
            try {
                Thread.sleep(2); // polls the pane's count; the producer has nothing else to do
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean allIn(RunViewModel run, List<ServerPlan> plans, int lines) throws Exception {
        return onFx(() -> plans.stream().allMatch(p -> run.pane(p.ref()).totalProperty().get() >= lines));
    }

    static Workspace fleet(Path file, CannedStatusService service, int apps, int perApp) {
        List<Application> list = new ArrayList<>();
        int n = 0;
        for (int a = 1; a <= apps; a++) {
            String name = String.format("app-%02d", a);
            List<Server> servers = new ArrayList<>();
            for (int i = 1; i <= perApp; i++, n++) {
                String server = name + (i % 3 == 0 ? "-db" : "-web-") + i;
                servers.add(new Server(server, "10." + (a / 250) + "." + (a % 250) + "." + (10 + i), null, "root", null, false,
                        List.of(i % 3 == 0 ? "db" : "web")));
                service.answer(status(name, server, n));
            }
            list.add(new Application(name, a % 4 == 0 ? "staging" : "production", null, null, servers));
        }
        return new Workspace(file, null, list);
    }

    private static ServerStatus status(String app, String name, int n) {
        if (n % 31 == 4) {
            return Canned.unreachable(app, name);
        }
        if (n % 7 == 2) {
            return Canned.rebootRequired(app, name);
        }
        return n % 5 == 3 ? Canned.securityPending(app, name) : Canned.healthy(app, name);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(work.call());
            } catch (Exception e) {
                failure.set(e);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the FX thread did not answer in 2 minutes");
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1].replace("_", ""));
            }
        }
        return fallback;
    }
}
