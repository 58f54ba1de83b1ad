package dev.upkeep.ui.fleet;

import atlantafx.base.theme.Styles;
import dev.upkeep.run.UnknownHostKey;
import dev.upkeep.ui.shared.Icons;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** The host-key review: every unknown server with host:port, key type and SHA256 fingerprint, each with its own checkbox. */
public final class TrustView {
    private TrustView() {
    }

    public static Node create(TrustViewModel vm) {
        Label intro = new Label("These servers offered host keys that your known_hosts file does not hold yet. "
                + "Compare each SHA256 fingerprint with the one the server's administrator gives you "
                + "(ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the server), then tick only the keys you checked.");
        intro.setWrapText(true);
        intro.setMaxWidth(980);

        TableView<TrustViewModel.Item> table = new TableView<>(vm.items());
        table.setId("trust-table");
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(Math.min(420, 60 + 32 * vm.items().size()));
        TableColumn<TrustViewModel.Item, Boolean> trust = new TableColumn<>("Trust");
        trust.setCellValueFactory(f -> f.getValue().selectedProperty());
        trust.setCellFactory(CheckBoxTableCell.forTableColumn(trust));
        trust.setEditable(true);
        trust.setPrefWidth(60);
        table.getColumns().add(trust);
        table.getColumns().add(text("Server", 150, k -> k.server().toString()));
        table.getColumns().add(text("Host:port", 160, k -> k.host() + ":" + k.port()));
        table.getColumns().add(text("Key type", 110, UnknownHostKey::keyType));
        TableColumn<TrustViewModel.Item, String> fp = text("Fingerprint", 500, UnknownHostKey::fingerprint);
        fp.getStyleClass().add("fingerprint");
        table.getColumns().add(fp);

        Button all = new Button("Select all");
        all.setId("trust-select-all");
        all.setOnAction(e -> vm.selectAll());
        Button none = new Button("Select none");
        none.setOnAction(e -> vm.selectNone());
        Label count = new Label();
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(vm.selectedCountProperty().asString("%d selected of " + vm.items().size()));
        HBox buttons = new HBox(8, all, none, count);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // Wide enough for the whole fingerprint: it is what the user compares, it must never be cut off.
        table.setPrefWidth(980);
        table.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox root = new VBox(10);
        if (!vm.items().isEmpty() || vm.substitutions().isEmpty()) {
            root.getChildren().addAll(intro, table, buttons);
        }
        if (!vm.substitutions().isEmpty()) {
            root.getChildren().add(substitutions(vm));
        }
        return root;
    }

    /**
     * Possible substitutions, apart from the table and its "Trust selected": both fingerprints of each, and a button
     * of its own that asks for a typed confirmation.
     */
    private static Node substitutions(TrustViewModel vm) {
        Label warning = new Label("Possible substitution: these servers offer a key of a type your known_hosts does not"
                + " hold for them, and no longer offer the key(s) it does hold. A reinstalled or reconfigured server"
                + " looks like this, and so does someone intercepting the connection. Trust a new key only when the"
                + " server's administrator confirms its fingerprint.", Icons.icon("mdi2a-alert"));
        warning.setWrapText(true);
        warning.setPrefWidth(900);
        warning.setMaxWidth(980);
        warning.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_BOLD);
        VBox cards = new VBox(8);
        cards.setId("substitutions");
        Runnable fill = () -> {
            cards.getChildren().clear();
            for (UnknownHostKey k : vm.substitutions()) {
                cards.getChildren().add(card(vm, k, cards.getChildren().size()));
            }
        };
        fill.run();
        vm.substitutions().addListener((javafx.collections.ListChangeListener<UnknownHostKey>) c -> fill.run());
        return new VBox(8, warning, cards);
    }

    private static Node card(TrustViewModel vm, UnknownHostKey k, int index) {
        Label title = new Label(k.server() + " — " + k.knownHostsName());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        VBox lines = new VBox(2, title);
        for (UnknownHostKey.KnownKey known : k.knownKeys()) {
            lines.getChildren().add(fingerprint("known:    " + known.keyType() + "  " + known.fingerprint()
                    + "  (" + known.where() + ")"));
        }
        Label offered = fingerprint("offered:  " + k.keyType() + "  " + k.fingerprint());
        Button trust = new Button("Trust the new key…");
        trust.setId("trust-substitution-" + index);
        trust.getStyleClass().add(Styles.DANGER);
        trust.disableProperty().bind(vm.busyProperty());
        trust.setOnAction(e -> vm.trustSubstitution(k));
        lines.getChildren().addAll(offered, trust);
        return lines;
    }

    /** Never cut off: the whole fingerprint is what the user compares. */
    private static Label fingerprint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("fingerprint");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static TableColumn<TrustViewModel.Item, String> text(String title, double width, Function<UnknownHostKey, String> value) {
        TableColumn<TrustViewModel.Item, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue().key())));
        c.setPrefWidth(width);
        c.setEditable(false);
        return c;
    }
}
