package dev.upkeep;

import dev.upkeep.cli.UpkeepCommand;
import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.manifest.ManifestFiles;
import dev.upkeep.manifest.ManifestValidator;
import dev.upkeep.run.ManifestServers;
import dev.upkeep.run.ManifestUpgradeHooks;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.ManifestWants;
import dev.upkeep.run.ManifestWantsReader;
import dev.upkeep.ui.manifest.ManifestDialogs;
import dev.upkeep.ui.manifest.ManifestEditorViewModel;
import dev.upkeep.ui.manifest.ManifestTasks;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * Every path that reads a Manifest.yml, fed the manifests that blow parsers up: alias cycles, a merge cycle, an alias
 * bomb under the parser's alias limit, and a 3 GB file. Each path answers with a clear error (the line, or the size)
 * and never with a StackOverflowError, an OutOfMemoryError or a hang; nothing is written.
 */
@Timeout(60) // a guard against the hang an alias bomb used to cause, not a speed claim: each case takes milliseconds
class HostileManifestsTest {
    @TempDir
    Path dir;

    enum Hostile {
        CYCLE_THROUGH_GROUPS(1, "YAML alias cycle", "docker: &d {groups: {g: *d}}\n"),
        CYCLE_IN_A_LIST(1, "YAML alias cycle", "a: &a [*a]\ndocker:\n  configuration:\n    docker_version: 24.0.7\n"),
        MERGE_CYCLE(3, "YAML alias cycle", "production: &p\n  <<: &q\n    <<: *p\n  docker:\n    configuration:\n      docker_version: 24.0.7\n"),
        ALIAS_BOMB(14, "expand to more than", bomb()), // x13: the first level past 100,000 values
        HUGE(1, "a manifest is at most", null);

        final int line;
        final String message;
        final String text;

        Hostile(int line, String message, String text) {
            this.line = line;
            this.message = message;
            this.text = text;
        }

        /** 2^24 copies of a server from 49 aliases: under the parser's limit of 50, so only the graph check stops it. */
        private static String bomb() {
            StringBuilder b = new StringBuilder("x0: &x0 {servers: [{server: {unique_name: web, vendor: aws, region: eu}}]}\n");
            for (int i = 1; i <= 24; i++) {
                b.append("x").append(i).append(": &x").append(i).append(" {groups: {a: *x").append(i - 1)
                        .append(", b: *x").append(i - 1).append("}}\n");
            }
            return b.append("docker: *x24\n").toString();
        }
    }

    private Path manifest(Hostile h) throws Exception {
        Path file = Files.createDirectories(dir.resolve("shop")).resolve("Manifest.yml");
        if (h.text != null) {
            Files.writeString(file, h.text);
        } else {
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                f.setLength(3L * 1024 * 1024 * 1024); // sparse: no disk used, too large for any array
            }
        }
        return file;
    }

    private Workspace workspace() {
        return new Workspace(dir.resolve("workspace.yml"), null, List.of(new Application("shop", "production",
                "shop/Manifest.yml", null, List.of(Server.of("web1", "10.0.0.1")))));
    }

    private static String located(Path file, Hostile h) {
        return h == Hostile.HUGE ? file.toString() : file + ":" + h.line + ":";
    }

    @ParameterizedTest
    @EnumSource(Hostile.class)
    void theEditorOpensItWithTheErrorAndKeepsWorking(Hostile h) throws Exception {
        Path file = manifest(h);
        ManifestDialogs dialogs = mock(ManifestDialogs.class);
        ManifestEditorViewModel vm = new ManifestEditorViewModel(new ManifestFiles(), new ManifestValidator(), dialogs,
                ManifestTasks.immediate());

        vm.open(file);

        if (h == Hostile.HUGE) {
            verify(dialogs).showError(anyString(), contains(h.message));
            assertThat(vm.textProperty().get()).isEmpty();
        } else {
            assertThat(vm.problems()).anySatisfy(p -> {
                assertThat(p.isError()).isTrue();
                assertThat(p.line()).isEqualTo(h.line);
                assertThat(p.message()).contains(h.message);
            });
            assertThat(vm.servers()).isEmpty();
            assertThat(vm.applyDockerVersion("25.0.3")).as("form edits wait for the text to be fixed").isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Hostile.class)
    void manifestValidateGetAndSetReportTheLineAndWriteNothing(Hostile h) throws Exception {
        Path file = manifest(h);
        long size = Files.size(file);
        String key = h == Hostile.MERGE_CYCLE ? "production.docker.configuration.docker_version" : "docker.configuration.docker_version";

        Cli validate = cli("manifest", "validate", file.toString());
        Cli get = cli("manifest", "get", file.toString(), key);
        Cli set = cli("manifest", "set", file.toString(), key, "25.0.3");

        assertThat(validate.exit).isEqualTo(2);
        assertThat(validate.out).contains(located(file, h)).contains(h.message);
        assertThat(get.exit).isEqualTo(2);
        assertThat(get.err).contains(located(file, h)).contains(h.message);
        assertThat(set.exit).isEqualTo(2);
        assertThat(set.err).contains(located(file, h)).contains(h.message);
        assertThat(Files.size(file)).isEqualTo(size);
        assertThat(dir.resolve("shop/Manifest.yml.bak")).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(Hostile.class)
    void aDockerUpgradeIsRefusedBeforeAnythingConnects(Hostile h) throws Exception {
        Path file = manifest(h);
        Workspace ws = workspace();
        Application app = ws.applications().get(0);

        assertThatThrownBy(() -> ManifestUpgradeHooks.create().docker().create(ws, app, app.servers().get(0), RunOptions.security(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(located(file, h)).hasMessageContaining(h.message);
    }

    @ParameterizedTest
    @EnumSource(Hostile.class)
    void driftSaysWhyItHasNoVersions(Hostile h) throws Exception {
        manifest(h);

        ManifestWants wants = new ManifestWantsReader(new ManifestFiles()).read(workspace()).get("shop");

        assertThat(wants.docker()).isNull();
        assertThat(wants.note()).contains(h.message).contains(h == Hostile.HUGE ? "" : "line " + h.line);
    }

    @ParameterizedTest
    @EnumSource(Hostile.class)
    void theWorkspaceStillLoadsWithoutTheManifestsServers(Hostile h) throws Exception {
        manifest(h);
        WorkspaceStore store = ManifestServers.store();
        store.save(workspace());

        Workspace loaded = store.load(dir.resolve("workspace.yml"));

        assertThat(loaded.applications().get(0).servers()).extracting(Server::name).containsExactly("web1");
    }

    private record Cli(int exit, String out, String err) {
    }

    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = UpkeepCommand.commandLine(new UpkeepCommand(ManifestServers.store(), () -> null));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }
}
