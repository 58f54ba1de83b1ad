package dev.upkeep.ui.trust;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.StatusService;
import dev.upkeep.run.UnknownHostKey;
import dev.upkeep.ui.DialogService;
import dev.upkeep.ui.UiExecutor;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Consumer;

/**
 * The unknown host keys met during a refresh, for review. Every key starts unchecked: trusting a key is the one
 * step that protects against a man in the middle, so it must be a deliberate act per key after comparing the
 * fingerprint (a pre-checked list invites "OK" without reading). "Select all" makes a reviewed batch one click.
 */
public final class TrustViewModel {
    /** One key and whether the user chose to trust it. */
    public static final class Item {
        private final UnknownHostKey key;
        private final BooleanProperty selected = new SimpleBooleanProperty(false);

        Item(UnknownHostKey key) {
            this.key = key;
        }

        public UnknownHostKey key() {
            return key;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }
    }

    private final Workspace workspace;
    private final StatusService statusService;
    private final UiExecutor ui;
    private final DialogService dialogs;
    private final ObservableList<Item> items = FXCollections.observableArrayList(i -> new Observable[]{i.selectedProperty()});
    private final ReadOnlyIntegerWrapper selectedCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public TrustViewModel(Workspace workspace, List<UnknownHostKey> keys, StatusService statusService, UiExecutor ui,
                          DialogService dialogs) {
        this.workspace = workspace;
        this.statusService = statusService;
        this.ui = ui;
        this.dialogs = dialogs;
        keys.forEach(k -> items.add(new Item(k)));
        items.addListener((Observable o) -> selectedCount.set((int) items.stream().filter(i -> i.selected.get()).count()));
    }

    // properties

    public ObservableList<Item> items() {
        return items;
    }

    public ReadOnlyIntegerProperty selectedCountProperty() {
        return selectedCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public List<UnknownHostKey> selectedKeys() {
        return items.stream().filter(i -> i.selected.get()).map(Item::key).toList();
    }

    // commands

    public void selectAll() {
        items.forEach(i -> i.selected.set(true));
    }

    public void selectNone() {
        items.forEach(i -> i.selected.set(false));
    }

    /** Records the selected keys off the FX thread, then hands the trusted servers on (to be checked again). */
    public void trustSelected(Consumer<List<ServerRef>> afterTrusted) {
        List<UnknownHostKey> keys = selectedKeys();
        if (keys.isEmpty() || busy.get()) return;
        busy.set(true);
        List<ServerRef> refs = keys.stream().map(UnknownHostKey::server).distinct().toList();
        ui.submit("trust host keys", () -> {
            statusService.trust(workspace, keys);
            return refs;
        }, trusted -> {
            busy.set(false);
            afterTrusted.accept(trusted);
        }, error -> {
            busy.set(false);
            dialogs.showError("Could not record the host keys", error);
        });
    }
}
