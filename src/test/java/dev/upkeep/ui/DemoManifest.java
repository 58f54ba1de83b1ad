package dev.upkeep.ui;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Workspace;
import javafx.collections.ListChangeListener;
import javafx.stage.Window;
import org.fxmisc.richtext.CodeArea;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo window's manifest: shop's servers under {@code docker:} with Docker 24.0.7 and Weave 2.8.1, so the
 * canned servers that run Docker 20.10.24 show drift. {@code --editor} then opens it with a mistake typed in.
 */
final class DemoManifest {
    private DemoManifest() {
    }

    /** Writes shop/Manifest.yml beside the workspace file and points the shop application at it. */
    static Workspace attach(Workspace ws) throws IOException {
        Application shop = ws.applications().get(0);
        StringBuilder text = new StringBuilder("""
                # shop: what the platform provisions, and the versions every server should run
                production:
                  docker:
                    configuration:
                      docker_version: 24.0.7   # bumped after the 20.10 end of life
                      weave_version: 2.8.1
                      root_disk_type: ssd
                    servers:
                """);
        shop.servers().forEach(s -> text.append("      - server:\n          unique_name: ").append(s.name())
                .append("\n          vendor: hetzner\n          region: fsn1\n"));
        Path file = ws.file().resolveSibling("shop/Manifest.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.toString());
        List<Application> apps = new ArrayList<>(ws.applications());
        apps.set(0, new Application(shop.name(), shop.environment(), "shop/Manifest.yml", shop.failoverAddress(), shop.servers()));
        return ws.withApplications(apps);
    }

    /** Opens shop's manifest in its editor window and types a version that does not validate. */
    static void openWithMistake(AppContext c) {
        Path file = c.workspace.workspace().resolve("shop/Manifest.yml");
        // The editor's window appears once the file is read off the FX thread.
        Window.getWindows().addListener(new ListChangeListener<Window>() {
            @Override
            public void onChanged(Change<? extends Window> change) {
                while (change.next()) {
                    for (Window w : change.getAddedSubList()) {
                        if (w.getScene() == null || w == c.view.node().getScene().getWindow()) {
                            continue;
                        }
                        Window.getWindows().removeListener(this);
                        // the split panes add the text area on their first layout pass
                        c.ui.onUiSoon(() -> {
                            if (w.getScene().lookup("#manifest-text") instanceof CodeArea area) {
                                int at = area.getText().indexOf("24.0.7");
                                if (at >= 0) {
                                    area.replaceText(at, at + 6, "24.0.x");
                                }
                            }
                        });
                    }
                }
            }
        });
        c.manifests.open(file, "shop");
    }
}
