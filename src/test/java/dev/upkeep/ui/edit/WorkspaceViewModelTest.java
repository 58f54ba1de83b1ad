package dev.upkeep.ui.edit;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.ServerRef;
import dev.upkeep.ui.SameThreadUiExecutor;
import dev.upkeep.ui.shared.DialogService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class WorkspaceViewModelTest {
    @TempDir
    Path dir;
    private final DialogService dialogs = mock(DialogService.class);
    private final WorkspaceStore store = new WorkspaceStore();

    @Test
    void addApplicationThenServerSavesTheFile() throws Exception {
        Path file = dir.resolve("workspace.yml");
        WorkspaceViewModel vm = loaded(file);
        when(dialogs.show(any(ApplicationFormViewModel.class))).thenAnswer(inv -> {
            ApplicationFormViewModel f = inv.getArgument(0);
            f.nameProperty().set("shop");
            return f.validate();
        });
        when(dialogs.show(any(ServerFormViewModel.class))).thenAnswer(inv -> {
            ServerFormViewModel f = inv.getArgument(0);
            f.nameProperty().set("web1");
            f.hostProperty().set("10.0.0.5");
            f.sudoProperty().set(true);
            return f.validate();
        });

        vm.addApplication();
        vm.addServer("shop");

        Workspace saved = store.load(file);
        assertThat(saved.application("shop").orElseThrow().servers()).extracting(s -> s.name() + "@" + s.host() + " sudo=" + s.sudo())
                .containsExactly("web1@10.0.0.5 sudo=true");
        assertThat(vm.workspace().applications()).hasSize(1);
        assertThat(vm.messageProperty().get()).startsWith("Saved");
    }

    @Test
    void aBrokenFileIsExplainedAndNeverOverwritten() throws Exception {
        Path file = dir.resolve("workspace.yml");
        String broken = "applications:\n  - name: shop\n    servers:\n      - name: web1\n        hostt: 10.0.0.5\n";
        Files.writeString(file, broken);
        WorkspaceViewModel vm = new WorkspaceViewModel(store, new SameThreadUiExecutor(), dialogs, file);
        vm.load(file);

        assertThat(vm.loadedProperty().get()).isFalse();
        assertThat(vm.loadErrorProperty().get()).contains(file.toString() + ":").contains("hostt");
        vm.addApplication();
        vm.addServer(null);
        vm.save();
        verify(dialogs, never()).show(any(ApplicationFormViewModel.class));
        verify(dialogs, never()).show(any(ServerFormViewModel.class));
        assertThat(Files.readString(file)).isEqualTo(broken);
    }

    @Test
    void anEmptyFileIsExplainedAndTheNextEditCannotMakeItPermanent() throws Exception {
        Path file = dir.resolve("workspace.yml");
        Files.writeString(file, ""); // truncated by a crash of another tool, or a bad merge
        WorkspaceViewModel vm = new WorkspaceViewModel(store, new SameThreadUiExecutor(), dialogs, file);
        vm.load(file);

        assertThat(vm.loadedProperty().get()).isFalse();
        assertThat(vm.loadErrorProperty().get()).contains(file.toString()).contains("the file is empty");
        vm.addApplication();
        vm.save();
        verify(dialogs, never()).show(any(ApplicationFormViewModel.class));
        assertThat(file).isEmptyFile();
    }

    @Test
    void aFailedSaveReopensTheSameFormWithTheInput() throws Exception {
        WorkspaceStore failing = mock(WorkspaceStore.class);
        Path file = dir.resolve("workspace.yml");
        when(failing.load(file)).thenReturn(new Workspace(file, null, List.of(new dev.upkeep.fleet.Application("shop", null, null, null, List.of()))));
        org.mockito.Mockito.doThrow(new IOException("disk full")).when(failing).save(any());
        WorkspaceViewModel vm = new WorkspaceViewModel(failing, new SameThreadUiExecutor(), dialogs, file);
        vm.load(file);
        List<ServerFormViewModel> shown = new ArrayList<>();
        when(dialogs.show(any(ServerFormViewModel.class))).thenAnswer(inv -> {
            ServerFormViewModel f = inv.getArgument(0);
            shown.add(f);
            if (shown.size() == 1) {
                f.nameProperty().set("web1");
                f.hostProperty().set("10.0.0.5");
                return f.validate();
            }
            return false; // the user gives up on the second showing
        });

        vm.addServer("shop");

        assertThat(shown).hasSize(2);
        assertThat(shown.get(1)).isSameAs(shown.get(0));
        assertThat(shown.get(1).nameProperty().get()).isEqualTo("web1");
        assertThat(shown.get(1).hostProperty().get()).isEqualTo("10.0.0.5");
        verify(dialogs).showError(anyString(), org.mockito.ArgumentMatchers.contains("disk full"));
        assertThat(vm.workspace().application("shop").orElseThrow().servers()).isEmpty();
    }

    @Test
    void removeServerAsksFirst() throws Exception {
        Path file = dir.resolve("workspace.yml");
        Files.writeString(file, "applications:\n  - name: shop\n    servers:\n      - name: web1\n        host: 10.0.0.5\n");
        WorkspaceViewModel vm = loaded(file);
        when(dialogs.confirm(anyString(), anyString())).thenReturn(false, true);

        vm.removeServer(new ServerRef("shop", "web1"));
        assertThat(store.load(file).application("shop").orElseThrow().servers()).hasSize(1);
        vm.removeServer(new ServerRef("shop", "web1"));
        assertThat(store.load(file).application("shop").orElseThrow().servers()).isEmpty();
        verify(dialogs, times(2)).confirm(anyString(), anyString());
    }

    @Test
    void addServerWithoutApplicationSaysWhatToDoFirst() {
        WorkspaceViewModel vm = loaded(dir.resolve("workspace.yml"));
        vm.addServer(null);
        verify(dialogs).showError(anyString(), org.mockito.ArgumentMatchers.contains("Add an application first"));
        verify(dialogs, never()).show(any(ServerFormViewModel.class));
    }

    private WorkspaceViewModel loaded(Path file) {
        WorkspaceViewModel vm = new WorkspaceViewModel(store, new SameThreadUiExecutor(), dialogs, file);
        vm.load(file);
        assertThat(vm.loadedProperty().get()).isTrue();
        return vm;
    }
}
