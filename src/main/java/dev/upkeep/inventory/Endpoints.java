package dev.upkeep.inventory;

import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.ssh.HostSettings;
import dev.upkeep.ssh.OpenSshConfig;

import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Function;

/**
 * Where a server's SSH connection goes, as "host:port" after ~/.ssh/config (HostName, Port): two servers with the
 * same endpoint are the same machine, whatever their names or aliases.
 */
public final class Endpoints {
    private final Function<String, HostSettings> config;

    private Endpoints(Function<String, HostSettings> config) {
        this.config = config;
    }

    /** Resolves through the workspace's ssh config ({@code settings.sshConfig}); an unreadable one is not used. */
    public static Endpoints of(Workspace ws) {
        OpenSshConfig c;
        try {
            c = OpenSshConfig.load(ws.resolve(ws.settings().sshConfig()));
        } catch (UncheckedIOException e) {
            c = OpenSshConfig.empty();
        }
        return new Endpoints(c::resolve);
    }

    public String of(Server s) {
        HostSettings h = config.apply(s.host());
        int port = s.port() != null ? s.port() : h.port();
        return h.hostName().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
