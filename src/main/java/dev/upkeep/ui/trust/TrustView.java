package dev.upkeep.ui.trust;

import atlantafx.base.theme.Styles;
import dev.upkeep.run.UnknownHostKey;
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
        return new VBox(10, intro, table, buttons);
    }

    private static TableColumn<TrustViewModel.Item, String> text(String title, double width, Function<UnknownHostKey, String> value) {
        TableColumn<TrustViewModel.Item, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue().key())));
        c.setPrefWidth(width);
        c.setEditable(false);
        return c;
    }
}
