package dev.upkeep.run;

import dev.upkeep.remote.Procedure;
import dev.upkeep.remote.ProcedureContext;
import dev.upkeep.remote.ProcedureResult;
import dev.upkeep.remote.Step;
import dev.upkeep.ssh.OutputListener;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A procedure that records that it ran, prints a line, and succeeds, fails or blocks until cancelled. */
final class FakeProcedure implements Procedure {
    enum Mode { SUCCEED, FAIL, BLOCK }

    private final String name;
    private final Mode mode;
    private final Queue<String> journal;
    final CountDownLatch started = new CountDownLatch(1);

    FakeProcedure(String name, Mode mode, Queue<String> journal) {
        this.name = name;
        this.mode = mode;
        this.journal = journal;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ProcedureResult run(ProcedureContext ctx) {
        journal.add(ctx.server() + ":" + name);
        ctx.step(Step.UPGRADING, name);
        ctx.line(OutputListener.Stream.STDOUT, "hello from " + name);
        started.countDown();
        if (mode == Mode.BLOCK) {
            CountDownLatch cancelled = new CountDownLatch(1);
            ctx.stopRequest().onCancel(cancelled::countDown);
            try {
                if (!cancelled.await(30, TimeUnit.SECONDS)) {
                    return ProcedureResult.failed("never cancelled");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ProcedureResult.cancelled("stopped following; it continues on the server");
        }
        if (mode == Mode.FAIL) {
            return ProcedureResult.failed(name + " broke");
        }
        return new ProcedureResult(true, "ok", List.of(name + "-pkg 2.0"), true, List.of(name + "-pkg"));
    }
}
