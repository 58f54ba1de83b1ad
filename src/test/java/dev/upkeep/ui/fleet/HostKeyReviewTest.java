package dev.upkeep.ui.fleet;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.StatusService;
import dev.upkeep.run.UnknownHostKey;
import dev.upkeep.ui.CannedStatusService;
import dev.upkeep.ui.SameThreadUiExecutor;
import dev.upkeep.ui.shared.DialogService;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class HostKeyReviewTest {
    private static final ServerRef A = new ServerRef("shop", "a");
    private static final ServerRef B = new ServerRef("shop", "b");
    private static final ServerRef C = new ServerRef("shop", "c");
    private final Workspace workspace = new Workspace(Path.of("/tmp/ws.yml"), null, List.of(new Application("shop", null, null, null,
            List.of(Server.of("a", "10.0.0.1"), Server.of("b", "10.0.0.2"), Server.of("c", "10.0.0.3")))));
    private final UnknownHostKey keyA = key(A, "10.0.0.1");
    private final UnknownHostKey keyB = key(B, "10.0.0.2");
    private final DialogService dialogs = mock(DialogService.class);
    // The canned service answers on one worker thread, and the same-thread executor applies its events there:
    // one thread touches the view model, as the FX thread would.

    @Test
    void unknownKeysOfARefreshAreOfferedUncheckedAndOnlyTheSelectedAreTrusted() {
        CannedStatusService service = new CannedStatusService(1, () -> 0).unknownKey(keyA).unknownKey(keyB);
        when(dialogs.show(any(TrustViewModel.class))).thenAnswer(inv -> {
            TrustViewModel trust = inv.getArgument(0);
            assertThat(trust.items()).extracting(i -> i.key().server()).containsExactlyInAnyOrder(A, B);
            assertThat(trust.selectedCountProperty().get()).as("nothing is trusted by default").isZero();
            trust.items().stream().filter(i -> i.key().server().equals(B)).forEach(i -> i.selectedProperty().set(true));
            return true;
        });
        FleetViewModel fleet = new FleetViewModel(new SimpleObjectProperty<>(workspace), service, new SameThreadUiExecutor(), dialogs);

        fleet.refreshShown(false);

        await().until(() -> service.refreshed().size() == 2 && !fleet.refresh().runningProperty().get());
        assertThat(service.trusted()).containsExactly(List.of(keyB));
        assertThat(service.refreshed().get(1)).as("trusted servers are checked again").containsExactly(B);
        verify(dialogs).show(any(TrustViewModel.class));
    }

    @Test
    void noDialogWhenEveryKeyIsKnown() {
        CannedStatusService service = new CannedStatusService(1, () -> 0);
        FleetViewModel fleet = new FleetViewModel(new SimpleObjectProperty<>(workspace), service, new SameThreadUiExecutor(), dialogs);
        fleet.refreshShown(false);
        await().until(() -> !fleet.refresh().runningProperty().get());
        verify(dialogs, never()).show(any(TrustViewModel.class));
    }

    @Test
    void selectAllThenTrustPassesExactlyThoseKeys() throws IOException {
        StatusService service = mock(StatusService.class);
        TrustViewModel trust = new TrustViewModel(workspace, List.of(keyA, keyB, key(C, "10.0.0.3")), service,
                new SameThreadUiExecutor(), dialogs);
        trust.selectAll();
        trust.items().get(2).selectedProperty().set(false);
        List<List<ServerRef>> after = new java.util.ArrayList<>();
        trust.trustSelected(after::add);
        verify(service).trust(workspace, List.of(keyA, keyB));
        assertThat(after).containsExactly(List.of(A, B));
    }

    @Test
    void nothingSelectedTrustsNothing() throws IOException {
        StatusService service = mock(StatusService.class);
        TrustViewModel trust = new TrustViewModel(workspace, List.of(keyA), service, new SameThreadUiExecutor(), dialogs);
        trust.trustSelected(refs -> { });
        verify(service, never()).trust(any(), any());
    }

    @Test
    void failureToRecordKeysIsShownAndNothingIsRefreshed() throws IOException {
        StatusService service = mock(StatusService.class);
        doThrow(new IOException("known_hosts is read-only")).when(service).trust(any(), any());
        TrustViewModel trust = new TrustViewModel(workspace, List.of(keyA), service, new SameThreadUiExecutor(), dialogs);
        trust.selectAll();
        List<List<ServerRef>> after = new java.util.ArrayList<>();
        trust.trustSelected(after::add);
        assertThat(after).isEmpty();
        assertThat(trust.busyProperty().get()).isFalse();
        verify(dialogs).showError(org.mockito.ArgumentMatchers.eq("Could not record the host keys"), any(Throwable.class));
    }

    @Test
    void possibleSubstitutionIsKeptApartAndNeverTrustedWithTheSelection() throws IOException {
        StatusService service = mock(StatusService.class);
        UnknownHostKey substituted = substitution(C, "10.0.0.3");
        TrustViewModel trust = new TrustViewModel(workspace, List.of(keyA, substituted), service,
                new SameThreadUiExecutor(), dialogs);
        assertThat(trust.items()).extracting(TrustViewModel.Item::key).containsExactly(keyA);
        assertThat(trust.substitutions()).containsExactly(substituted);
        trust.selectAll();
        trust.trustSelected(refs -> { });
        verify(service).trust(workspace, List.of(keyA));
        verify(service, never()).trustSubstitution(any(), any());
    }

    @Test
    void substitutionIsTrustedOnlyAfterItsOwnTypedConfirmationShowingBothFingerprints() throws IOException {
        StatusService service = mock(StatusService.class);
        UnknownHostKey substituted = substitution(C, "10.0.0.3");
        List<List<ServerRef>> checkedAgain = new java.util.ArrayList<>();
        TrustViewModel trust = new TrustViewModel(workspace, List.of(substituted), service, new SameThreadUiExecutor(),
                dialogs, checkedAgain::add);

        when(dialogs.confirmTyped(any(), any(), any())).thenReturn(false);
        trust.trustSubstitution(substituted);
        verify(service, never()).trustSubstitution(any(), any());
        assertThat(trust.substitutions()).containsExactly(substituted);

        when(dialogs.confirmTyped(any(), any(), any())).thenReturn(true);
        trust.trustSubstitution(substituted);
        verify(service).trustSubstitution(workspace, substituted);
        org.mockito.ArgumentCaptor<String> message = org.mockito.ArgumentCaptor.forClass(String.class);
        verify(dialogs, org.mockito.Mockito.times(2)).confirmTyped(any(), message.capture(), org.mockito.ArgumentMatchers.eq("yes"));
        assertThat(message.getValue()).contains("SHA256:known-ecdsa").contains(substituted.fingerprint())
                .contains("/home/me/.ssh/known_hosts:7");
        assertThat(trust.substitutions()).isEmpty();
        assertThat(checkedAgain).containsExactly(List.of(C));
    }

    private static UnknownHostKey substitution(ServerRef ref, String host) {
        return new UnknownHostKey(ref, host, 22, "ssh-ed25519", "SHA256:offered-" + host, null, host, false,
                List.of(new UnknownHostKey.KnownKey("ecdsa-sha2-nistp256", "SHA256:known-ecdsa", "/home/me/.ssh/known_hosts:7")));
    }

    private static UnknownHostKey key(ServerRef ref, String host) {
        return new UnknownHostKey(ref, host, 22, "ssh-ed25519", "SHA256:" + host.replace('.', 'x') + "abcdefghijklmnopqrstuvwxyz", null);
    }
}
