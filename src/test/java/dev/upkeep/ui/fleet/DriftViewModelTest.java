package dev.upkeep.ui.fleet;

import dev.upkeep.run.ManifestWantsReader;
import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.manifest.Drift;
import dev.upkeep.manifest.ManifestFiles;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.StatusService;
import dev.upkeep.ui.Canned;
import dev.upkeep.ui.SameThreadUiExecutor;
import dev.upkeep.ui.shared.DialogService;
import dev.upkeep.ui.shared.Icons;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** Drift rows without a screen: the manifest read on workspace load, verdicts per row, what the cells and pane say. */
class DriftViewModelTest {
    private static final ServerRef WEB1 = new ServerRef("shop", "web1");
    private static final ServerRef WEB2 = new ServerRef("shop", "web2");
    private static final ServerRef DB1 = new ServerRef("shop", "db1");
    private static final String MANIFEST = """
            production:
              docker:
                configuration:
                  docker_version: 24.0.7   # what every web server runs
                  weave_version: 2.8.1
                servers:
                  - server:
                      unique_name: web1
                  - server:
                      unique_name: web2
            """;

    @TempDir
    Path dir;
    private final SimpleObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
    private FleetViewModel fleet;
    private DriftViewModel drift;

    private void start(String manifestText) throws IOException {
        Files.createDirectories(dir.resolve("shop"));
        if (manifestText != null) {
            Files.writeString(dir.resolve("shop/Manifest.yml"), manifestText);
        }
        workspace.set(new Workspace(dir.resolve("workspace.yml"), null, List.of(new Application("shop", "production",
                "shop/Manifest.yml", null, List.of(Server.of("web1", "10.0.0.1"), Server.of("web2", "10.0.0.2"),
                Server.of("db1", "10.0.0.3"))))));
        fleet = new FleetViewModel(workspace, mock(StatusService.class), new SameThreadUiExecutor(), mock(DialogService.class));
        drift = new DriftViewModel(fleet, workspace, new ManifestWantsReader(new ManifestFiles()), new SameThreadUiExecutor());
    }

    private void answer(ServerRef ref, ServerStatus status) {
        fleet.row(ref).status(status);
    }

    private static ServerStatus docker(ServerRef ref, String dockerVersion, String weaveVersion) {
        ServerStatus h = Canned.healthy(ref.application(), ref.server());
        return new ServerStatus(h.application(), h.server(), true, null, h.os(), h.kernel(), h.installedKernel(), h.bootId(),
                h.uptimeSeconds(), false, List.of(), null, 0, 0, h.packageListsUpdated(), true, dockerVersion, weaveVersion,
                h.checkedAt());
    }

    @Test
    void aServerRunningAnotherDockerShowsRunningArrowWantedWithTheDriftIcon() throws IOException {
        start(MANIFEST);
        answer(WEB1, docker(WEB1, "24.0.7", "2.8.1"));
        answer(WEB2, docker(WEB2, "24.0.5", "2.8.1"));

        RowState web2 = fleet.row(WEB2).state();
        assertThat(web2.dockerDrifted()).isTrue();
        CellView cell = Columns.docker(web2);
        assertThat(cell.text()).isEqualTo("24.0.5 → 24.0.7");
        assertThat(cell.icon()).as("not colour alone").isEqualTo(Icons.DRIFT);
        assertThat(cell.tone()).isEqualTo(Tone.WARNING);
        assertThat(Columns.weave(web2)).isEqualTo(CellView.text("2.8.1"));

        assertThat(fleet.row(WEB1).state().dockerDrifted()).isFalse();
        assertThat(Columns.docker(fleet.row(WEB1).state())).isEqualTo(CellView.text("24.0.7"));
        assertThat(drift.driftedCount().get()).isEqualTo(1);
    }

    @Test
    void theDetailPaneListsBothComponentsAndMarksTheDriftedOne() throws IOException {
        start(MANIFEST);
        answer(WEB2, docker(WEB2, "24.0.5", null));

        RowState s = fleet.row(WEB2).state();
        assertThat(DriftSection.note(s)).isNull();
        assertThat(DriftSection.lines(s)).containsExactly(
                new DriftSection.Line("Docker", "runs 24.0.5, manifest wants 24.0.7 (drifted)", true),
                new DriftSection.Line("Weave", "not installed; manifest wants 2.8.1", false));
    }

    @Test
    void beforeTheFirstAnswerThereIsNoVerdictButThePaneSaysWhatTheManifestWants() throws IOException {
        start(MANIFEST);
        RowState s = fleet.row(WEB2).state();
        assertThat(s.drift()).isNull();
        assertThat(Columns.docker(s)).isEqualTo(CellView.EMPTY);
        assertThat(DriftSection.note(s)).contains("known after a refresh").contains("Docker 24.0.7").contains("Weave 2.8.1");
    }

    @Test
    void aServerTheManifestDoesNotListHasNoDrift() throws IOException {
        start(MANIFEST);
        answer(DB1, docker(DB1, "20.10.24", null));
        RowState db1 = fleet.row(DB1).state();
        assertThat(db1.drift()).isNull();
        assertThat(Columns.docker(db1)).isEqualTo(CellView.text("20.10.24"));
        assertThat(DriftSection.note(db1)).contains("does not list this server");
    }

    @Test
    void aManifestWithoutServersAppliesItsVersionsToEveryServerOfTheApplication() throws IOException {
        start("docker:\n  configuration:\n    version: 18.03.0-ce\n");
        answer(DB1, docker(DB1, "18.03.0", null));
        answer(WEB1, docker(WEB1, "24.0.7", null));
        assertThat(fleet.row(DB1).state().drift().docker()).as("-ce is ignored").isEqualTo(Drift.State.IN_SYNC);
        assertThat(Columns.docker(fleet.row(WEB1).state()).text()).isEqualTo("24.0.7 → 18.03.0-ce");
    }

    @Test
    void anUnreadableManifestGivesANoteAndNoDriftNeverACrash() throws IOException {
        start("production:\n  docker: [unclosed\n");
        answer(WEB2, docker(WEB2, "24.0.5", null));
        RowState s = fleet.row(WEB2).state();
        assertThat(s.drift()).isNull();
        assertThat(Columns.docker(s)).isEqualTo(CellView.text("24.0.5"));
        assertThat(DriftSection.note(s)).startsWith("Manifest.yml could not be read").contains("line ");
        assertThat(drift.driftedCount().get()).isZero();
    }

    @Test
    void aMissingManifestFileGivesANote() throws IOException {
        start(null);
        answer(WEB2, docker(WEB2, "24.0.5", null));
        assertThat(DriftSection.note(fleet.row(WEB2).state())).contains("could not be read").contains("no such file");
    }

    @Test
    void reloadAfterTheManifestChangesUpdatesTheVerdicts() throws IOException {
        start(MANIFEST);
        answer(WEB1, docker(WEB1, "24.0.7", "2.8.1"));
        assertThat(fleet.row(WEB1).state().dockerDrifted()).isFalse();

        Files.writeString(dir.resolve("shop/Manifest.yml"), MANIFEST.replace("24.0.7", "25.0.3"));
        drift.reload();

        assertThat(Columns.docker(fleet.row(WEB1).state()).text()).isEqualTo("24.0.7 → 25.0.3");
        assertThat(fleet.row(WEB1).state().status().dockerVersion()).as("the status stays").isEqualTo("24.0.7");
    }

    @Test
    void aWorkspaceChangeReadsTheManifestAgainAndKeepsStatuses() throws IOException {
        start(MANIFEST);
        answer(WEB2, docker(WEB2, "24.0.5", null));
        Application app = workspace.get().applications().get(0);
        workspace.set(workspace.get().withApplications(List.of(new Application(app.name(), app.environment(), null, null,
                app.servers()))));
        assertThat(fleet.row(WEB2).state().wants()).as("manifest: removed").isNull();
        assertThat(fleet.row(WEB2).state().drift()).isNull();
        assertThat(fleet.row(WEB2).state().status()).isNotNull();
    }
}
