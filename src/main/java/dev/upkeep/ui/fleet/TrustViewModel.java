package dev.upkeep.ui.fleet;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.StatusService;
import dev.upkeep.run.UnknownHostKey;
import dev.upkeep.ui.shared.DialogModel;
import dev.upkeep.ui.shared.DialogService;
import dev.upkeep.ui.shared.UiExecutor;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The unknown host keys met during a refresh, for review. Every key starts unchecked: trusting a key is the one
 * step that protects against a man in the middle, so it must be a deliberate act per key after comparing the
 * fingerprint (a pre-checked list invites "OK" without reading). "Select all" makes a reviewed batch one click.
 * Possible substitutions (a server offering a key of a type known_hosts lacks, while it holds others for it) are
 * kept apart: never part of "Trust selected", each trusted only on its own typed confirmation.
 */
public final class TrustViewModel implements DialogModel {
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
    private final ObservableList<UnknownHostKey> substitutions = FXCollections.observableArrayList();
    private final Consumer<List<ServerRef>> afterSubstitutionTrusted;
    private final ReadOnlyIntegerWrapper selectedCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public TrustViewModel(Workspace workspace, List<UnknownHostKey> keys, StatusService statusService, UiExecutor ui,
                          DialogService dialogs) {
        this(workspace, keys, statusService, ui, dialogs, refs -> { });
    }

    /** @param afterSubstitutionTrusted gets the server whose new key was trusted (to be checked again) */
    public TrustViewModel(Workspace workspace, List<UnknownHostKey> keys, StatusService statusService, UiExecutor ui,
                          DialogService dialogs, Consumer<List<ServerRef>> afterSubstitutionTrusted) {
        this.workspace = workspace;
        this.statusService = statusService;
        this.ui = ui;
        this.dialogs = dialogs;
        this.afterSubstitutionTrusted = afterSubstitutionTrusted;
        for (UnknownHostKey k : keys) {
            if (k.substitution()) {
                substitutions.add(k);
            } else {
                items.add(new Item(k));
            }
        }
        items.addListener((Observable o) -> selectedCount.set((int) items.stream().filter(i -> i.selected.get()).count()));
    }

    // the dialog: possible substitutions are listed apart, each with its own button ({@link #trustSubstitution})

    @Override
    public String title() {
        return "Unknown host keys";
    }

    @Override
    public String header() {
        return items.size() + substitutions.size() + " server(s) offered an unknown host key"
                + (substitutions.isEmpty() ? "" : "; " + substitutions.size() + " of them a possible substitution");
    }

    @Override
    public String confirmText() {
        return "Trust selected";
    }

    @Override
    public ObservableBooleanValue confirmDisabled() {
        return selectedCount.isEqualTo(0);
    }

    /** Only substitutions: nothing for "Trust selected" to take; each has its own button in the content. */
    @Override
    public boolean confirmShown() {
        return !items.isEmpty();
    }

    @Override
    public boolean resizable() {
        return true;
    }

    // properties

    public ObservableList<Item> items() {
        return items;
    }

    /** Keys that replace keys of another type known_hosts holds for the server; not in {@link #items()}. */
    public ObservableList<UnknownHostKey> substitutions() {
        return substitutions;
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

    /**
     * Trusts one possible substitution, only after the user typed "yes" for it in its own confirmation, which shows
     * both the known and the offered fingerprints. The known keys stay in known_hosts.
     */
    public void trustSubstitution(UnknownHostKey key) {
        if (!substitutions.contains(key) || busy.get()) {
            return;
        }
        String known = key.knownKeys().stream().map(k -> "  " + k.keyType() + " " + k.fingerprint() + " (" + k.where() + ")")
                .collect(Collectors.joining("\n"));
        String message = key.server() + " (" + key.knownHostsName() + ") offers a " + key.keyType()
                + " key, but known_hosts knows it by other keys, which it no longer offers:\n" + known
                + "\nOffered now:\n  " + key.keyType() + " " + key.fingerprint()
                + "\n\nThe server was reinstalled or reconfigured, or someone is intercepting the connection."
                + " Trust the new key only if the server's administrator confirms this fingerprint.";
        if (!dialogs.confirmTyped("Possible host key substitution", message, "yes")) {
            return;
        }
        busy.set(true);
        ui.submit("trust a new host key", () -> {
            statusService.trustSubstitution(workspace, key);
            return List.of(key.server());
        }, trusted -> {
            busy.set(false);
            substitutions.remove(key);
            afterSubstitutionTrusted.accept(trusted);
        }, error -> {
            busy.set(false);
            dialogs.showError("Could not record the host key", error);
        });
    }

    /** Records the selected keys off the FX thread, then hands the trusted servers on (to be checked again). */
    public void trustSelected(Consumer<List<ServerRef>> afterTrusted) {
        List<UnknownHostKey> keys = selectedKeys();
        if (keys.isEmpty() || busy.get()) {
            return;
        }
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
