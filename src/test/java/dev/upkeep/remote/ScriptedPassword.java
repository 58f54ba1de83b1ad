package dev.upkeep.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A sudo password source for tests: hands out its answers in order, one each, and records what sudo said. */
final class ScriptedPassword implements SudoPassword {
    private final String account;
    private final List<String> answers;
    private int given;
    final AtomicInteger fetched = new AtomicInteger();
    final List<Integer> accepted = new CopyOnWriteArrayList<>();
    final List<Integer> rejected = new CopyOnWriteArrayList<>();

    ScriptedPassword(String account, String... answers) {
        this.account = account;
        this.answers = new ArrayList<>(List.of(answers));
    }

    @Override
    public String account() {
        return account;
    }

    @Override
    public synchronized Attempt next() {
        fetched.incrementAndGet();
        if (!accepted.isEmpty()) {
            return new Attempt(accepted.get(0), answers.get(accepted.get(0)).toCharArray());
        }
        if (given >= answers.size()) {
            return null;
        }
        int id = given++;
        return new Attempt(id, answers.get(id).toCharArray());
    }

    @Override
    public void accepted(Attempt attempt) {
        accepted.add(attempt.id());
    }

    @Override
    public void rejected(Attempt attempt) {
        rejected.add(attempt.id());
    }

    @Override
    public synchronized boolean exhausted() {
        return accepted.isEmpty() && !rejected.isEmpty() && given >= answers.size();
    }
}
