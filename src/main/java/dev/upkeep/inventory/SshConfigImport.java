package dev.upkeep.inventory;

import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.ServerFields;
import dev.upkeep.ssh.ConfiguredHost;
import dev.upkeep.ssh.OpenSshConfig;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every concrete {@code Host} alias of an ssh_config file (and the files it includes) becomes a server whose name
 * and host are the alias, with no port, user or key of its own: the connection details stay in ssh_config, which
 * Upkeep reads like {@code ssh ALIAS} does. Wildcard patterns ({@code Host *.prod}) are not servers and are listed
 * as skipped.
 */
public final class SshConfigImport {
    private SshConfigImport() {
    }

    /**
     * @param application the application the servers go into
     * @param match       a pattern ({@code *} and {@code ?}) the alias must match, or null for all
     */
    public static ImportSource of(Path file, String application, String match) throws InventoryException {
        if (!ServerFields.isName(application)) {
            throw new InventoryException(file, 0, "'" + application + "' cannot be an application name (letters, digits, '.', '_' and '-')");
        }
        if (!Files.isRegularFile(file)) {
            throw new InventoryException(file, 0, Files.exists(file) ? "not a regular file" : "no such file");
        }
        InventoryFiles.read(file); // the same size, encoding and kind checks as an inventory
        OpenSshConfig config;
        try {
            config = OpenSshConfig.load(file);
        } catch (UncheckedIOException e) {
            throw new InventoryException(file, 0, e.getMessage());
        }
        Pattern filter = match == null ? null : glob(match);
        List<ImportCandidate> candidates = new ArrayList<>();
        List<ImportSkip> skipped = new ArrayList<>();
        for (ConfiguredHost h : config.hostEntries()) {
            if (filter != null && !filter.matcher(h.alias()).matches()) {
                continue;
            }
            if (!h.concrete()) {
                skipped.add(new ImportSkip(application, h.alias(), h.where(), "a wildcard pattern, not one server"));
            } else if (!ServerFields.isName(h.alias()) || !ServerFields.isHost(h.alias())) {
                skipped.add(new ImportSkip(application, h.alias(), h.where(),
                        "'" + h.alias() + "' cannot be a server name (letters, digits, '.', '_' and '-', at most 63)"));
            } else {
                candidates.add(new ImportCandidate(application, Server.of(h.alias(), h.alias()), h.where()));
            }
        }
        return new ImportSource("ssh config " + file, candidates, skipped, List.of(), config.warnings());
    }

    /** An ssh-style pattern: {@code *} any run, {@code ?} one character, everything else literal. */
    static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
