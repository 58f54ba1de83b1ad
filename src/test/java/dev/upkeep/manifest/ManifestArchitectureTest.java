package dev.upkeep.manifest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The manifest core and its command line know no screen: the CLI must run where JavaFX cannot. */
class ManifestArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.upkeep.manifest", "dev.upkeep.cli.manifest");

    @Test
    void manifestCoreAndCliImportNoUiToolkit() {
        noClasses().that().resideInAnyPackage("dev.upkeep.manifest..", "dev.upkeep.cli.manifest..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "org.fxmisc..", "dev.upkeep.ui..")
                .check(classes);
    }

    @Test
    void theCoreDoesNotDependOnTheCommandLine() {
        noClasses().that().resideInAPackage("dev.upkeep.manifest..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.upkeep.cli..", "picocli..")
                .check(classes);
    }
}
