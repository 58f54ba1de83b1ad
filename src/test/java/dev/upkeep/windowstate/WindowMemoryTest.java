package dev.upkeep.windowstate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WindowMemoryTest {
    @TempDir
    Path dir;

    @Test
    void theLastWorkspaceIsOfferedWhileItExists() throws Exception {
        Path ws = Files.writeString(dir.resolve("workspace.yml"), "applications: []\n");
        Path file = dir.resolve("window-state.json");
        WindowStateFile.write(file, WindowState.EMPTY.withLastWorkspace(ws.toString()));
        assertThat(WindowMemory.load(file, false).lastWorkspace()).contains(ws);

        Files.delete(ws);
        assertThat(WindowMemory.load(file, false).lastWorkspace()).as("a workspace that no longer exists").isEmpty();
    }

    @Test
    void aStateWithoutWorkspaceKeepsTheOneRememberedBefore() throws Exception {
        Path file = dir.resolve("window-state.json");
        WindowStateFile.write(file, WindowState.EMPTY.withLastWorkspace("/srv/mine/workspace.yml"));
        WindowMemory memory = WindowMemory.load(file, false);
        WindowState demoWindow = new WindowState(new WindowBounds(0, 0, 900, 600, false), List.of(0.3), List.of(), null, ThemeChoice.DARK);

        memory.saveLater(demoWindow).get();

        WindowState saved = WindowStateFile.read(file);
        assertThat(saved.lastWorkspace()).isEqualTo("/srv/mine/workspace.yml");
        assertThat(saved.theme()).isEqualTo(ThemeChoice.DARK);
    }

    @Test
    void aFolderThatCannotBeWrittenLosesOnlyTheMemory() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        WindowMemory memory = WindowMemory.load(blocker.resolve("window-state.json"), false);
        memory.saveLater(WindowState.EMPTY).get();
        assertThat(blocker).hasContent("x");
    }
}
