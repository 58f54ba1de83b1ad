package dev.upkeep.testfleet;

import java.util.List;

/**
 * The dummy packages every fleet starts with. Installed on every server at 1.0 (baked into the cached rootfs);
 * the repo offers 1.1 of each:
 * <ul>
 *   <li>{@code upkeep-sec-demo} 1.1 in {@code bookworm-security}: a security update whose postinst asks for a reboot;
 *   <li>{@code upkeep-other-demo} 1.1 in {@code bookworm-updates}: an ordinary ("other") update. It is not in plain
 *       {@code bookworm} because Debian's stock unattended-upgrades config also takes {@code label=Debian} from the
 *       release's own codename, and the "other" update must be one that a security-only run leaves alone.
 * </ul>
 */
public final class DemoPackages {
    public static final String SECURITY_PACKAGE = "upkeep-sec-demo";
    public static final String OTHER_PACKAGE = "upkeep-other-demo";

    private DemoPackages() {
    }

    /** Preinstalled on the base rootfs. */
    public static List<DebPackage> installed() {
        return List.of(DebPackage.of(SECURITY_PACKAGE, "1.0"), DebPackage.of(OTHER_PACKAGE, "1.0"));
    }

    /** 1.1 of the security package, asks for a reboot. */
    public static DebPackage securityUpdate() {
        return DebPackage.of(SECURITY_PACKAGE, "1.1").rebootRequired();
    }

    /** A package only ESM offers (not installed anywhere): keeps Ubuntu's ESM pocket from being empty. */
    public static DebPackage esmOnly() {
        return DebPackage.of("upkeep-esm-only-demo", "1.0");
    }

    public static DebPackage otherUpdate() {
        return DebPackage.of(OTHER_PACKAGE, "1.1");
    }
}
