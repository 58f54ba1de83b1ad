package dev.upkeep.ui.deploy;

import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.ui.AppServices;
import dev.upkeep.ui.CannedStatusService;
import dev.upkeep.ui.UpkeepApp;
import dev.upkeep.ui.fleet.ServerRow;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deploy › Export as Ansible playbook… in the real window: the dialog's current servers and options become private
 * files in the chosen folder, Docker with the application's manifest version; an option the workspace cannot back (Weave
 * without a checksum) is refused with the reason, writing nothing.
 */
class ExportPlaybookWindowTest {
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private UpkeepApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void exportWritesTheDialogsServersAndOptionsAsPrivateFilesWithDockerFromTheManifestAndWeaveWithoutChecksumRefused() throws Exception {
        Path workspace = dir.resolve("workspace.yml");
        Files.writeString(dir.resolve("ssh_config"), "");
        Files.writeString(dir.resolve("Manifest.yml"), "docker:\n  configuration:\n    docker_version: 24.0.7\n    weave_version: 2.8.1\n");
        Files.writeString(workspace, """
                settings:
                  sshConfig: ssh_config
                applications:
                  - name: web
                    manifest: Manifest.yml
                    servers:
                      - name: web1
                        host: 10.0.0.11
                      - name: web2
                        host: 10.0.0.12
                  - name: db
                    servers:
                      - name: db1
                        host: 10.0.0.21
                """);
        FxToolkit.registerPrimaryStage();
        app = (UpkeepApp) FxToolkit.setupApplication(() -> new UpkeepApp(new AppServices(workspace, new WorkspaceStore(),
                new CannedStatusService(1, () -> 0), null, null, new FakeRuns(1, 0, Set.of()).services(dir.resolve("state")))));
        TableView<ServerRow> table = robot.lookup("#server-table").queryTableView();
        await().until(() -> fx(() -> table.getItems().size()) == 3);
        fx(() -> {
            table.getSelectionModel().selectAll();
            return null;
        });
        robot.clickOn("#deploy");
        robot.lookup("#deploy-dialog").query();
        // the dialog's own choice, not the table's: web2 unticked, reboot on, one after the other, stop
        // after 1 failure (serial has no limit of its own, so max_fail_percentage comes only from the dialog)
        TableView<ServerChoice> servers = robot.lookup("#deploy-servers").queryTableView();
        fx(() -> {
            servers.getItems().stream().filter(c -> c.ref().server().equals("web2")).findFirst().orElseThrow().selectedProperty().set(false);
            robot.lookup("#opt-reboot").queryAs(CheckBox.class).setSelected(true);
            robot.lookup("#opt-serial").queryAs(javafx.scene.control.RadioButton.class).setSelected(true);
            @SuppressWarnings("unchecked")
            Spinner<Integer> failures = robot.lookup("#opt-max-failures").queryAs(Spinner.class);
            failures.getValueFactory().setValue(1);
            return null;
        });

        Path out = dir.resolve("playbook");
        Button exportButton = robot.lookup("#deploy-export").queryButton();
        fx(() -> {
            exportButton.getScene().getWindow().setWidth(720); // narrower than all the buttons' words with the busy text
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> exportButton.getWidth() >= exportButton.prefWidth(-1) - 0.5)).as("the button keeps its words").isTrue();
        robot.clickOn("#deploy-export");
        robot.lookup("#export-dialog").query();
        robot.clickOn("#export-folder").write(out.toString());
        robot.clickOn("#export-write");
        await().until(() -> !text("#export-result").isEmpty() || !text("#export-problem").isEmpty());
        assertThat(text("#export-problem")).isEmpty();
        assertThat(text("#export-result")).contains("ansible.cfg, inventory.yml, upkeep.yml").contains(out.toString());

        assertThat(mode(out)).isEqualTo("rwx------");
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> out.relativize(p) + " " + mode(p)).sorted().toList())
                    .containsExactly("ansible.cfg rw-------", "files/upkeep-security-upgrade.sh rw-------",
                            "inventory.yml rw-------", "upkeep.yml rw-------");
        }
        String inventory = Files.readString(out.resolve("inventory.yml"));
        assertThat(inventory).contains("web1").contains("db1").doesNotContain("web2");
        String playbook = Files.readString(out.resolve("upkeep.yml"));
        assertThat(playbook).contains("serial: 1").contains("/var/run/reboot-required").contains("ansible.builtin.reboot")
                .contains("max_fail_percentage: 0");

        // Docker ticked: web's manifest version becomes its group's vars (db has no manifest: unticked)
        Path withDocker = dir.resolve("docker");
        fx(() -> {
            servers.getItems().stream().filter(c -> c.ref().server().equals("db1")).findFirst().orElseThrow().selectedProperty().set(false);
            robot.lookup("#opt-docker").queryAs(CheckBox.class).setSelected(true);
            robot.lookup("#export-dialog").query().getScene().getWindow().hide(); // the first export dialog is done
            return null;
        });
        exportTo(withDocker);
        await().until(() -> !text("#export-result").isEmpty() || !text("#export-problem").isEmpty());
        assertThat(text("#export-problem")).isEmpty();
        assertThat(Files.readString(withDocker.resolve("inventory.yml"))).contains("upkeep_docker_version: !unsafe \"24.0.7\"");
        assertThat(Files.readString(withDocker.resolve("upkeep.yml"))).contains("docker-ce={{ upkeep_docker_package }}");

        // Weave ticked too: Upkeep has no checksum for 2.8.1 from this workspace, so it is refused and writes nothing
        Path refused = dir.resolve("refused");
        fx(() -> {
            robot.lookup("#opt-weave").queryAs(CheckBox.class).setSelected(true);
            robot.lookup("#export-dialog").query().getScene().getWindow().hide();
            return null;
        });
        exportTo(refused);
        await().until(() -> !text("#export-problem").isEmpty());
        assertThat(text("#export-problem")).contains("application 'web'").contains("SHA-256").contains("nothing was written");
        assertThat(text("#export-result")).isEmpty();
        assertThat(refused).doesNotExist();
    }

    private void exportTo(Path folder) {
        robot.clickOn("#deploy-export");
        robot.lookup("#export-dialog").query();
        robot.clickOn("#export-folder").write(folder.toString());
        robot.clickOn("#export-write");
    }

    private static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String text(String query) throws Exception {
        return fx(() -> {
            String t = robot.lookup(query).queryLabeled().getText();
            return t == null ? "" : t;
        });
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
