package dev.upkeep.run;

import dev.upkeep.debian.PackageFinding;
import dev.upkeep.fleet.Server;
import dev.upkeep.remote.PackageQuery;
import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.CommandLimits;
import dev.upkeep.ssh.CommandOutput;
import dev.upkeep.ssh.SshConnection;
import dev.upkeep.ssh.SshException;

import java.time.Duration;
import java.util.List;

/** The package query on one server, as its login user (dpkg and apt read their databases without privileges). */
final class PackageRead implements ServerRead<List<PackageFinding>> {
    /** A glob such as {@code lib*} can match most of a server's packages: a few thousand lines, far below this. */
    static final long MAX_BYTES = 16L << 20;
    static final Duration IDLE = Duration.ofSeconds(60);

    private final PackageQuery query;

    PackageRead(PackageQuery query) {
        this.query = query;
    }

    @Override
    public String what() {
        return "package query";
    }

    @Override
    public List<PackageFinding> read(SshConnection connection, Server server, Cancellation cancel) throws SshException {
        CommandOutput out = connection.run(query.command(), null, CommandLimits.parsed(MAX_BYTES).withIdle(IDLE), cancel);
        return query.parse(out.stdout().lines().toList());
    }
}
