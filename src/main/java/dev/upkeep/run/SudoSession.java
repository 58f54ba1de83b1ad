package dev.upkeep.run;

import dev.upkeep.remote.SudoCheck;
import dev.upkeep.remote.SudoPassword;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sudo password of one deploy (a pre-flight and its run share it), for the window and the command line alike.
 * Asked once, only when a server's sudo asks for one; asked again at most once, after a server rejected it, saying
 * which. Every server tries each answer at most once and keeps the one it accepted, so a run never retries a wrong
 * password in a loop that could lock the account. Answers live in memory only; {@link #close} wipes them.
 */
public final class SudoSession implements AutoCloseable {
    private static final int SHOWN_ACCOUNTS = 5;

    private final SecretPrompt prompt;
    private final List<char[]> answers = new ArrayList<>();
    private final Map<ServerRef, Integer> accepted = new HashMap<>();
    private final Map<ServerRef, Set<Integer>> rejected = new HashMap<>();
    private final Map<ServerRef, SudoCheck> checks = new HashMap<>();
    private boolean asked;
    private boolean askedAgain;
    private boolean closed;

    /** @param prompt asks the person; it returns null (or an empty answer) when they decline */
    public SudoSession(SecretPrompt prompt) {
        this.prompt = prompt;
    }

    /** A session that never asks: servers whose sudo asks for a password fail, saying so. */
    public static SudoSession withoutPassword() {
        return new SudoSession((title, question) -> null);
    }

    /** Asks the person once, before any server starts, naming the accounts whose sudo asks (nothing when none does). */
    synchronized void askFor(List<String> accounts) {
        if (asked || closed || accounts.isEmpty()) {
            return;
        }
        ask("sudo password for " + shortList(accounts));
    }

    /** This server's view, for its procedures; {@code account} names it in messages and prompts. */
    SudoPassword forServer(ServerRef server, String account) {
        return new ServerPassword(server, account);
    }

    synchronized SudoCheck check(ServerRef server) {
        return checks.get(server);
    }

    synchronized void remember(ServerRef server, SudoCheck check) {
        checks.put(server, check);
    }

    /** The login user and server as messages name them: the server's own name for the user when it said. */
    synchronized String account(ServerPlan server) {
        SudoCheck check = checks.get(server.ref());
        String user = check != null && check.user() != null ? check.user() : server.request().user();
        return (user != null ? user : "?") + "@" + server.ref().server();
    }

    @Override
    public synchronized void close() {
        closed = true;
        answers.forEach(a -> Arrays.fill(a, '\0'));
        answers.clear();
    }

    private void ask(String question) {
        char[] answer = prompt.ask("sudo password", question);
        if (!asked) {
            asked = true;
        } else {
            askedAgain = true;
        }
        if (answer != null && answer.length > 0 && !closed) {
            answers.add(answer);
        } else if (answer != null) {
            Arrays.fill(answer, '\0');
        }
    }

    private static String shortList(List<String> accounts) {
        if (accounts.size() <= SHOWN_ACCOUNTS) {
            return String.join(", ", accounts);
        }
        return String.join(", ", accounts.subList(0, SHOWN_ACCOUNTS)) + " and " + (accounts.size() - SHOWN_ACCOUNTS)
                + " more";
    }

    private final class ServerPassword implements SudoPassword {
        private final ServerRef server;
        private final String account;

        ServerPassword(ServerRef server, String account) {
            this.server = server;
            this.account = account;
        }

        @Override
        public String account() {
            return account;
        }

        @Override
        public Attempt next() {
            synchronized (SudoSession.this) {
                if (closed) {
                    return null;
                }
                Integer good = accepted.get(server);
                if (good != null) {
                    return attempt(good);
                }
                Integer untried = newestUntried();
                if (untried != null) {
                    return attempt(untried);
                }
                if (!asked) {
                    ask("sudo password for " + account);
                } else if (!askedAgain && !triedHere().isEmpty()) {
                    ask("sudo: wrong password for " + account + ". Type it again (asked once more only)");
                } else {
                    return null;
                }
                untried = newestUntried();
                return untried == null ? null : attempt(untried);
            }
        }

        @Override
        public void accepted(Attempt attempt) {
            synchronized (SudoSession.this) {
                accepted.put(server, attempt.id());
            }
        }

        @Override
        public void rejected(Attempt attempt) {
            synchronized (SudoSession.this) {
                rejected.computeIfAbsent(server, s -> new HashSet<>()).add(attempt.id());
                if (Integer.valueOf(attempt.id()).equals(accepted.get(server))) {
                    accepted.remove(server);
                }
            }
        }

        @Override
        public boolean exhausted() {
            synchronized (SudoSession.this) {
                return !triedHere().isEmpty() && newestUntried() == null && accepted.get(server) == null
                        && (askedAgain || closed);
            }
        }

        private Set<Integer> triedHere() {
            return rejected.getOrDefault(server, Set.of());
        }

        private Integer newestUntried() {
            for (int i = answers.size() - 1; i >= 0; i--) {
                if (!triedHere().contains(i)) {
                    return i;
                }
            }
            return null;
        }

        private Attempt attempt(int id) {
            return new Attempt(id, answers.get(id).clone());
        }
    }
}
