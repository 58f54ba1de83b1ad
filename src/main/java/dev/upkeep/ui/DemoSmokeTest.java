package dev.upkeep.ui;

import dev.upkeep.run.RunSummary;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.ServerResult;
import dev.upkeep.ui.deploy.DeployViewModel;
import dev.upkeep.ui.deploy.RunView;
import dev.upkeep.ui.deploy.RunViewModel;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

import java.util.List;

/**
 * {@code upkeep --demo --smoke-test}: proves an installed Upkeep works end to end without a server of one's own.
 * Waits for the window's first refresh of the demo fleet, then runs a security upgrade of one demo server the way a
 * person would (pre-flight, then the run window with its live log), and ends the program with 0 when it succeeded.
 */
final class DemoSmokeTest {
    /** APP/NAME of the server to upgrade (tests pick the one that fails); default api/api1. */
    static final String SERVER_PROPERTY = "upkeep.demo.smokeServer";

    private final AppContext c;
    private final DemoHooks.SmokeResult result;
    private boolean over;

    DemoSmokeTest(AppContext c, DemoHooks.SmokeResult result) {
        this.c = c;
        this.result = result;
    }

    void start() {
        c.fleet.refresh().runningProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!was || now) {
                    return;
                }
                o.removeListener(this);
                afterRefresh();
            }
        });
    }

    /** The demo could not start at all. */
    void failed(String why) {
        end(1, "smoke test failed: " + why);
    }

    private void afterRefresh() {
        long reachable = c.fleet.rows().stream().filter(r -> r.state().status() != null && r.state().status().reachable()).count();
        if (reachable == 0) {
            failed("the first refresh reached no demo server");
            return;
        }
        ServerRef ref = target();
        if (c.fleet.row(ref) == null || c.deploys == null) {
            failed("there is no demo server " + ref + " to upgrade");
            return;
        }
        DeployViewModel vm = c.deploys.deployments().dialog(List.of(ref));
        vm.securityProperty().set(true);
        vm.reportProperty().addListener((o, was, report) -> {
            if (report != null) {
                run(vm);
            }
        });
        vm.problemProperty().addListener((o, was, problem) -> {
            if (!problem.isEmpty()) {
                failed("the pre-flight of " + ref + " failed: " + problem);
            }
        });
        vm.check();
    }

    private void run(DeployViewModel vm) {
        DeployViewModel.Confirmed confirmed = vm.confirm();
        if (confirmed == null) {
            return;
        }
        RunViewModel run = c.deploys.deployments().start(confirmed);
        new RunView(run, c.ui, c.view.node().getScene().getWindow()).show();
        run.onFinished(this::finished);
    }

    private void finished(RunSummary summary) {
        ServerResult r = summary.results().isEmpty() ? null : summary.results().get(0);
        if (r != null && r.succeeded()) {
            end(0, "smoke test passed: first refresh done, security upgrade of " + r.server() + " finished (" + r.message() + ")");
        } else {
            failed("the security upgrade " + (r == null ? "did not run" : "of " + r.server() + " ended " + r.outcome() + ": " + r.message()));
        }
    }

    private void end(int exit, String message) {
        if (over) {
            return;
        }
        over = true;
        // The launcher ends the process (Window.openDemo): it knows what the demo leaves behind.
        result.done(exit, message);
    }

    private static ServerRef target() {
        String[] parts = System.getProperty(SERVER_PROPERTY, "api/api1").split("/", 2);
        return parts.length == 2 ? new ServerRef(parts[0], parts[1]) : new ServerRef("api", parts[0]);
    }
}
