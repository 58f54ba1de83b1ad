package dev.upkeep.windowstate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WindowStateFileTest {
    @TempDir
    Path dir;

    private static final WindowState FULL = new WindowState(new WindowBounds(40, 30, 1100, 700, true), List.of(0.2, 0.7),
            List.of(new ColumnState("reboot", 210), new ColumnState("server", 90)), "/home/ops/fleet/workspace.yml", ThemeChoice.DESKTOP);

    @Test
    void whatIsWrittenIsReadBackWhole() throws Exception {
        Path file = dir.resolve("state/window-state.json");
        WindowStateFile.write(file, FULL);
        assertThat(WindowStateFile.read(file)).isEqualTo(FULL);
    }

    @Test
    void theFileAndANewFolderArePrivate() throws Exception {
        Path file = dir.resolve("new/window-state.json");
        WindowStateFile.write(file, FULL);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temp file left beside it").containsExactly(file);
        }
    }

    @Test
    void aMissingFileIsTheEmptyState() {
        assertThat(WindowStateFile.read(dir.resolve("none.json"))).isEqualTo(WindowState.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json at all", "[1,2,3]", "null", "\"text\"", "{\"window\": {\"x\": 1e999999999999}}"})
    void brokenJsonIsIgnored(String text) throws Exception {
        Path file = dir.resolve("window-state.json");
        Files.writeString(file, text);
        assertThat(WindowStateFile.read(file)).isEqualTo(WindowState.EMPTY);
    }

    @Test
    void aHugeFileIsNotReadAtAll() throws Exception {
        Path file = dir.resolve("window-state.json");
        Files.writeString(file, "{\"theme\": \"dark\", \"pad\": \"" + "x".repeat(200_000) + "\"}");
        assertThat(WindowStateFile.read(file)).isEqualTo(WindowState.EMPTY);
    }

    @Test
    void aFolderInPlaceOfTheFileIsIgnored() throws Exception {
        Path file = Files.createDirectory(dir.resolve("window-state.json"));
        assertThat(WindowStateFile.read(file)).isEqualTo(WindowState.EMPTY);
    }

    @Test
    void hugeNumbersLoseOnlyTheirOwnPart() throws Exception {
        Path file = dir.resolve("window-state.json");
        Files.writeString(file, """
                {"window": {"x": 1e300, "y": 0, "width": 1e300, "height": 900},
                 "dividers": [0.2, 7.5],
                 "columns": [{"id": "server", "width": 1e12}, {"id": "reboot", "width": 150}, {"id": "../etc", "width": 90},
                             {"id": "reboot", "width": 99}, 17, {"width": 3}],
                 "lastWorkspace": "relative/ws.yml",
                 "theme": "dark"}
                """);
        WindowState s = WindowStateFile.read(file);
        assertThat(s.bounds()).isNull();
        assertThat(s.dividers()).isEmpty();
        assertThat(s.columns()).containsExactly(new ColumnState("reboot", 150));
        assertThat(s.lastWorkspace()).isNull();
        assertThat(s.theme()).isEqualTo(ThemeChoice.DARK);
    }

    @Test
    void wrongTypesAndAnUnknownThemeAreDropped() throws Exception {
        Path file = dir.resolve("window-state.json");
        Files.writeString(file, """
                {"window": {"x": "left", "y": 0, "width": 800, "height": 600}, "dividers": ["a"],
                 "columns": "all", "lastWorkspace": 42, "theme": "sepia"}
                """);
        assertThat(WindowStateFile.read(file)).isEqualTo(WindowState.EMPTY);
    }

    @Test
    void dividersMustRunLeftToRight() {
        assertThat(WindowStateRules.dividers(List.of(0.7, 0.2), "t")).isEmpty();
        assertThat(WindowStateRules.dividers(List.of(0.2, 0.7), "t")).containsExactly(0.2, 0.7);
    }
}
