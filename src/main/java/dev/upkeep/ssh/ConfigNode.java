package dev.upkeep.ssh;

import java.util.List;

/** One meaningful line of an ssh_config file, as parsed once; resolution walks these per alias. */
sealed interface ConfigNode {

    /** {@code Host pattern...}: starts a block that is active when the alias matches; {@code where} is "file:line". */
    record HostLine(List<String> patterns, String where) implements ConfigNode {
    }

    /** {@code Match ...}: not supported; its block is skipped (never active). */
    record MatchLine() implements ConfigNode {
    }

    /**
     * Any other keyword; {@code key} is lower-case. {@code where} is "file:line" for messages. {@code raw} is the
     * rest of the line as written (quotes kept), which is what OpenSSH takes for ProxyCommand.
     */
    record Option(String key, List<String> args, String where, String raw) implements ConfigNode {
        Option(String key, List<String> args, String where) {
            this(key, args, where, String.join(" ", args));
        }
    }

    /** {@code Include}: the files it matched, already parsed, in glob order. */
    record Include(List<List<ConfigNode>> files) implements ConfigNode {
    }
}
