package dev.upkeep.ui;

import atlantafx.base.theme.Styles;
import dev.upkeep.ui.edit.WorkspaceViewModel;
import dev.upkeep.ui.shared.Icons;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What a newcomer sees instead of an empty table: what Upkeep needs (an application and its servers, or an
 * existing workspace file) and where the workspace lives. A file that failed to load says why, here.
 */
final class EmptyStateView {
    private final VBox box;

    EmptyStateView(WorkspaceViewModel workspace, Runnable addApplication, Runnable addServer) {
        this(workspace, addApplication, addServer, null, false);
    }

    /** @param openDemo starts the demo fleet; null hides its button */
    EmptyStateView(WorkspaceViewModel workspace, Runnable addApplication, Runnable addServer, Runnable openDemo,
                   boolean demo) {
        FontIcon icon = Icons.icon(Icons.SERVERS, "empty-icon");
        Label title = new Label();
        title.setId("empty-title");
        title.getStyleClass().add(Styles.TITLE_2);
        // The demo's servers start while the window opens: say so rather than "No servers yet".
        String empty = demo ? "Starting the demo fleet…" : "No servers yet";
        title.textProperty().bind(Bindings.when(workspace.loadErrorProperty().isEmpty())
                .then(Bindings.when(workspace.loadedProperty().not()).then(empty).otherwise("No servers yet"))
                .otherwise("The workspace could not be loaded"));
        Label text = new Label();
        text.setId("empty-text");
        text.setWrapText(true);
        text.setMaxWidth(560);
        text.textProperty().bind(Bindings.when(workspace.loadErrorProperty().isEmpty())
                .then("Add an application (shop, billing…), then add its servers with their SSH address. "
                        + "Upkeep connects over plain SSH, as `ssh` would, and shows which servers need a reboot, "
                        + "security updates or newer Docker and Weave.\nAlready have a workspace file? Open it.")
                .otherwise(Bindings.concat(workspace.loadErrorProperty(),
                        "\n\nFix the file and choose File › Reload, or open another workspace. Nothing was overwritten.")));
        Label where = new Label();
        where.setId("empty-where");
        where.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        where.setWrapText(true);
        where.textProperty().bind(Bindings.concat("Workspace file: ", workspace.fileProperty().asString()));

        Button addApp = new Button("Add application…", Icons.icon(Icons.ADD));
        addApp.getStyleClass().add(Styles.ACCENT);
        addApp.setDefaultButton(true);
        addApp.setOnAction(e -> addApplication.run());
        addApp.disableProperty().bind(workspace.loadedProperty().not());
        Button addSrv = new Button("Add server…", Icons.icon(Icons.SERVER));
        addSrv.setOnAction(e -> addServer.run());
        addSrv.disableProperty().bind(workspace.loadedProperty().not()
                .or(Bindings.createBooleanBinding(() -> workspace.workspace().applications().isEmpty(), workspace.workspaceProperty())));
        Button open = new Button("Open workspace…", Icons.icon(Icons.OPEN));
        open.setOnAction(e -> workspace.open());
        HBox buttons = new HBox(8, addApp, addSrv, open);
        if (openDemo != null) {
            // No servers of your own yet? The demo fleet answers like real ones, on this machine.
            Button tryDemo = new Button(DemoActions.TRY, Icons.icon(Icons.DEMO));
            tryDemo.setId("try-demo");
            tryDemo.setOnAction(e -> openDemo.run());
            tryDemo.setTooltip(new javafx.scene.control.Tooltip(DemoActions.EXPLAIN));
            buttons.getChildren().add(tryDemo);
        }
        buttons.setAlignment(Pos.CENTER);

        box = new VBox(14, icon, title, text, buttons, where);
        box.setId("empty-state");
        box.getStyleClass().add("empty-state");
        box.setAlignment(Pos.CENTER);
        box.setFillWidth(false);
    }

    VBox node() {
        return box;
    }
}
