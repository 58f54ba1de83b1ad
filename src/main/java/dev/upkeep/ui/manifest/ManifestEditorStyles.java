package dev.upkeep.ui.manifest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The editor's stylesheet, built in code as a data URI so the view is self-contained. Only AtlantaFX's
 * looked-up {@code -color-*} colours: light and dark themes both work.
 */
final class ManifestEditorStyles {
    private static final String CSS = """
            .manifest-editor .code-area { -fx-background-color: -color-bg-default; -fx-font-family: monospace; }
            .manifest-editor .code-area .text { -fx-fill: -color-fg-default; }
            .manifest-editor .code-area .caret { -fx-stroke: -color-fg-default; }
            .manifest-editor .code-area .selection { -fx-fill: -color-accent-subtle; }
            .manifest-editor .code-area .lineno { -fx-background-color: -color-bg-subtle; -fx-text-fill: -color-fg-muted; }
            .manifest-editor .code-area .text.yaml-key { -fx-fill: -color-accent-fg; }
            .manifest-editor .code-area .text.yaml-comment { -fx-fill: -color-fg-subtle; }
            .manifest-editor .code-area .text.yaml-string { -fx-fill: -color-success-fg; }
            .manifest-editor .code-area .text.yaml-number { -fx-fill: -color-warning-fg; }
            .manifest-editor .code-area .text.yaml-anchor { -fx-fill: -color-danger-fg; }
            .manifest-editor .code-area .text.yaml-punct { -fx-fill: -color-fg-muted; }
            .manifest-editor .problem-error .ikonli-font-icon { -fx-icon-color: -color-danger-fg; }
            .manifest-editor .problem-warning .ikonli-font-icon { -fx-icon-color: -color-warning-fg; }
            .manifest-editor .form-title { -fx-font-weight: bold; }
            """;

    private ManifestEditorStyles() {
    }

    static String dataUri() {
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(CSS.getBytes(StandardCharsets.UTF_8));
    }
}
