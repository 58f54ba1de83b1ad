package dev.upkeep.ui.shared.logs;

import dev.upkeep.ui.shared.FxUiExecutor;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run window keeps one log pane per server and shows one: the others must not pay for every batch of output (a
 * ListView re-measures its whole list on each change), yet show every line, and the newest, when shown again.
 */
@ExtendWith(ApplicationExtension.class)
class LogPaneViewOffScreenTest {
    private final FxUiExecutor ui = new FxUiExecutor();
    private final LogPaneViewModel first = new LogPaneViewModel();
    private final LogPaneViewModel second = new LogPaneViewModel();
    private LogPaneView firstView;
    private LogPaneView secondView;
    private final StackPane area = new StackPane();

    @Start
    void start(Stage stage) {
        firstView = new LogPaneView(first, ui);
        secondView = new LogPaneView(second, ui);
        area.getChildren().setAll(firstView.node());
        stage.setScene(new Scene(area, 800, 400));
        stage.show();
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void aPaneOffScreenTakesNoListChangesAndShowsEveryLineAndTheNewestWhenShownAgain(FxRobot robot) {
        robot.interact(() -> first.append(lines(0, 500)));
        robot.interact(() -> area.getChildren().setAll(secondView.node()));
        ObservableList<LogLine> seenOffScreen = firstView.list().getItems();
        AtomicInteger changes = new AtomicInteger();
        seenOffScreen.addListener((ListChangeListener<LogLine>) c -> changes.incrementAndGet());

        for (int batch = 1; batch <= 10; batch++) {
            int from = batch * 500;
            robot.interact(() -> first.append(lines(from, from + 500)));
        }

        assertThat(changes).as("list changes the hidden pane's ListView was handed").hasValue(0);
        assertThat(first.lines()).hasSize(5_500);

        robot.interact(() -> area.getChildren().setAll(firstView.node()));
        WaitForAsyncUtils.waitForFxEvents();
        ListView<LogLine> list = firstView.list();
        assertThat(list.getItems()).hasSize(5_500);
        VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
        assertThat(flow.getLastVisibleCell().getIndex()).as("following: the newest line is in sight").isEqualTo(5_499);
    }

    @Test
    void aPaneTheUserScrolledUpComesBackAtTheSamePlace(FxRobot robot) {
        robot.interact(() -> first.append(lines(0, 3_000)));
        robot.interact(() -> {
            first.userAtBottom(false);
            firstView.list().scrollTo(1_200);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> area.getChildren().setAll(secondView.node()));
        robot.interact(() -> first.append(lines(3_000, 4_000)));
        robot.interact(() -> area.getChildren().setAll(firstView.node()));
        WaitForAsyncUtils.waitForFxEvents();

        VirtualFlow<?> flow = (VirtualFlow<?>) firstView.list().lookup(".virtual-flow");
        assertThat(flow.getFirstVisibleCell().getIndex()).isEqualTo(1_200);
        assertThat(firstView.list().getItems()).hasSize(4_000);
    }

    private static List<LogLine> lines(int from, int to) {
        List<LogLine> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(LogLine.out("line " + i));
        }
        return out;
    }
}
