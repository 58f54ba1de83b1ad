package dev.upkeep.cli;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.StatusListener;
import dev.upkeep.run.UnknownHostKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

@Command(name = "trust", description = "Show the host keys of servers not yet in known_hosts, and record the ones you accept.")
final class TrustCommand implements Callable<Integer> {
    @ParentCommand
    UpkeepCommand parent;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVER", arity = "0..*", description = "Servers (NAME or APP/NAME); none with --app means all of it.")
    List<String> servers = new ArrayList<>();
    @Option(names = "--app", paramLabel = "NAME", description = "Only this application's servers.")
    String app;
    @Option(names = "--yes", description = "Accept every unknown key shown, without asking.")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        if (servers.isEmpty() && app == null) throw new BadInputException("name the servers to trust (or --app NAME)");
        Workspace ws = parent.workspace();
        List<ServerRef> refs = Selection.select(ws, app, servers);
        PrintWriter out = spec.commandLine().getOut();
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
            if (s.reachable()) out.println(s.application() + "/" + s.server() + ": host key already trusted");
            else if (!isUnknown) {
                out.println(s.application() + "/" + s.server() + ": " + s.error());
                exit = ExitCodes.SOME_FAILED;
            }
        }
        List<UnknownHostKey> accepted = new ArrayList<>();
        BufferedReader answers = parent.input();
        for (UnknownHostKey k : unknown) {
            out.printf("%s: %s:%d offers a %s host key that known_hosts does not hold:%n    %s%n",
                    k.server(), k.host(), k.port(), k.keyType(), k.fingerprint());
            if (yes || ask(out, answers)) accepted.add(k);
            else {
                out.println("    not trusted");
                exit = ExitCodes.SOME_FAILED;
            }
        }
        if (!accepted.isEmpty()) {
            parent.statusService().trust(ws, accepted);
            for (UnknownHostKey k : accepted) out.println(k.server() + ": recorded in " + ws.settings().knownHosts());
        }
        out.flush();
        return exit;
    }

    private static boolean ask(PrintWriter out, BufferedReader answers) throws IOException {
        out.print("    Trust this key and record it? [y/N] ");
        out.flush();
        String answer = answers.readLine();
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }
}
