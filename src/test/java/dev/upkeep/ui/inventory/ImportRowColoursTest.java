package dev.upkeep.ui.inventory;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.ui.SameThreadUiExecutor;
import dev.upkeep.ui.shared.Theme;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.paint.Paint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import preview's rows are coloured by what Import would do (a bar and a tint per kind), from the theme's
 * colours: each kind has its own, and the dark theme has its own set.
 */
class ImportRowColoursTest {
    private static final List<String> KINDS = List.of("import-add", "import-change", "import-skip", "import-note");
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        fx(() -> new Theme(false)); // the next test class starts light
        FxToolkit.cleanupStages();
    }

    @Test
    void eachKindOfRowHasItsOwnBarAndTintInTheLightAndTheDarkTheme() throws Exception {
        Path workspace = dir.resolve("workspace.yml");
        Files.writeString(dir.resolve("ssh_config"), "");
        Files.writeString(workspace, """
                settings:
                  sshConfig: ssh_config
                applications:
                  - name: web
                    servers:
                      - name: web1
                        host: 10.0.0.11
                  - name: db
                    servers:
                      - name: old
                        host: 10.0.0.21
                """);
        Path inventory = dir.resolve("hosts.yml");
        Files.writeString(inventory, """
                all:
                  children:
                    web:
                      hosts:
                        web1: {ansible_host: 10.0.0.12}
                        web2: {ansible_host: 10.0.0.13, ansible_password: secret}
                    db:
                      hosts:
                        db1: {ansible_host: 10.0.0.21}
                """);
        Workspace ws = new WorkspaceStore().load(workspace);
        FxToolkit.registerPrimaryStage();
        fx(() -> {
            new Theme(false);
            ImportViewModel vm = new ImportViewModel(new WorkspaceStore(), new SameThreadUiExecutor(), () -> ws, saved -> { });
            new ImportDialog(vm, null).show();
            vm.fileProperty().set(inventory.toString());
            vm.preview();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, List<Paint>> light = looks();
        assertThat(light).containsOnlyKeys(KINDS);
        light.forEach((kind, fills) -> assertThat(fills).as(kind + ": border, bar, base, tint and the text").hasSize(5));
        assertThat(light.values().stream().map(f -> f.get(1)).distinct()).as("a bar colour per kind").hasSize(4);
        assertThat(light.values().stream().map(f -> f.get(3)).distinct()).as("a tint per kind").hasSize(4);
        assertThat(light.get("import-skip").get(4)).as("skipped rows read muted").isNotEqualTo(light.get("import-add").get(4));

        fx(() -> new Theme(true));
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, List<Paint>> dark = looks();
        for (String kind : KINDS) {
            assertThat(dark.get(kind)).as(kind + " in the dark theme").hasSize(5);
            assertThat(dark.get(kind).get(1)).as(kind + ": the dark theme's own bar").isNotEqualTo(light.get(kind).get(1));
            assertThat(dark.get(kind).get(3)).as(kind + ": the dark theme's own tint").isNotEqualTo(light.get(kind).get(3));
        }
    }

    /** Per kind of row: its background layers' colours, then its second cell's text colour. */
    private Map<String, List<Paint>> looks() throws Exception {
        return fx(() -> {
            Map<String, List<Paint>> out = new LinkedHashMap<>();
            for (Node n : robot.lookup("#import-rows").lookup(".table-row-cell").queryAll()) {
                TableRow<?> row = (TableRow<?>) n;
                if (row.isEmpty()) {
                    continue;
                }
                String kind = KINDS.stream().filter(row.getStyleClass()::contains).findFirst().orElse("none");
                List<Paint> paints = new java.util.ArrayList<>(row.getBackground() == null ? List.of()
                        : row.getBackground().getFills().stream().map(f -> f.getFill()).toList());
                paints.add(((Labeled) row.lookupAll(".table-cell").stream().skip(1).findFirst().orElseThrow()).getTextFill());
                out.putIfAbsent(kind, paints);
            }
            return out;
        });
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
