package dev.upkeep.debian;

/**
 * One package on one server that a query asked about.
 *
 * @param name              the binary package ({@code libssl3}, {@code libc6:i386} for a foreign architecture)
 * @param source            its source package ({@code openssl})
 * @param installed         the installed version; null when the package is not installed
 * @param sourceVersion     the source package's version (differs after a binary-only rebuild, {@code +b1})
 * @param state             dpkg's state ({@code ii}, {@code rc} for removed with its configuration left, …); null when
 *                          dpkg does not know the package
 * @param candidate         the version apt would install; null when none
 * @param candidateSecurity the candidate comes from a security pocket; null when there is no candidate
 * @param matchedSource     the query named the source package (then {@code --below} compares source versions, as
 *                          security advisories name them), not the binary package
 */
public record PackageFinding(String name, String source, String installed, String sourceVersion, String state,
                             String candidate, Boolean candidateSecurity, boolean matchedSource) {
    /** Installed and not only configuration files left behind. */
    public boolean isInstalled() {
        return installed != null && state != null && state.length() >= 2 && state.charAt(1) != 'n'
                && state.charAt(1) != 'c';
    }

    /** The version {@code --below} compares: the source version when the query named the source package. */
    public String comparedVersion() {
        return matchedSource && sourceVersion != null ? sourceVersion : installed;
    }

    /**
     * Exposed: installed at a version below the fixed one. Not installed is not exposed. An installed version that is
     * not a valid Debian version (a broken server) cannot be compared: null.
     */
    public Boolean exposedBelow(DebianVersion fixed) {
        if (fixed == null) {
            return null;
        }
        if (!isInstalled()) {
            return false;
        }
        if (!DebianVersion.isValid(comparedVersion())) {
            return null;
        }
        return DebianVersion.parse(comparedVersion()).compareTo(fixed) < 0;
    }

    /** Upgrading to the candidate would fix it (candidate at or above the fixed version). */
    public Boolean candidateFixes(DebianVersion fixed) {
        if (fixed == null || candidate == null || !DebianVersion.isValid(candidate)) {
            return null;
        }
        return DebianVersion.parse(candidate).compareTo(fixed) >= 0;
    }
}
