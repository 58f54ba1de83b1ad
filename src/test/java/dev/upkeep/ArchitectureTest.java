package dev.upkeep;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.upkeep.base.Patterns;
import dev.upkeep.manifest.Versions;
import dev.upkeep.ssh.PassphraseProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Layers point down: files at the bottom; fleet, manifest, ssh; remote; run; cli and the window on top. In the
 * window, the shell ({@code dev.upkeep.ui}) sits on the feature packages, which sit on {@code ui.shared}.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.upkeep");
    }

    @Test
    void coreImportsNoJavaFx() {
        noClasses().that().resideInAnyPackage("dev.upkeep.fleet..", "dev.upkeep.manifest..", "dev.upkeep.ssh..",
                        "dev.upkeep.remote..", "dev.upkeep.run..", "dev.upkeep.cli..", "dev.upkeep.demo..", "dev.upkeep.files..",
                        "dev.upkeep.debian..", "dev.upkeep.history..", "dev.upkeep.report..",
                        "dev.upkeep.inventory..", "dev.upkeep.windowstate..", "dev.upkeep.base..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "org.fxmisc..", "org.kordamp.ikonli..")
                .check(classes);
    }

    @Test
    void windowOpensNoSshConnections() {
        noClasses().that().resideInAPackage("dev.upkeep.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("net.schmizz..", "com.hierynomus..", "dev.upkeep.ssh..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** The window learns what happens on servers from run's events (RunStep, RunEvent.Stream), never from remote. */
    @Test
    void windowNeverUsesRemoteProcedures() {
        noClasses().that().resideInAPackage("dev.upkeep.ui..")
                .should().dependOnClassesThat().resideInAPackage("dev.upkeep.remote..")
                .check(classes);
    }

    /**
     * The command line reads a run's events in run's vocabulary: no remote class at all, and of ssh only what it
     * needs to ask for a key's passphrase on the console (never a command's output listener).
     */
    @Test
    void commandLineReadsRunEventsInRunsVocabulary() {
        noClasses().that().resideInAPackage("dev.upkeep.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.upkeep.remote..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.upkeep.cli..")
                .should().dependOnClassesThat(resideInAPackage("dev.upkeep.ssh..")
                        .and(DescribedPredicate.not(equivalentTo(PassphraseProvider.class))))
                .check(classes);
    }

    /** How bytes reach the disk is the bottom layer: fleet, manifest and run all save through it. */
    @Test
    void filesIsTheBottomLayer() {
        noClasses().that().resideInAPackage("dev.upkeep.files..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.upkeep.fleet..", "dev.upkeep.manifest..",
                        "dev.upkeep.ssh..", "dev.upkeep.remote..", "dev.upkeep.run..", "dev.upkeep.cli..",
                        "dev.upkeep.demo..", "dev.upkeep.ui..")
                .check(classes);
    }

    @Test
    void onlyTheLauncherStartsTheDemoFleet() {
        noClasses().that().resideOutsideOfPackages("dev.upkeep", "dev.upkeep.demo..")
                .should().dependOnClassesThat().resideInAPackage("dev.upkeep.demo..")
                .check(classes);
    }

    /** Named threads and resource text: every layer may use base, so base uses no other Upkeep package. */
    @Test
    void baseIsTheBottomOfEveryLayer() {
        noClasses().that().resideInAPackage("dev.upkeep.base..")
                .should().dependOnClassesThat(resideInAPackage("dev.upkeep..")
                        .and(DescribedPredicate.not(resideInAPackage("dev.upkeep.base.."))))
                .check(classes);
    }

    /** Every thread is named and daemon because one factory makes them all (base.Threads). */
    @Test
    void onlyBaseThreadsCreatesThreads() {
        noClasses().that().resideOutsideOfPackage("dev.upkeep.base..")
                .should().callConstructorWhere(new DescribedPredicate<JavaConstructorCall>("a Thread constructor") {
                    @Override
                    public boolean test(JavaConstructorCall call) {
                        return call.getTargetOwner().isAssignableTo(Thread.class);
                    }
                })
                .check(classes);
    }

    /** One copy of OpenSSH's pattern matching (base.Patterns): host lines, known_hosts and algorithm lists. */
    @Test
    void onlyBasePatternsMatchesGlobs() {
        methods().that().haveName("glob").and().haveRawParameterTypes(String.class, String.class)
                .or().haveName("matchesList")
                .should().beDeclaredIn(Patterns.class)
                .check(classes);
    }

    /** ssh.kex plugs into sshj; ssh uses it, not the other way round (no package cycle). */
    @Test
    void keyExchangeDoesNotDependOnTheConnector() {
        noClasses().that().resideInAPackage("dev.upkeep.ssh.kex..")
                .should().dependOnClassesThat().resideInAPackage("dev.upkeep.ssh")
                .check(classes);
    }

    @Test
    void lowerLayersDoNotReachUp() {
        noClasses().that().resideInAnyPackage("dev.upkeep.fleet..", "dev.upkeep.manifest..", "dev.upkeep.ssh..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.upkeep.run..", "dev.upkeep.remote..",
                        "dev.upkeep.cli..", "dev.upkeep.ui..")
                .check(classes);
    }

    /**
     * A workspace and a manifest are separate files; joining their servers (run.ManifestServers) is above both. The
     * workspace checks Weave versions the way a manifest does (manifest.Versions, a value check with no documents).
     */
    @Test
    void fleetAndManifestNeverUseEachOther() {
        noClasses().that().resideInAPackage("dev.upkeep.fleet..")
                .should().dependOnClassesThat(resideInAPackage("dev.upkeep.manifest..")
                        .and(DescribedPredicate.not(equivalentTo(Versions.class))))
                .check(classes);
        noClasses().that().resideInAPackage("dev.upkeep.manifest..")
                .should().dependOnClassesThat().resideInAPackage("dev.upkeep.fleet..")
                .check(classes);
    }

    /** Import reads files into the workspace model; it runs nothing on servers and knows no command line or window. */
    @Test
    void inventoryImportStaysInTheCore() {
        noClasses().that().resideInAPackage("dev.upkeep.inventory..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.upkeep.run..", "dev.upkeep.remote..",
                        "dev.upkeep.cli..", "dev.upkeep.ui..", "dev.upkeep.demo..")
                .check(classes);
    }

    /** Any cycle between two packages, wherever it is, fails the build (each package is its own slice). */
    @Test
    void noPackageCycles() {
        slices().matching("dev.upkeep.(**)").should().beFreeOfCycles().check(classes);
    }

    /** remote knows Debian and SSH; what a run is, how it is shown or typed is above it. */
    @Test
    void remoteNeverUsesRunCliOrWindow() {
        noClasses().that().resideInAPackage("dev.upkeep.remote..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.upkeep.run..", "dev.upkeep.cli..", "dev.upkeep.ui..")
                .check(classes);
    }

    @Test
    void runNeverUsesCliOrWindow() {
        noClasses().that().resideInAPackage("dev.upkeep.run..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.upkeep.cli..", "dev.upkeep.ui..")
                .check(classes);
    }

    @Test
    void cliNeverUsesWindow() {
        noClasses().that().resideInAPackage("dev.upkeep.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.upkeep.ui..")
                .check(classes);
    }

    /** The demo fleet is started by the launcher and knows nothing above the files it writes. */
    @Test
    void demoUsesNoCliRunNorWindow() {
        noClasses().that().resideInAPackage("dev.upkeep.demo..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.upkeep.run..", "dev.upkeep.cli..", "dev.upkeep.ui..")
                .check(classes);
    }

    /** A window feature (fleet, edit, deploy, history, manifest, ...) reaches another only through the shell. */
    @Test
    void windowFeaturesNeverUseEachOther() {
        slices().matching("dev.upkeep.ui.(*)..").should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAPackage(SHARED))
                .check(classes);
    }

    /** The shell wires the features together; no feature (nor shared) knows the shell. */
    @Test
    void windowFeaturesAndSharedNeverUseTheShell() {
        noClasses().that().resideInAPackage("dev.upkeep.ui..").and().resideOutsideOfPackage("dev.upkeep.ui")
                .should().dependOnClassesThat().resideInAPackage("dev.upkeep.ui")
                .check(classes);
    }

    /** ui.shared is the window's bottom: dialogs, the FX-thread executor, icons, theme, the log pane. */
    @Test
    void sharedWindowServicesUseNoFeature() {
        noClasses().that().resideInAPackage(SHARED)
                .should().dependOnClassesThat(resideInAPackage("dev.upkeep.ui..")
                        .and(DescribedPredicate.not(resideInAPackage(SHARED))))
                .check(classes);
    }

    private static final String SHARED = "dev.upkeep.ui.shared..";
}
