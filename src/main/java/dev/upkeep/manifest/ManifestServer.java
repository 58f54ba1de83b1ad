package dev.upkeep.manifest;

/**
 * One server entry of a component, as read from the manifest.
 *
 * @param line        1-based line of the entry
 * @param environment the environment it belongs to, null when the manifest has no environment level
 * @param sameAs      the {@code same_as} target, or null
 * @param external    true for {@code server: external}
 * @param path        dotted path of the mapping that holds {@code unique_name} (for edits), e.g.
 *                    {@code production.docker.servers.0.server}
 * @param flatShape   true when the fields sit beside {@code - server:} instead of under it
 */
public record ManifestServer(String uniqueName, String address, String vendor, String region, String componentType,
                             int line, String environment, String sameAs, boolean external, String path,
                             boolean flatShape) {

    /** A registered server: the platform reaches it by address instead of provisioning it. */
    public boolean registered() {
        return address != null;
    }
}
