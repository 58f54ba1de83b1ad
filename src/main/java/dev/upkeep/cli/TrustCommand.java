package dev.upkeep.cli;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.StatusListener;
import dev.upkeep.run.UnknownHostKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

@Command(name = "trust", description = "Show the host keys of servers not yet in known_hosts, and record the ones you accept."
        + " A server that offers a key of another type than the ones known_hosts holds for it is shown as a possible"
        + " substitution and is only trusted when you type 'yes' for it (never with --yes).")
final class TrustCommand extends FleetCommand {
    @Parameters(paramLabel = "SERVER", arity = "0..*", description = "Servers (NAME or APP/NAME); none with --app means all of it.")
    List<String> servers = new ArrayList<>();
    @Mixin
    AppOption app = new AppOption();
    @Option(names = "--yes", description = "Accept every unknown key shown, without asking (never a possible substitution).")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        if (servers.isEmpty() && app.name == null) {
            throw new BadInputException("name the servers to trust (or --app NAME)");
        }
        Workspace ws = parent.workspace();
        List<ServerRef> refs = Selection.select(ws, app.name, servers);
        PrintWriter out = out();
        List<UnknownHostKey> unknown = new CopyOnWriteArrayList<>();
        List<ServerStatus> results = parent.statusService().refresh(ws, refs, false, new StatusListener() {
            @Override
            public void finished(ServerRef server, ServerStatus status) {
            }

            @Override
            public void hostKeyUnknown(UnknownHostKey key) {
                unknown.add(key);
            }
        }).completion().get();

        int exit = ExitCodes.OK;
        for (ServerStatus s : results) {
            boolean isUnknown = unknown.stream().anyMatch(k -> k.server().equals(new ServerRef(s.application(), s.server())));
            if (s.reachable()) {
                out.println(s.application() + "/" + s.server() + ": host key already trusted");
            } else if (!isUnknown) {
                out.println(s.application() + "/" + s.server() + ": " + s.error());
                exit = ExitCodes.SOME_FAILED;
            }
        }
        List<UnknownHostKey> accepted = new ArrayList<>();
        BufferedReader answers = parent.input();
        for (UnknownHostKey k : unknown) {
            if (k.substitution()) {
                if (!substitution(ws, k, out, answers)) {
                    exit = ExitCodes.SOME_FAILED;
                }
                continue;
            }
            out.printf("%s: %s:%d offers a %s host key that known_hosts does not hold:%n    %s%n",
                    k.server(), k.host(), k.port(), k.keyType(), k.fingerprint());
            if (yes || ask(out, answers)) {
                accepted.add(k);
            } else {
                out.println("    not trusted");
                exit = ExitCodes.SOME_FAILED;
            }
        }
        if (!accepted.isEmpty()) {
            parent.statusService().trust(ws, accepted);
            for (UnknownHostKey k : accepted) {
                out.println(k.server() + ": recorded in " + ws.settings().knownHosts());
            }
        }
        out.flush();
        return exit;
    }

    /**
     * A key of a type known_hosts lacks, from a server it knows by other keys: both sides are shown, --yes never
     * takes it, and only a typed "yes" for this very key does (as ssh's own prompt wants a word, not a letter).
     */
    private boolean substitution(Workspace ws, UnknownHostKey k, PrintWriter out, BufferedReader answers)
            throws IOException {
        out.printf("%s: POSSIBLE HOST KEY SUBSTITUTION: %s now offers a %s key that known_hosts does not hold,"
                + " and no longer offers the key(s) known_hosts holds for it:%n", k.server(), k.knownHostsName(), k.keyType());
        for (UnknownHostKey.KnownKey known : k.knownKeys()) {
            out.printf("    known:   %s %s (%s)%n", known.keyType(), known.fingerprint(), known.where());
        }
        out.printf("    offered: %s %s%n", k.keyType(), k.fingerprint());
        out.println("    The server was reinstalled or reconfigured, or someone is intercepting the connection. Compare the"
                + " offered fingerprint with the server's own (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on its console).");
        if (yes) {
            out.println("    not trusted: --yes never accepts a possible substitution; run 'upkeep trust " + k.server()
                    + "' and confirm this key on its own");
            return false;
        }
        out.print("    Type 'yes' to trust this new key (the known key(s) stay in known_hosts), anything else to refuse: ");
        out.flush();
        String answer = answers.readLine();
        if (answer == null || !answer.strip().equalsIgnoreCase("yes")) {
            out.println("    not trusted");
            return false;
        }
        parent.statusService().trustSubstitution(ws, k);
        out.println("    " + k.server() + ": recorded in " + ws.settings().knownHosts());
        return true;
    }

    private static boolean ask(PrintWriter out, BufferedReader answers) throws IOException {
        out.print("    Trust this key and record it? [y/N] ");
        out.flush();
        return CliRun.isYes(answers.readLine());
    }
}
