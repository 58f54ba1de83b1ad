package dev.upkeep.ui.manifest;

import dev.upkeep.files.TinyDisk;
import dev.upkeep.manifest.ManifestFiles;
import dev.upkeep.manifest.ManifestServer;
import dev.upkeep.manifest.ManifestValidator;
import dev.upkeep.manifest.Problem;
import dev.upkeep.manifest.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The editor's view model without a screen: immediate tasks, mocked dialogs, real files in a temp dir. */
class ManifestEditorViewModelTest {
    @TempDir
    Path dir;

    private final ManifestDialogs dialogs = mock(ManifestDialogs.class);
    private final ManifestEditorViewModel vm = new ManifestEditorViewModel(new ManifestFiles(), new ManifestValidator(),
            dialogs, ManifestTasks.immediate());

    private Path open(String corpusFile) throws IOException {
        Path file = dir.resolve("Manifest.yml");
        Files.copy(corpus(corpusFile), file);
        vm.open(file);
        return file;
    }

    static Path corpus(String name) {
        try {
            return Path.of(ManifestEditorViewModelTest.class.getResource("/manifests/good/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void openingFillsTextFormAndProblems() throws Exception {
        Path file = open("01-docs-flat-servers.yml");

        assertThat(vm.textProperty().get()).isEqualTo(Files.readString(file));
        assertThat(vm.environments()).containsExactly("production");
        assertThat(vm.selectedEnvironmentProperty().get()).isEqualTo("production");
        assertThat(vm.dockerVersionProperty().get()).isEqualTo("24.0.7");
        assertThat(vm.weaveVersionProperty().get()).isEqualTo("2.8.1");
        assertThat(vm.servers()).extracting(ManifestServer::uniqueName).containsExactly("web1", "web2");
        assertThat(vm.problems()).extracting(Problem::severity).containsOnly(Severity.WARNING);
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void changingTheDockerVersionInTheFormChangesOnlyThoseCharacters() throws Exception {
        Path file = open("04-comments-everywhere.yml");
        String before = Files.readString(file);

        assertThat(vm.applyDockerVersion(" 25.0.3 ")).isTrue();

        assertThat(vm.textProperty().get()).isEqualTo(before.replace("docker_version: 24.0.7", "docker_version: 25.0.3"));
        assertThat(vm.dockerVersionProperty().get()).isEqualTo("25.0.3");
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(Files.readString(file)).as("not saved yet").isEqualTo(before);
    }

    @Test
    void anInvalidVersionInTheFormIsRefusedWithAMessage() throws Exception {
        open("02-nested-servers.yml");
        String before = vm.textProperty().get();

        assertThat(vm.applyDockerVersion("latest")).isFalse();
        assertThat(vm.applyWeaveVersion("2.8")).isFalse();

        assertThat(vm.textProperty().get()).isEqualTo(before);
        assertThat(vm.messageProperty().get()).contains("not a Weave version");
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void typingInTheTextUpdatesTheFormAndTheProblems() throws Exception {
        open("02-nested-servers.yml");

        vm.textEdited(vm.textProperty().get().replace("25.0.3", "25.0"));

        assertThat(vm.dockerVersionProperty().get()).isEqualTo("25.0");
        assertThat(vm.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.line()).isEqualTo(3);
        });
    }

    @Test
    void whileTheTextDoesNotParseTheFormKeepsItsLastValuesAndEditsAreRefused() throws Exception {
        open("02-nested-servers.yml");

        vm.textEdited("docker: {configuration:\n");

        assertThat(vm.dockerVersionProperty().get()).isEqualTo("25.0.3");
        assertThat(vm.problems()).anySatisfy(p -> assertThat(p.isError()).isTrue());
        assertThat(vm.applyDockerVersion("26.0.0")).isFalse();
        assertThat(vm.messageProperty().get()).contains("YAML errors");
    }

    @Test
    void switchingEnvironmentShowsItsVersions() throws Exception {
        open("03-older-version-key.yml");

        vm.selectedEnvironmentProperty().set("staging");

        assertThat(vm.dockerVersionProperty().get()).isEqualTo("17.06.2-ce");
        assertThat(vm.weaveVersionProperty().get()).isEmpty();
        assertThat(vm.servers()).extracting(ManifestServer::uniqueName).containsExactly("legacy-stage");
    }

    @Test
    void saveShowsTheDiffThenWritesAtomicallyWithABackup() throws Exception {
        Path file = open("02-nested-servers.yml");
        String before = Files.readString(file);
        when(dialogs.confirmSave(anyString(), anyList())).thenReturn(true);
        vm.applyDockerVersion("26.1.0");

        vm.save();

        ArgumentCaptor<String> diff = ArgumentCaptor.forClass(String.class);
        verify(dialogs).confirmSave(diff.capture(), anyList());
        assertThat(diff.getValue()).contains("-    docker_version: 25.0.3\n+    docker_version: 26.1.0\n");
        assertThat(Files.readString(file)).isEqualTo(before.replace("25.0.3", "26.1.0"));
        assertThat(Files.readString(dir.resolve("Manifest.yml.bak"))).isEqualTo(before);
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void aSaveOnAFullDiskKeepsTheEditsAndTheFileAndSaysDiskFull() throws Exception {
        try (TinyDisk disk = TinyDisk.mount(dir.resolve("disk"))) {
            Path file = disk.root().resolve("Manifest.yml");
            Files.copy(corpus("04-comments-everywhere.yml"), file);
            byte[] before = Files.readAllBytes(file);
            vm.open(file);
            assertThat(vm.applyDockerVersion("25.0.3")).isTrue();
            String edited = vm.textProperty().get();
            when(dialogs.confirmSave(anyString(), anyList())).thenReturn(true);
            disk.fill();

            vm.save();

            verify(dialogs).showError(anyString(), contains("disk full"));
            assertThat(vm.messageProperty().get()).contains("disk full").contains(file.toString());
            assertThat(vm.textProperty().get()).isEqualTo(edited);
            assertThat(vm.dirtyProperty().get()).isTrue();
            assertThat(vm.savingProperty().get()).isFalse();
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            assertThat(disk.names()).containsExactly("Manifest.yml");

            disk.free();
            vm.save();

            assertThat(Files.readString(file)).isEqualTo(edited);
            assertThat(vm.dirtyProperty().get()).isFalse();
        }
    }

    @Test
    void declinedSaveWritesNothing() throws Exception {
        Path file = open("02-nested-servers.yml");
        String before = Files.readString(file);
        vm.applyDockerVersion("26.1.0");

        vm.save();

        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(vm.dirtyProperty().get()).isTrue();
    }

    @Test
    void errorsBlockTheSaveAndTheEditsStay() throws Exception {
        Path file = open("02-nested-servers.yml");
        String before = Files.readString(file);
        String broken = before.replace("25.0.3", "banana");
        vm.textEdited(broken);

        vm.save();

        verify(dialogs).showSaveBlocked(anyList());
        verify(dialogs, never()).confirmSave(anyString(), anyList());
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(vm.textProperty().get()).isEqualTo(broken);
    }

    @Test
    void warningsArePassedToTheConfirmationAsSaveAnyway() throws Exception {
        open("01-docs-flat-servers.yml");
        vm.applyWeaveVersion("2.8.2");

        vm.save();

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Problem>> warnings = ArgumentCaptor.forClass(List.class);
        verify(dialogs).confirmSave(anyString(), warnings.capture());
        assertThat(warnings.getValue()).hasSize(2).allSatisfy(p -> assertThat(p.isError()).isFalse());
    }

    @Test
    void aFileChangedOnDiskIsNotOverwrittenWhenTheUserCancels() throws Exception {
        Path file = open("02-nested-servers.yml");
        when(dialogs.confirmSave(anyString(), anyList())).thenReturn(true);
        when(dialogs.changedOnDisk(anyString(), anyString(), anyString())).thenReturn(ManifestDialogs.ChangedOnDisk.CANCEL);
        Files.writeString(file, "# someone else\n" + Files.readString(file));
        vm.applyDockerVersion("26.1.0");
        String mine = vm.textProperty().get();

        vm.save();

        verify(dialogs).changedOnDisk(anyString(), org.mockito.ArgumentMatchers.startsWith("# someone else"), any());
        assertThat(Files.readString(file)).startsWith("# someone else").contains("25.0.3");
        assertThat(vm.textProperty().get()).isEqualTo(mine);
        assertThat(vm.dirtyProperty().get()).isTrue();
    }

    @Test
    void aFileChangedOnDiskIsOverwrittenOnlyWhenTheUserSaysSo() throws Exception {
        Path file = open("02-nested-servers.yml");
        when(dialogs.confirmSave(anyString(), anyList())).thenReturn(true);
        when(dialogs.changedOnDisk(anyString(), anyString(), anyString())).thenReturn(ManifestDialogs.ChangedOnDisk.OVERWRITE);
        Files.writeString(file, "# someone else\n");
        vm.applyDockerVersion("26.1.0");

        vm.save();

        assertThat(Files.readString(file)).isEqualTo(vm.textProperty().get());
        assertThat(Files.readString(dir.resolve("Manifest.yml.bak"))).isEqualTo("# someone else\n");
    }

    @Test
    void closingWithUnsavedChangesAsksAndCanBeRefused() throws Exception {
        open("02-nested-servers.yml");
        assertThat(vm.canClose()).isTrue();
        vm.applyDockerVersion("26.1.0");

        assertThat(vm.canClose()).isFalse();
        verify(dialogs).confirmDiscard("Manifest.yml");
    }

    @Test
    void serversCanBeAddedRenamedReaddressedAndRemovedThroughTheForm() throws Exception {
        open("02-nested-servers.yml");

        assertThat(vm.addServer("app-c", "10.0.0.3")).isTrue();
        assertThat(vm.renameServer("app-c", "app-d")).isTrue();
        assertThat(vm.setServerAddress("app-d", "10.0.0.4")).isTrue();
        assertThat(vm.removeServer("app-a")).isTrue();
        assertThat(vm.addServer("app-b", null)).isFalse();

        assertThat(vm.servers()).extracting(ManifestServer::uniqueName, ManifestServer::address)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("app-b", null),
                        org.assertj.core.groups.Tuple.tuple("app-d", "10.0.0.4"));
        assertThat(vm.messageProperty().get()).contains("already exists");
    }

    @Test
    void jumpingToAProblemPublishesItEvenTwice() throws Exception {
        open("01-docs-flat-servers.yml");
        Problem first = vm.problems().get(0);
        List<Problem> seen = new java.util.ArrayList<>();
        vm.jumpTargetProperty().addListener((o, was, now) -> {
            if (now != null) {
                seen.add(now);
            }
        });

        vm.jumpTo(first);
        vm.jumpTo(first);

        assertThat(seen).containsExactly(first, first);
    }

    @Test
    void anUnreadableFileIsReportedAndNothingIsLoaded() throws Exception {
        Path file = Files.write(dir.resolve("Manifest.yml"), new byte[]{'a', ':', (byte) 0xFF});

        vm.open(file);

        verify(dialogs).showError(org.mockito.ArgumentMatchers.contains("Cannot open"), org.mockito.ArgumentMatchers.contains("not UTF-8"));
        assertThat(vm.textProperty().get()).isEmpty();
    }
}
