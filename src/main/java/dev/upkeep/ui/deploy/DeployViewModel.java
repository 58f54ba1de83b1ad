package dev.upkeep.ui.deploy;

import dev.upkeep.export.ExportOptions;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Settings;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.RolloutText;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.RunSummary;
import dev.upkeep.run.SecretPrompt;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.Share;
import dev.upkeep.ui.shared.Errors;
import dev.upkeep.ui.shared.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The Deploy with options dialog: what to apply, on which servers, how; then the pre-flight (planned and simulated
 * off the FX thread) that the user confirms. The plan it confirms is exactly the one that runs.
 */
public final class DeployViewModel {
    public static final String WEAVE_NOTE = "Weave Net's last release is 2.8.1 and the project is archived. The download URL "
            + "(settings: weaveDownloadUrl) can point at a mirror or a fork:\n";
    public static final String DOCKER_WARNING = "Upgrading Docker in place restarts it: every container on the server stops "
            + "for a while (downtime). A rebuilt copy of the server behind the application's Failover Address avoids it.";

    private final Workspace workspace;
    private final RunServices services;
    private final SecretPrompt prompt;
    private final UiExecutor ui;
    private final Function<ServerRef, ServerStatus> lastKnown;
    private final ObservableList<ServerChoice> servers = FXCollections.observableArrayList(
            c -> new javafx.beans.Observable[]{c.selectedProperty()});
    private final BooleanProperty security = new SimpleBooleanProperty(true);
    private final BooleanProperty docker = new SimpleBooleanProperty();
    private final BooleanProperty weave = new SimpleBooleanProperty();
    private final ObjectProperty<RunOptions.Strategy> strategy = new SimpleObjectProperty<>(RunOptions.Strategy.PARALLEL);
    /** Reboot the servers that need it after the upgrades (RunOptions.Reboot.IF_REQUIRED). */
    private final BooleanProperty reboot = new SimpleBooleanProperty();
    /** Servers per rolling batch. */
    private final IntegerProperty batchSize = new SimpleIntegerProperty(1);
    private final IntegerProperty concurrency = new SimpleIntegerProperty();
    /** 0: never stop early. */
    private final IntegerProperty maxFailures = new SimpleIntegerProperty();
    private final BooleanProperty checking = new SimpleBooleanProperty();
    private final StringProperty problem = new SimpleStringProperty("");
    private final ObjectProperty<PreflightReport> report = new SimpleObjectProperty<>();
    private final BooleanBinding cannotCheck;
    private RunSession session;

    public DeployViewModel(Workspace workspace, List<ServerChoice> choices, RunServices services, SecretPrompt prompt, UiExecutor ui) {
        this(workspace, choices, services, prompt, ui, r -> null);
    }

    /**
     * @param lastKnown each server's status from the fleet table's last refresh (null when not known): the rollout
     *                  shows from it which servers need a reboot now
     */
    public DeployViewModel(Workspace workspace, List<ServerChoice> choices, RunServices services, SecretPrompt prompt, UiExecutor ui,
                           Function<ServerRef, ServerStatus> lastKnown) {
        this.workspace = workspace;
        this.lastKnown = lastKnown;
        this.services = services;
        this.prompt = prompt;
        this.ui = ui;
        servers.setAll(choices);
        concurrency.set(workspace.settings() == null ? 10 : workspace.settings().concurrency());
        cannotCheck = Bindings.createBooleanBinding(() -> checking.get() || !(security.get() || docker.get() || weave.get() || reboot.get())
                || servers.stream().noneMatch(ServerChoice::selected), checking, security, docker, weave, reboot, servers);
        // Any change after a pre-flight makes it stale: the user checks again.
        for (javafx.beans.Observable o : List.of(security, docker, weave, strategy, reboot, batchSize, concurrency, maxFailures, servers)) {
            o.addListener(x -> discardReport());
        }
    }

    // properties

    public ObservableList<ServerChoice> servers() {
        return servers;
    }

    public BooleanProperty securityProperty() {
        return security;
    }

    public BooleanProperty dockerProperty() {
        return docker;
    }

    public BooleanProperty weaveProperty() {
        return weave;
    }

    public ObjectProperty<RunOptions.Strategy> strategyProperty() {
        return strategy;
    }

    public BooleanProperty rebootProperty() {
        return reboot;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public IntegerProperty concurrencyProperty() {
        return concurrency;
    }

    public IntegerProperty maxFailuresProperty() {
        return maxFailures;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking;
    }

    /** Why the last check failed (bad manifest version, nothing to do…); empty when fine. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    /** The pre-flight to confirm; null until checked (and again after any change). */
    public ReadOnlyObjectProperty<PreflightReport> reportProperty() {
        return report;
    }

    public BooleanBinding cannotCheckProperty() {
        return cannotCheck;
    }

    public String weaveUrl() {
        return workspace.settings() == null ? Settings.DEFAULT_WEAVE_DOWNLOAD_URL : workspace.settings().weaveDownloadUrl();
    }

    public List<ServerRef> chosen() {
        return servers.stream().filter(ServerChoice::selected).map(ServerChoice::ref).toList();
    }

    /**
     * What the dialog asks for. Max failures 0 leaves the strategy's default (rolling stops at the first failure,
     * parallel and serial never stop early); keep-one-up is always on here (the command line can turn it off).
     */
    public RunOptions options() {
        RunOptions.Strategy s = strategy.get() == null ? RunOptions.Strategy.PARALLEL : strategy.get();
        return RunOptions.builder().security(security.get()).docker(docker.get()).weave(weave.get())
                .strategy(s).concurrency(Math.max(1, concurrency.get()))
                .maxFailures(maxFailures.get() > 0 ? maxFailures.get() : null)
                .reboot(reboot.get() ? RunOptions.Reboot.IF_REQUIRED : RunOptions.Reboot.NONE)
                .batch(s == RunOptions.Strategy.ROLLING ? Share.count(Math.max(1, batchSize.get())) : null)
                .build();
    }

    /**
     * "Upgrade and reboot if required": security upgrades, then a reboot where one is required, rolling one
     * server at a time (stopping at the first failure).
     */
    public void presetUpgradeAndReboot() {
        security.set(true);
        docker.set(false);
        weave.set(false);
        reboot.set(true);
        strategy.set(RunOptions.Strategy.ROLLING);
        batchSize.set(1);
        maxFailures.set(0);
    }

    /**
     * The export of what the dialog shows now, read here on the FX thread; the returned work writes it (off the FX
     * thread). Refuses with an IllegalArgumentException when nothing is chosen.
     */
    public Callable<List<String>> exportWork(AnsibleExporter exporter, Path dir) {
        List<ServerRef> refs = chosen();
        if (refs.isEmpty()) {
            throw new IllegalArgumentException("Select at least one server to export.");
        }
        RunOptions o = options();
        ExportOptions e = new ExportOptions(o.security(), o.docker(), o.weave(), o.reboot() != RunOptions.Reboot.NONE,
                ExportOptions.Strategy.valueOf(o.strategy().name()), o.batch(), maxFailures.get() > 0 ? Share.count(maxFailures.get()) : null,
                true, o.lockWait()); // keep-one-up is always on here, as for a run

        return () -> exporter.export(workspace, refs, e, dir);
    }

    // commands

    /** Plans the run and simulates it on the servers (off the FX thread); the report or a problem arrives later. */
    public void check() {
        if (cannotCheck.get()) {
            return;
        }
        RunOptions options = options();
        List<ServerRef> refs = chosen();
        Map<String, ServerChoice> byName = new LinkedHashMap<>();
        servers.forEach(c -> byName.put(c.ref().toString(), c));
        // read here, on the FX thread, where the fleet table lives; a HashMap since "not known" is a null
        Map<ServerRef, ServerStatus> now = new HashMap<>();
        if (options.reboot() != RunOptions.Reboot.NONE) {
            refs.forEach(r -> now.put(r, lastKnown.apply(r)));
        }
        problem.set("");
        checking.set(true);
        if (session == null) {
            session = new RunSession(services, workspace, prompt);
        }
        RunSession s = session;
        ui.submit("pre-flight", () -> {
            RunPlan plan = services.plans().plan(workspace, refs, options); // refuses bad input before any connection
            RunSummary simulated = options.security() ? s.simulate(services.plans().preflight(workspace, refs, options)) : null;
            String rollout = options.reboot() == RunOptions.Reboot.NONE ? null : RolloutText.format(plan, workspace, now);
            return PreflightReport.of(plan, simulated, byName, rollout);
        }, r -> {
            checking.set(false);
            report.set(r);
        }, e -> {
            checking.set(false);
            problem.set(e instanceof IllegalArgumentException ? e.getMessage() : Errors.describe(e));
        });
    }

    /**
     * Hands the confirmed plan and its session over to the run (which closes the session when done). Null when
     * there is nothing confirmed to run.
     */
    public Confirmed confirm() {
        PreflightReport r = report.get();
        if (r == null || session == null) {
            return null;
        }
        Confirmed c = new Confirmed(r.plan(), session);
        session = null;
        report.set(null);
        return c;
    }

    /** The dialog closed without running. */
    public void dispose() {
        if (session != null) {
            session.close();
        }
        session = null;
    }

    public record Confirmed(RunPlan plan, RunSession session) {
    }

    private void discardReport() {
        if (!checking.get()) {
            report.set(null);
        }
    }
}
