package dev.upkeep.ui;

import dev.upkeep.fleet.PrivateState;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.history.PatchHistory;
import dev.upkeep.manifest.ManifestFiles;
import dev.upkeep.manifest.ManifestValidator;
import dev.upkeep.run.AnswerListener;
import dev.upkeep.run.ManifestWantsReader;
import dev.upkeep.run.ServerAnswer;
import dev.upkeep.run.ServerRef;
import dev.upkeep.ui.deploy.Deployments;
import dev.upkeep.ui.edit.ApplicationFormViewModel;
import dev.upkeep.ui.edit.FormDialogs;
import dev.upkeep.ui.edit.ServerFormViewModel;
import dev.upkeep.ui.edit.WorkspaceViewModel;
import dev.upkeep.ui.fleet.DriftViewModel;
import dev.upkeep.ui.fleet.FleetViewModel;
import dev.upkeep.ui.fleet.ServerRow;
import dev.upkeep.ui.fleet.TrustView;
import dev.upkeep.ui.fleet.TrustViewModel;
import dev.upkeep.ui.inventory.ImportDialog;
import dev.upkeep.ui.inventory.ImportViewModel;
import dev.upkeep.ui.packages.PackageFinderView;
import dev.upkeep.ui.report.ExportReportDialog;
import dev.upkeep.ui.report.ExportReportViewModel;
import dev.upkeep.ui.shared.DialogService;
import dev.upkeep.ui.shared.FxDialogService;
import dev.upkeep.ui.shared.FxSecretPrompt;
import dev.upkeep.ui.shared.FxUiExecutor;
import dev.upkeep.ui.shared.Theme;
import dev.upkeep.windowstate.ThemeChoice;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The composition root: creates every UI service and view model once, passes them by constructor, closes them at exit. */
final class AppContext implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AppContext.class);

    final AppServices services;
    final FxUiExecutor ui = new FxUiExecutor();
    final DialogService dialogs;
    final Theme theme;
    final WorkspaceViewModel workspace;
    final FleetViewModel fleet;
    final DriftViewModel drift;
    final ManifestWindows manifests;
    /** Null when the launcher handed over no run services (the window then offers no deploys). */
    final DeployWindows deploys;
    final MainView view;

    AppContext(AppServices services, Stage stage, boolean dark) {
        this(services, stage, dark ? ThemeChoice.DARK : ThemeChoice.LIGHT, false, null);
    }

    /**
     * @param desktopDark what the desktop prefers, for the theme that follows it
     * @param openDemo    shows the demo fleet instead of this workspace (null: the demo is not offered)
     */
    AppContext(AppServices services, Stage stage, ThemeChoice themeChoice, boolean desktopDark, Runnable openDemo) {
        this.services = services;
        this.dialogs = new FxDialogService(() -> stage)
                .view(ServerFormViewModel.class, FormDialogs::serverForm)
                .view(ApplicationFormViewModel.class, FormDialogs::applicationForm)
                .view(TrustViewModel.class, TrustView::create);
        services.secrets().install(new FxSecretPrompt(ui, dialogs));
        this.theme = new Theme(themeChoice, desktopDark);
        this.workspace = new WorkspaceViewModel(services.store(), ui, dialogs, services.workspaceFile());
        this.fleet = new FleetViewModel(workspace.workspaceProperty(), services.statusService(), ui, dialogs);
        ManifestFiles manifestFiles = new ManifestFiles();
        this.drift = new DriftViewModel(fleet, workspace.workspaceProperty(), new ManifestWantsReader(manifestFiles), ui);
        this.manifests = new ManifestWindows(stage, dialogs, manifestFiles, new ManifestValidator(), ui, drift::reload);
        this.deploys = services.runs() == null ? null : new DeployWindows(new Deployments(services.runs(), workspace::workspace,
                ref -> {
                    ServerRow row = fleet.row(ref);
                    return row == null ? null : row.state().drift();
                }, services.secrets(), ui, refs -> fleet.refresh().refresh(refs, false, true), ref -> {
                    ServerRow row = fleet.row(ref);
                    return row == null ? null : row.state().status();
                }), ui, dialogs, () -> stage);
        UpgradeLauncher upgrades = deploys != null ? deploys : UpgradeLauncher.comingLater(dialogs);
        refreshWhenFirstLoaded();
        tightenPrivateState(services.privateState());
        Runnable importServers = () -> new ImportDialog(new ImportViewModel(services.store(), ui, workspace::workspace,
                saved -> workspace.reload()), stage).show();
        Commands commands = new Commands(workspace, fleet, drift, theme, this::quit, dialogs, manifests, upgrades, deploys,
                () -> findPackages(stage), importServers);
        commands.patchHistory = this::patchHistory;
        commands.exportReport = () -> new ExportReportDialog(new ExportReportViewModel(this::answeredStatuses,
                fleet::patchAgeWarnDays, s -> {
                    ServerRow row = fleet.row(new ServerRef(s.application(), s.server()));
                    return row == null ? null : row.state().drift();
                }, ui), stage).show();
        commands.ui = ui;
        this.view = new MainView(commands,
                Instant::now, new DemoActions(services.demo().active(), openDemo));
    }

    private PackageFinderView packageFinder;

    /** The History tab's read: the server's logs over SSH merged with this machine's runs (blocking). */
    private PatchHistory patchHistory(ServerRef ref) throws Exception {
        ServerAnswer<PatchHistory> a = services.statusService().history(workspace.workspace(),
                List.of(ref), null, services.runs() == null ? null : services.runs().history(),
                AnswerListener.<PatchHistory>none()).completion().get().get(0);
        if (!a.answered()) {
            throw new IOException(a.error());
        }
        return a.value();
    }

    /** The last refresh's answers in table order; servers not asked yet are left out of the report. */
    private List<ServerStatus> answeredStatuses() {
        return fleet.rows().stream().map(r -> r.state().status()).filter(Objects::nonNull).toList();
    }

    /** Servers › Find package…: one window, kept while the main window lives. */
    private void findPackages(Stage stage) {
        if (packageFinder == null) {
            packageFinder = new dev.upkeep.ui.packages.PackageFinderView(new dev.upkeep.ui.packages.PackageFinderViewModel(
                    services.statusService(), workspace::workspace, ui), stage, fleet::select,
                    deploys == null ? null : refs -> deploys.open(refs));
        }
        packageFinder.show();
    }

    /** Unsaved manifest edits are never lost on quit: each editor with changes asks first. */
    boolean mayQuit() {
        return manifests.closeAll();
    }

    private void quit() {
        if (mayQuit()) {
            Platform.exit();
        }
    }

    /** Once, when the window opens: folders that others could read are made private, and the user is told. */
    private void tightenPrivateState(PrivateState state) {
        if (state == null) {
            return;
        }
        ui.submit("make Upkeep's folders private", state::tighten, notices -> {
            if (!notices.isEmpty()) {
                dialogs.showInfo(PRIVATE_FOLDERS_TITLE, String.join("\n\n", notices));
            }
        }, e -> log.warn("Checking Upkeep's folders failed: {}", e.toString()));
    }

    static final String PRIVATE_FOLDERS_TITLE = "Upkeep made its folders private";

    /** Opening the console should show the truth, not yesterday's table: the first load starts a refresh. */
    private void refreshWhenFirstLoaded() {
        workspace.loadedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    return;
                }
                o.removeListener(this);
                if (!workspace.workspace().applications().isEmpty()) {
                    fleet.refreshShown(false);
                }
            }
        });
    }

    @Override
    public void close() {
        fleet.cancelRefresh();
        ui.close();
        try {
            services.shutdown().close();
        } catch (Exception e) {
            log.warn("Shutting down the core failed: {}", e.toString());
        }
    }
}
