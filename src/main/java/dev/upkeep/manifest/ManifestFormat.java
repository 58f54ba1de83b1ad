package dev.upkeep.manifest;

import java.util.Set;

/** The names the hosting platform documents for Manifest.yml. */
final class ManifestFormat {
    static final Set<String> COMPONENT_TYPES = Set.of("docker", "rails", "rack", "node", "sinatra", "mysql",
            "postgresql", "postgis", "redis", "mongodb", "elasticsearch", "memcached", "rabbitmq", "glusterfs",
            "gateway", "load_balancer", "nginx");
    /** Keys beside the component types (at the root or inside an environment). */
    static final Set<String> OTHER_TOP_KEYS = Set.of("environment_variables", "procfile_metadata");
    static final Set<String> COMPONENT_KEYS = Set.of("configuration", "servers", "server", "groups");
    static final Set<String> DOCKER_CONFIGURATION_KEYS = Set.of("docker_version", "version", "weave_version",
            "root_disk_size", "root_disk_type", "image_keep_count", "nameservers", "vpc_id", "operating_system",
            "network");
    static final Set<String> SERVER_KEYS = Set.of("unique_name", "address", "vendor", "region", "size", "key_name",
            "availability_zone", "subnet_id", "root_disk_size", "root_disk_type", "same_as", "server");
    static final Set<String> VENDORS = Set.of("aws", "azure_rm", "azure", "digitalocean", "googlecloud", "hetzner",
            "linode", "maxihost", "ovh", "packet", "rackspace", "vultr");
    static final Set<String> ROOT_DISK_TYPES = Set.of("ssd", "magnetic");
    static final Set<String> NETWORK_MODES = Set.of("private", "public");

    private ManifestFormat() {
    }
}
