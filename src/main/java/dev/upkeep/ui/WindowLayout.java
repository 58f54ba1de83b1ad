package dev.upkeep.ui;

import dev.upkeep.windowstate.Area;
import dev.upkeep.windowstate.ColumnLayout;
import dev.upkeep.windowstate.ColumnState;
import dev.upkeep.windowstate.Placement;
import dev.upkeep.windowstate.ThemeChoice;
import dev.upkeep.windowstate.WindowBounds;
import dev.upkeep.windowstate.WindowState;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Applies a remembered {@link WindowState} to the stage and the main view, and reads it back at close. The rules
 * (what is sane, where an off-screen window goes, which columns survive) live in {@code windowstate}; this only
 * moves numbers between them and the controls.
 */
final class WindowLayout {
    private final Stage stage;
    /** The size and place before maximising: a maximised window reopens maximised, and un-maximises to these. */
    private WindowBounds normal;

    WindowLayout(Stage stage) {
        this.stage = stage;
        stage.xProperty().addListener(o -> track());
        stage.yProperty().addListener(o -> track());
        stage.widthProperty().addListener(o -> track());
        stage.heightProperty().addListener(o -> track());
    }

    /** Before the stage is shown. */
    void place(WindowBounds remembered) {
        if (remembered == null) {
            return;
        }
        WindowBounds b = Placement.place(remembered, screens());
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        normal = new WindowBounds(b.x(), b.y(), b.width(), b.height(), false);
        if (b.maximised()) {
            stage.setMaximized(true);
        }
    }

    /**
     * Once the window has its size: the side panes keep their width in pixels when the window resizes, so positions
     * set before would drift as the stage grows to its remembered size.
     */
    static void divide(MainView view, WindowState s) {
        SplitPane split = view.split();
        if (s.dividers().size() == split.getDividers().size()) {
            split.setDividerPositions(s.dividers().stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    static void arrange(MainView view, WindowState s) {
        TableView<?> table = view.table();
        Map<String, TableColumn<?, ?>> byId = new LinkedHashMap<>();
        table.getColumns().forEach(c -> byId.put(c.getId(), c));
        List<ColumnState> order = ColumnLayout.arrange(columns(table, true), s.columns());
        List<TableColumn<?, ?>> arranged = order.stream().<TableColumn<?, ?>>map(c -> {
            TableColumn<?, ?> col = byId.get(c.id());
            col.setPrefWidth(c.width());
            return col;
        }).toList();
        setColumns(table, arranged);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void setColumns(TableView table, List<TableColumn<?, ?>> columns) {
        table.getColumns().setAll(columns);
    }

    WindowState capture(MainView view, ThemeChoice theme, Path workspace) {
        WindowBounds now = normal != null ? normal : new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
        WindowBounds bounds = new WindowBounds(now.x(), now.y(), now.width(), now.height(), stage.isMaximized());
        List<Double> dividers = Arrays.stream(view.split().getDividerPositions()).boxed().toList();
        return new WindowState(bounds, dividers, columns(view.table(), false), workspace == null ? null
                : workspace.toAbsolutePath().toString(), theme);
    }

    private static List<ColumnState> columns(TableView<?> table, boolean preferred) {
        return table.getColumns().stream()
                .map(c -> new ColumnState(c.getId(), preferred || c.getWidth() <= 0 ? c.getPrefWidth() : c.getWidth())).toList();
    }

    private void track() {
        if (stage.isMaximized() || stage.isIconified() || Double.isNaN(stage.getX()) || Double.isNaN(stage.getWidth())) {
            return;
        }
        normal = new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
    }

    private static List<Area> screens() {
        Screen primary = Screen.getPrimary();
        return Stream.concat(Stream.of(primary),
                        Screen.getScreens().stream().filter(s -> !s.equals(primary)))
                .map(Screen::getVisualBounds).map(WindowLayout::area).toList();
    }

    private static Area area(Rectangle2D r) {
        return new Area(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
    }
}
