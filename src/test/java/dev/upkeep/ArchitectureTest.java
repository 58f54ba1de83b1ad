package dev.upkeep;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Logic knows no screen, and the screen opens no SSH connections itself. */
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
                        "dev.upkeep.windowstate..")
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
}
