package dev.upkeep.ui;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.UnknownHostKey;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Starts the real window against canned statuses: 30 servers in 3 applications (or {@code --servers N} spread over
 * them), refreshed at start, the first reboot-required row selected. {@code --form} then opens "Add server" with a
 * mistake in it; {@code --manifest} gives shop a Manifest.yml (drift shows, a drifted row is selected) and
 * {@code --editor} opens that manifest with a validation error. For screenshots under Xvfb:
 * <pre>
 *   mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/ui-cp.txt
 *   DISPLAY=:99 java -cp target/classes:target/test-classes:$(cat /tmp/ui-cp.txt) dev.upkeep.ui.DemoWindowMain [--dark] [--unknown-key] [--empty] [--form] [--servers N] [--manifest] [--editor]
 * </pre>
 */
public final class DemoWindowMain {
    private DemoWindowMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        if (options.contains("--dark")) {
            System.setProperty("upkeep.theme", "dark");
        }
        Path dir = Files.createTempDirectory("upkeep-demo");
        Path file = dir.resolve("workspace.yml");
        WorkspaceStore store = new WorkspaceStore();
        Random random = new Random(7);
        CannedStatusService service = new CannedStatusService(10, () -> 100 + random.nextInt(700));
        if (!options.contains("--empty")) {
            int index = options.indexOf("--servers");
            int perApp = index >= 0 ? Math.max(1, Integer.parseInt(options.get(index + 1)) / 3) : 10;
            Workspace ws = fleet(file, service, perApp);
            if (options.contains("--manifest") || options.contains("--editor")) {
                ws = DemoManifest.attach(ws);
            }
            store.save(ws);
            if (options.contains("--unknown-key")) {
                service.unknownKey(new UnknownHostKey(new ServerRef("billing", "billing-app3"), "10.0.2.13", 22, "ssh-ed25519",
                        "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8", null));
            }
            if (options.contains("--substituted-key")) {
                service.unknownKey(new UnknownHostKey(new ServerRef("shop", "shop-web2"), "10.0.1.12", 22, "ssh-ed25519",
                        "SHA256:q0ZbNQ3P6bVxWm3nT1yQy5lGmO0sJ2RkqfS9r4dVh3E", null, "10.0.1.12", false,
                        List.of(new UnknownHostKey.KnownKey("ecdsa-sha2-nistp256",
                                "SHA256:Xy3B2c1qM8kq6y7iJ0zY4mV9rT5wQe1oP2aS3dF4gH8", "~/.ssh/known_hosts:14"))));
            }
        }
        // --deploy / --run / --history / --one-click: deploys with stand-in procedures (no server is touched), history in a temp folder
        dev.upkeep.ui.deploy.RunServices runs = new dev.upkeep.ui.deploy.FakeRuns(4000, 60, java.util.Set.of("shop-web3"))
                .services(dir.resolve("state"));
        AppServices services = new AppServices(file, store, service, () -> { }, null, runs);
        Platform.startup(() -> {
            UpkeepApp app = new UpkeepApp(services);
            Stage stage = new Stage();
            app.start(stage);
            stage.setOnHidden(e -> {
                app.stop();
                Platform.exit();
            });
            if (!options.contains("--empty")) {
                refreshWhenLoaded(app, stage, options);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void refreshWhenLoaded(UpkeepApp app, Stage stage, List<String> options) {
        AppContext c = app.context();
        c.workspace.loadedProperty().addListener((o, was, loaded) -> {
            if (!loaded) {
                return;
            }
            c.fleet.refreshShown(false);
            c.fleet.refresh().runningProperty().addListener((o2, wasRunning, running) -> {
                if (running) {
                    return;
                }
                var table = (javafx.scene.control.TableView<dev.upkeep.ui.fleet.ServerRow>) stage.getScene().lookup("#server-table");
                table.getItems().stream().filter(r -> options.contains("--manifest") ? r.state().dockerDrifted() : r.state().rebootRequired())
                        .findFirst().ifPresent(r -> table.getSelectionModel().select(r));
                if (options.contains("--manifest")) {
                    table.scrollToColumnIndex(9); // show Docker and Weave beside the detail pane
                }
                if (options.contains("--form")) {
                    Platform.runLater(() -> openFormWithMistake(c));
                }
                if (options.contains("--editor")) {
                    Platform.runLater(() -> DemoManifest.openWithMistake(c));
                }
                if (options.contains("--deploy") || options.contains("--run") || options.contains("--one-click")) {
                    Platform.runLater(() -> DemoDeploy.start(c, table, options));
                }
            });
        });
    }

    private static void openFormWithMistake(AppContext c) {
        c.dialogs.show(withMistake(dev.upkeep.ui.edit.ServerFormViewModel.forNew(c.workspace.workspace(), "shop")));
    }

    private static dev.upkeep.ui.edit.ServerFormViewModel withMistake(dev.upkeep.ui.edit.ServerFormViewModel form) {
        form.nameProperty().set("shop-web1");
        form.hostProperty().set("10.0.0.21");
        form.portProperty().set("2222x");
        form.validate();
        return form;
    }

    static Workspace fleet(Path file, CannedStatusService service, int perApp) {
        String[][] apps = {{"shop", "production", "shop-web"}, {"billing", "production", "billing-app"}, {"intranet", "staging", "intra"}};
        List<Application> list = new ArrayList<>();
        int n = 0;
        for (String[] a : apps) {
            List<Server> servers = new ArrayList<>();
            for (int i = 1; i <= perApp; i++, n++) {
                String name = a[2] + i;
                servers.add(new Server(name, "10." + list.size() + "." + (i / 200) + "." + (10 + i % 200), null, "ubuntu", null, true, List.of("web")));
                service.answer(status(a[0], name, n));
            }
            list.add(new Application(a[0], a[1], null, null, servers));
        }
        return new Workspace(file, null, list);
    }

    private static ServerStatus status(String app, String name, int n) {
        if (n % 11 == 4) {
            return Canned.unreachable(app, name);
        }
        if (n % 13 == 9) {
            return Canned.partlyKnown(app, name);
        }
        if (n % 7 == 2) {
            return Canned.rebootRequired(app, name);
        }
        if (n % 5 == 3) {
            return Canned.securityPending(app, name);
        }
        ServerStatus h = Canned.healthy(app, name);
        if (n % 6 == 0) {
            return new ServerStatus(app, name, true, null, h.os(), h.kernel(), h.installedKernel(), h.bootId(),
                    (long) (n + 1) * 7200, false, List.of(), null, 0, 0, Canned.NOW.minus(Duration.ofDays(2)), true,
                    "24.0.7", null, h.checkedAt());
        }
        return h;
    }
}
