package dev.upkeep.ui.fleet;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.RefreshHandle;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.StatusListener;
import dev.upkeep.run.StatusService;
import dev.upkeep.ui.Canned;
import dev.upkeep.ui.SameThreadUiExecutor;
import dev.upkeep.ui.shared.DialogService;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import static dev.upkeep.ui.fleet.FleetFixtures.APP1;
import static dev.upkeep.ui.fleet.FleetFixtures.WEB1;
import static dev.upkeep.ui.fleet.FleetFixtures.WEB2;
import static dev.upkeep.ui.fleet.FleetFixtures.WEB3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class FleetViewModelTest {
    private final StatusService service = mock(StatusService.class);
    private final DialogService dialogs = mock(DialogService.class);
    private final SimpleObjectProperty<Workspace> workspace = new SimpleObjectProperty<>(FleetFixtures.workspace());
    private final List<Collection<ServerRef>> asked = new ArrayList<>();
    private StatusListener listener;
    private CompletableFuture<List<ServerStatus>> completion;
    private FleetViewModel vm;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        when(service.refresh(any(), any(), anyBoolean(), any())).thenAnswer(inv -> {
            asked.add(List.copyOf((Collection<ServerRef>) inv.getArgument(1)));
            listener = inv.getArgument(3);
            completion = new CompletableFuture<>();
            RefreshHandle handle = mock(RefreshHandle.class);
            when(handle.completion()).thenReturn(completion);
            return handle;
        });
        vm = new FleetViewModel(workspace, service, new SameThreadUiExecutor(), dialogs);
    }

    @Test
    void rowsFillInAsServersAnswer() {
        vm.refreshShown(false);
        assertThat(vm.rows()).extracting(r -> r.state().phase()).containsOnly(Phase.QUEUED);
        assertThat(vm.refresh().runningProperty().get()).isTrue();

        listener.started(WEB1);
        assertThat(vm.row(WEB1).state().phase()).isEqualTo(Phase.CHECKING);
        listener.finished(WEB1, Canned.rebootRequired("shop", "web1"));

        assertThat(vm.row(WEB1).state().rebootRequired()).isTrue();
        assertThat(vm.row(WEB1).state().phase()).isEqualTo(Phase.IDLE);
        assertThat(vm.row(WEB2).state().known()).isFalse();
        assertThat(vm.row(WEB2).state().phase()).isEqualTo(Phase.QUEUED);
        assertThat(vm.refresh().progressProperty().get()).isEqualTo(0.25);

        finishAll();
        assertThat(vm.refresh().runningProperty().get()).isFalse();
        assertThat(vm.rows()).extracting(r -> r.state().phase()).containsOnly(Phase.IDLE);
        assertThat(vm.refresh().messageProperty().get()).startsWith("Checked 4 of 4 servers");
    }

    @Test
    void countsFollowTheAnswers() {
        vm.refreshShown(false);
        finishAll();
        FleetCounts c = vm.counts();
        assertThat(c.serversProperty().get()).isEqualTo(4);
        assertThat(c.reachableProperty().get()).isEqualTo(3);
        assertThat(c.unreachableProperty().get()).isEqualTo(1);
        assertThat(c.rebootRequiredProperty().get()).isEqualTo(1);
        assertThat(c.securityPendingProperty().get()).isEqualTo(1);
        AppItem shop = vm.applications().stream().filter(a -> "shop".equals(a.name())).findFirst().orElseThrow();
        assertThat(shop.attentionProperty().get()).as("web1 reboot, web3 unreachable").isEqualTo(2);
        assertThat(vm.applications().get(0).attentionProperty().get()).isEqualTo(3);
    }

    @Test
    void needsAttentionOnlyHidesHealthyAndUncheckedServers() {
        vm.refreshShown(false);
        finishAll();
        vm.attentionOnlyProperty().set(true);
        assertThat(vm.visibleRows()).extracting(ServerRow::ref).containsExactlyInAnyOrder(WEB1, WEB3, APP1);
        vm.attentionOnlyProperty().set(false);
        assertThat(vm.visibleRows()).hasSize(4);
    }

    @Test
    void searchMatchesNameHostOsAndVersionsIgnoringCase() {
        vm.refreshShown(false);
        finishAll();
        vm.searchProperty().set("WEB2");
        assertThat(vm.visibleRows()).extracting(ServerRow::ref).containsExactly(WEB2);
        vm.searchProperty().set("db.example");
        assertThat(vm.visibleRows()).extracting(ServerRow::ref).containsExactly(WEB3);
        vm.searchProperty().set("bookworm");
        assertThat(vm.visibleRows()).extracting(ServerRow::ref).containsExactly(APP1);
        vm.searchProperty().set("20.10.24");
        assertThat(vm.visibleRows()).extracting(ServerRow::ref).containsExactly(APP1);
        vm.searchProperty().set("nothing-like-this");
        assertThat(vm.visibleRows()).isEmpty();
    }

    @Test
    void selectedApplicationLimitsRowsAndRefresh() {
        AppItem billing = vm.applications().stream().filter(a -> "billing".equals(a.name())).findFirst().orElseThrow();
        vm.selectedApplicationProperty().set(billing);
        assertThat(vm.visibleRows()).extracting(ServerRow::ref).containsExactly(APP1);
        vm.refreshShown(true);
        assertThat(asked).containsExactly(List.of(APP1));
        verify(service).refresh(any(), any(), org.mockito.ArgumentMatchers.eq(true), any());
    }

    @Test
    void cancelledRefreshLeavesNoRowChecking() {
        vm.refreshShown(false);
        listener.started(WEB1);
        listener.finished(WEB1, Canned.healthy("shop", "web1"));
        listener.started(WEB2);
        vm.cancelRefresh();
        completion.completeExceptionally(new CancellationException());
        assertThat(vm.rows()).extracting(r -> r.state().phase()).containsOnly(Phase.IDLE);
        assertThat(vm.row(WEB1).state().reachable()).isTrue();
        assertThat(vm.row(WEB2).state().known()).isFalse();
        assertThat(vm.refresh().messageProperty().get()).contains("cancelled");
        verify(dialogs, never()).showError(any(), any(Throwable.class));
    }

    @Test
    void aRefreshThatCannotStartIsReportedAndLeavesNoRowWaiting() {
        org.mockito.Mockito.doThrow(new IllegalStateException("known_hosts unreadable")).when(service).refresh(any(), any(), anyBoolean(), any());
        vm.refreshShown(false);
        assertThat(vm.refresh().runningProperty().get()).isFalse();
        assertThat(vm.rows()).extracting(r -> r.state().phase()).containsOnly(Phase.IDLE);
        verify(dialogs).showError(org.mockito.ArgumentMatchers.eq("Refresh failed"), any(Throwable.class));
    }

    @Test
    void statusesSurviveAWorkspaceEditAndRemovedServersDisappear() {
        vm.refreshShown(false);
        finishAll();
        Workspace ws = workspace.get();
        workspace.set(ws.withApplications(List.of(ws.applications().get(0))));
        assertThat(vm.rows()).extracting(ServerRow::ref).containsExactly(WEB1, WEB2, WEB3);
        assertThat(vm.row(WEB1).state().rebootRequired()).isTrue();
        assertThat(vm.counts().serversProperty().get()).isEqualTo(3);
    }

    @Test
    void emptyWorkspaceIsEmpty() {
        assertThat(vm.emptyProperty().get()).isFalse();
        workspace.set(Workspace.empty(workspace.get().file()));
        assertThat(vm.emptyProperty().get()).isTrue();
        assertThat(vm.applications()).hasSize(1);
    }

    private void finishAll() {
        for (ServerRef r : List.of(WEB1, WEB2, WEB3, APP1)) {
            listener.started(r);
        }
        listener.finished(WEB1, Canned.rebootRequired("shop", "web1"));
        listener.finished(WEB2, Canned.healthy("shop", "web2"));
        listener.finished(WEB3, Canned.unreachable("shop", "web3"));
        listener.finished(APP1, Canned.securityPending("billing", "app1"));
        completion.complete(List.of());
    }
}
