package dev.upkeep.packaging;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The installed program's runtime is the jlinked one the installer profile builds: JavaFX inside as modules, its
 * native libraries beside the JDK's (so nothing is unpacked to ~/.openjfx/cache), and nothing the app does not use.
 * Runs only inside that runtime: scripts/package-smoke.sh starts {@link RunTestsInThisJvm} with the installed
 * runtime's java and -Dupkeep.packagedRuntime=DIR.
 */
class PackagedRuntimeTest {
    private Path runtime;

    @BeforeEach
    void onlyInsideThePackagedRuntime() {
        String dir = System.getProperty("upkeep.packagedRuntime");
        assumeTrue(dir != null, "runs only inside the packaged runtime (scripts/package-smoke.sh passes -Dupkeep.packagedRuntime)");
        runtime = Path.of(dir);
    }

    @Test
    void thisJvmIsThePackagedRuntime() throws Exception {
        assertThat(Path.of(System.getProperty("java.home")).toRealPath()).isEqualTo(runtime.toRealPath());
    }

    @Test
    void runtimeHoldsJavaFxAndTheCryptoTheConnectionsNeedAndNothingTheAppDoesNotUse() {
        Set<String> modules = ModuleLayer.boot().modules().stream().map(Module::getName).collect(Collectors.toSet());
        assertThat(modules).contains("javafx.base", "javafx.graphics", "javafx.controls", "jdk.crypto.ec",
                "java.net.http", "java.security.jgss", "java.naming", "java.sql");
        assertThat(modules).doesNotContain("jdk.jfr", "java.scripting", "jdk.localedata", "jdk.charsets",
                "jdk.httpserver", "java.compiler", "jdk.jshell", "javafx.web", "javafx.media");
    }

    @Test
    void javaFxNativeLibrariesAreFilesInTheRuntimeNotResourcesToUnpack() throws Exception {
        Module graphics = ModuleLayer.boot().findModule("javafx.graphics").orElseThrow();
        for (String lib : new String[] {"libglass.so", "libglassgtk3.so", "libprism_es2.so", "libjavafx_font.so"}) {
            assertThat(runtime.resolve("lib").resolve(lib)).as(lib).isRegularFile();
            try (var inModule = graphics.getResourceAsStream(lib)) {
                assertThat(inModule).as(lib + " inside the javafx.graphics module").isNull();
            }
        }
    }

    @Test
    void keytoolIsThereForTheTlsTestAndTheRuntimeHasNoHeaderFilesOrManPages() {
        assertThat(runtime.resolve("bin/keytool")).isExecutable();
        assertThat(Files.exists(runtime.resolve("include"))).isFalse();
        assertThat(Files.exists(runtime.resolve("man"))).isFalse();
    }
}
