package dev.upkeep.ui.manifest;

import atlantafx.base.theme.PrimerLight;
import dev.upkeep.manifest.ManifestFiles;
import dev.upkeep.manifest.ManifestValidator;
import dev.upkeep.manifest.Problem;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The real editor in a window (headless Monocle by default): form → text → save → bytes on disk. */
@ExtendWith(ApplicationExtension.class)
class ManifestEditorViewTest {
    private final ManifestDialogs dialogs = mock(ManifestDialogs.class);
    private final dev.upkeep.ui.shared.FxUiExecutor executor = new dev.upkeep.ui.shared.FxUiExecutor();
    private final FxManifestTasks tasks = new FxManifestTasks(executor);
    private Path dir;
    private Path file;
    private String original;
    private ManifestEditorView view;

    @Start
    void start(Stage stage) throws IOException {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        dir = Files.createTempDirectory("manifest-editor");
        file = dir.resolve("Manifest.yml");
        Files.copy(ManifestEditorViewModelTest.corpus("04-comments-everywhere.yml"), file);
        original = Files.readString(file);
        when(dialogs.confirmSave(anyString(), anyList())).thenReturn(true);
        ManifestEditorViewModel vm = new ManifestEditorViewModel(new ManifestFiles(), new ManifestValidator(), dialogs, tasks);
        view = new ManifestEditorView(vm);
        stage.setScene(new Scene(view, 1200, 720));
        stage.setTitle("Manifest.yml");
        stage.show();
        vm.open(file);
    }

    @AfterEach
    void cleanUp() throws IOException {
        executor.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void dockerVersionChangedInTheFormChangesTheTextAndIsSavedByteExact(FxRobot robot) throws Exception {
        TextField docker = robot.lookup("#docker-version").queryAs(TextField.class);
        CodeArea area = robot.lookup("#manifest-text").queryAs(CodeArea.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> "24.0.7".equals(docker.getText()));
        assertThat(area.getText()).isEqualTo(original);

        robot.clickOn(docker);
        robot.interact(docker::selectAll);
        robot.write("25.0.3");
        robot.clickOn("#apply-docker");

        String expected = original.replace("docker_version: 24.0.7 # bumped", "docker_version: 25.0.3 # bumped");
        await().atMost(Duration.ofSeconds(10)).until(() -> expected.equals(area.getText()));
        robot.clickOn("#save");

        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(file).equals(expected));
        assertThat(Files.readAllBytes(file)).isEqualTo(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(Files.readString(dir.resolve("Manifest.yml.bak"))).isEqualTo(original);
        verify(dialogs).confirmSave(org.mockito.ArgumentMatchers.contains("+      docker_version: 25.0.3"), anyList());
    }

    @Test
    void aTypedMistakeShowsALocatedErrorThatJumpsToItsLine(FxRobot robot) throws Exception {
        CodeArea area = robot.lookup("#manifest-text").queryAs(CodeArea.class);
        @SuppressWarnings("unchecked")
        ListView<Problem> problems = robot.lookup("#problems").queryAs(ListView.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> original.equals(area.getText()));

        int at = area.getText().indexOf("24.0.7 #");
        robot.interact(() -> area.replaceText(at, at + 6, "24.0.x"));

        await().atMost(Duration.ofSeconds(10)).until(() -> problems.getItems().stream().anyMatch(Problem::isError));
        Problem error = problems.getItems().stream().filter(Problem::isError).findFirst().orElseThrow();
        assertThat(error.line()).isEqualTo(9);
        assertThat(error.message()).contains("'24.0.x' is not a version");
        robot.interact(() -> area.moveTo(0));

        robot.clickOn(robot.lookup(".problem-error").queryLabeled());

        await().atMost(Duration.ofSeconds(5)).until(() -> area.getCurrentParagraph() == 8);
        assertThat(area.getCaretColumn()).isEqualTo(error.column() - 1);
        assertThat(robot.lookup("#save").queryButton().isDisabled()).as("unsaved edits can be saved").isFalse();
        screenshot(robot, Path.of("target", "screenshots", "manifest-editor-validation-error.png"));
        assertThat(Files.readString(file)).as("nothing saved").isEqualTo(original);

        javafx.scene.control.Button undo = robot.lookup(".button").match(n -> n.getStyleClass().contains("undo")).queryButton();
        assertThat(undo.isDisabled()).isFalse();
        robot.clickOn(undo);
        await().atMost(Duration.ofSeconds(10)).until(() -> original.equals(area.getText()));
        await().atMost(Duration.ofSeconds(10)).until(() -> problems.getItems().stream().noneMatch(Problem::isError));
    }

    /** Evidence for the README: the editor as it looks with a validation error. */
    private void screenshot(FxRobot robot, Path target) throws IOException {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = view.getScene().snapshot(null));
        int w = (int) image[0].getWidth();
        int h = (int) image[0].getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image[0].getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(target.getParent());
        ImageIO.write(out, "png", target.toFile());
    }
}
