package dev.upkeep.ui.shared;

import org.kordamp.ikonli.javafx.FontIcon;

/** Icon literals of the Material Design 2 pack in one place, so a meaning always gets the same glyph. */
public final class Icons {
    public static final String REFRESH = "mdi2r-refresh";
    public static final String UPDATE_LISTS = "mdi2p-package-down";
    public static final String CANCEL = "mdi2s-stop";
    public static final String PAUSE = "mdi2p-pause";
    public static final String RESUME = "mdi2p-play";
    public static final String REBOOT = "mdi2r-restart-alert";
    public static final String REACHABLE = "mdi2c-check-circle";
    public static final String UNREACHABLE = "mdi2l-lan-disconnect";
    public static final String SECURITY = "mdi2s-shield-alert";
    public static final String ATTENTION = "mdi2a-alert";
    public static final String STALE = "mdi2c-clock-alert-outline";
    public static final String KERNEL = "mdi2u-update";
    public static final String SERVER = "mdi2s-server";
    public static final String SERVERS = "mdi2s-server-network";
    public static final String APPLICATION = "mdi2a-application";
    public static final String OPEN = "mdi2f-folder-open";
    public static final String SAVE = "mdi2c-content-save";
    public static final String ADD = "mdi2p-plus";
    public static final String EDIT = "mdi2p-pencil";
    public static final String DELETE = "mdi2d-delete";
    public static final String SEARCH = "mdi2m-magnify";
    public static final String FILTER = "mdi2f-filter-variant";
    public static final String DARK = "mdi2w-weather-night";
    public static final String DRIFT = "mdi2s-sync-alert";
    public static final String MANIFEST = "mdi2f-file-document-edit-outline";
    public static final String UPGRADE = "mdi2a-arrow-up-bold-circle-outline";
    public static final String DEPLOY = "mdi2r-rocket-launch-outline";
    public static final String UPGRADE_AND_REBOOT = "mdi2r-restart";
    public static final String HISTORY = "mdi2h-history";
    public static final String DEMO = "mdi2f-flask-outline";
    /** A connection whose key exchange is not post-quantum. */
    public static final String KEX_NOT_PQ = "mdi2l-lock-alert-outline";

    private Icons() {
    }

    public static FontIcon icon(String literal) {
        return new FontIcon(literal);
    }

    public static FontIcon icon(String literal, String styleClass) {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add(styleClass);
        return icon;
    }
}
