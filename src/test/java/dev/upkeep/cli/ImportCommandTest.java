package dev.upkeep.cli;

import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.SshStatusService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code upkeep import}: a preview first, then an atomic, private save; a broken file changes nothing. */
class ImportCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String answers, String... args) {
        CommandLine cl = UpkeepCommand.commandLine(new UpkeepCommand(new WorkspaceStore(), SshStatusService::new)
                .withInput(new BufferedReader(new StringReader(answers))));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("--workspace", workspace().toString()));
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }

    private Path workspace() {
        return dir.resolve("workspace.yml");
    }

    /** A workspace with web/web1 at 10.0.0.11 and db/old at 10.0.0.21; its ssh config is empty. */
    private void existing() throws Exception {
        Files.writeString(dir.resolve("ssh_config"), "");
        Files.createFile(workspace(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        Files.writeString(workspace(), """
                settings:
                  sshConfig: ssh_config
                applications:
                  - name: web
                    servers:
                      - name: web1
                        host: 10.0.0.11
                  - name: db
                    servers:
                      - name: old
                        host: 10.0.0.21
                """);
    }

    private Path inventory() throws Exception {
        Path f = dir.resolve("hosts.ini");
        Files.writeString(f, """
                [web]
                web1 ansible_host=10.0.0.12 ansible_user=deploy
                web2 ansible_host=10.0.0.13
                [db]
                db1 ansible_host=10.0.0.21
                db2 ansible_host=10.0.0.22 ansible_port=2222 ansible_become=yes ansible_python_interpreter=/usr/bin/python3
                """);
        return f;
    }

    @Test
    void aDryRunShowsAddedChangedAndSkippedAndWritesNothing() throws Exception {
        existing();
        String before = Files.readString(workspace());
        assertThat(run("", "import", "ansible", inventory().toString(), "--dry-run")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("Added (2):", "web/web2  10.0.0.13", "db/db2  10.0.0.22:2222 sudo", "hosts.ini:6]")
                .contains("Changed (1):", "web/web1: host 10.0.0.11 → 10.0.0.12; user (none) → deploy; groups [] → [web]")
                .contains("Skipped (1):", "db/db1: same host and port as db/old (10.0.0.21:22)")
                .contains("Not used (other variables) (1):", "ansible_python_interpreter")
                .contains("2 to add, 1 to change, 1 skipped.");
        assertThat(err.toString()).contains("Dry run: nothing was written.");
        assertThat(Files.readString(workspace())).isEqualTo(before);
    }

    @Test
    void answeringNoWritesNothingAndYesSavesAPrivateFileThatReadsBack() throws Exception {
        existing();
        String before = Files.readString(workspace());
        assertThat(run("n\n", "import", "ansible", inventory().toString())).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(workspace())).isEqualTo(before);

        assertThat(run("y\n", "import", "ansible", inventory().toString())).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("2 added, 1 changed");
        Workspace ws = new WorkspaceStore().load(workspace());
        assertThat(ws.application("web").orElseThrow().servers()).extracting(Server::name, Server::host)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("web1", "10.0.0.12"), org.assertj.core.groups.Tuple.tuple("web2", "10.0.0.13"));
        assertThat(ws.application("db").orElseThrow().servers()).extracting(Server::name).containsExactly("old", "db2");
        assertThat(Files.getPosixFilePermissions(workspace())).as("an existing file keeps its mode (the store's rule)")
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left beside it")
                    .containsExactlyInAnyOrder("workspace.yml", "hosts.ini", "ssh_config");
        }

        out.getBuffer().setLength(0);
        assertThat(run("", "import", "ansible", inventory().toString(), "--yes")).as("a second import changes nothing")
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("0 to add, 0 to change, 4 skipped.");
    }

    @Test
    void aBrokenInventoryNamesFileAndLineAndChangesNothing() throws Exception {
        existing();
        String before = Files.readString(workspace());
        Path bad = dir.resolve("bad.ini");
        Files.writeString(bad, "[web]\nweb1\nweb[01:]\n");
        assertThat(run("y\n", "import", "ansible", bad.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains(bad + ":3: ").contains("nothing was imported");
        assertThat(Files.readString(workspace())).isEqualTo(before);
    }

    @Test
    void sshConfigAliasesGoIntoTheApplicationNamedAndAMappingChoosesGroups() throws Exception {
        Path config = dir.resolve("my_ssh_config");
        Files.writeString(config, "Host web-a web-b\n  User deploy\nHost *\n  Port 2200\n");
        assertThat(run("", "import", "ssh-config", config.toString(), "--app", "edge", "--yes")).isEqualTo(ExitCodes.OK);
        Workspace ws = new WorkspaceStore().load(workspace());
        assertThat(ws.application("edge").orElseThrow().servers()).containsExactly(Server.of("web-a", "web-a"), Server.of("web-b", "web-b"));
        assertThat(Files.getPosixFilePermissions(workspace())).as("a new workspace file is private")
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(out.toString()).contains("Skipped (1):", "*: a wildcard pattern");

        assertThat(run("", "import", "ansible", inventory().toString(), "--map", "db=databases", "--yes")).isEqualTo(ExitCodes.OK);
        assertThat(new WorkspaceStore().load(workspace()).application("databases").orElseThrow().servers())
                .extracting(Server::name).containsExactly("db1", "db2");
        assertThat(run("", "import", "ansible", inventory().toString(), "--map", "nope")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--map nope: expected GROUP=APP");
    }
}
