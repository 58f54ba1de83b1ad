package dev.upkeep.ui.fleet;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.RefreshHandle;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.StatusService;
import dev.upkeep.ui.SameThreadUiExecutor;
import dev.upkeep.ui.shared.DialogService;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Which refreshes ask the status probe to recompute rather than answer from its cache on the server. */
class RefreshRecomputeTest {
    private final StatusService service = mock(StatusService.class);
    private FleetViewModel vm;

    @BeforeEach
    void setUp() {
        RefreshHandle handle = mock(RefreshHandle.class);
        when(handle.completion()).thenReturn(new CompletableFuture<>());
        when(service.refresh(any(), any(), anyBoolean(), any())).thenReturn(handle);
        when(service.refresh(any(), any(), anyBoolean(), anyBoolean(), any())).thenReturn(handle);
        SimpleObjectProperty<Workspace> workspace = new SimpleObjectProperty<>(FleetFixtures.workspace());
        vm = new FleetViewModel(workspace, service, new SameThreadUiExecutor(), mock(DialogService.class));
    }

    @Test
    void theRefreshAfterAnUpkeepRunRecomputes() {
        List<ServerRef> refs = List.of(FleetFixtures.WEB1);
        vm.refresh().refresh(refs, false, true);
        verify(service).refresh(any(), eq(refs), eq(false), eq(true), any());
    }

    @Test
    void anOrdinaryRefreshLetsTheProbeAnswerFromItsCache() {
        vm.refreshShown(false);
        verify(service).refresh(any(), any(), eq(false), any());
        verify(service, never()).refresh(any(), any(), anyBoolean(), eq(true), any());
    }
}
