package dev.upkeep.export;

import dev.upkeep.files.AtomicFile;
import dev.upkeep.files.PrivateFiles;
import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.remote.ExportedScripts;
import dev.upkeep.run.ServerRef;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes Upkeep's policy for the chosen servers as an Ansible project: ansible.cfg, inventory.yml, upkeep.yml and
 * the job script it runs. Everything is checked before the first file is written (an application whose manifest
 * gives no Docker/Weave version asked for refuses the export, as it refuses Upkeep's run); every file is private.
 */
public final class AnsibleExport {
    public static final String PLAYBOOK = "upkeep.yml";
    public static final String INVENTORY = "inventory.yml";

    private AnsibleExport() {
    }

    /** The files written, relative to {@code dir}. */
    public static List<String> write(Workspace ws, List<ServerRef> servers, ExportOptions o, Path dir) throws ExportException, IOException {
        if (servers.isEmpty()) {
            throw new ExportException("no servers to export");
        }
        Map<ExportedApp, List<ExportedHost>> apps = arrange(ws, servers, o);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("ansible.cfg", config(ws));
        files.put(INVENTORY, InventoryText.of(ws, apps));
        files.put(PLAYBOOK, PlaybookText.of(o, apps));
        if (o.security()) {
            files.put(PlaybookText.SECURITY_SCRIPT, ExportedScripts.securityUpgrade(o.lockWait()));
        }
        PrivateFiles.createDirectories(dir.resolve("files"));
        for (Map.Entry<String, String> f : files.entrySet()) {
            AtomicFile.write(dir.resolve(f.getKey()), f.getValue(), AtomicFile.Mode.PRIVATE);
        }
        return List.copyOf(files.keySet());
    }

    /** ansible.cfg: read when ansible-playbook runs in this folder (which is private, as Ansible requires). */
    private static String config(Workspace ws) {
        return "# Written by `upkeep export ansible`. Run ansible-playbook upkeep.yml in this folder.\n[defaults]\n"
                + "inventory = " + INVENTORY + "\nforks = " + ws.settings().concurrency() + "\nhost_key_checking = True\n"
                + "interpreter_python = auto_silent\ntimeout = " + ws.settings().connectTimeoutSeconds() + "\n";
    }

    private static Map<ExportedApp, List<ExportedHost>> arrange(Workspace ws, List<ServerRef> refs, ExportOptions o) throws ExportException {
        Map<String, Integer> nameCount = new HashMap<>();
        for (Application a : ws.applications()) {
            for (Server s : a.servers()) {
                nameCount.merge(s.name(), 1, Integer::sum);
            }
        }
        Map<ExportedApp, List<ExportedHost>> out = new LinkedHashMap<>();
        Set<String> groups = new HashSet<>();
        for (Application a : ws.applications()) {
            List<ExportedHost> hosts = new ArrayList<>();
            for (Server s : a.servers()) {
                if (!refs.contains(new ServerRef(a.name(), s.name()))) {
                    continue;
                }
                hosts.add(new ExportedHost(s, nameCount.get(s.name()) > 1 ? a.name() + "_" + s.name() : s.name()));
            }
            if (hosts.isEmpty()) {
                continue;
            }
            String group = "upkeep_" + a.name().replaceAll("[^A-Za-z0-9_]", "_");
            if (!groups.add(group)) {
                throw new ExportException("applications '" + a.name() + "' and another one both become Ansible group "
                    + group + "; rename one of them");
            }
            out.put(new ExportedApp(a, group, AppTargets.of(ws, a, o)), hosts);
        }
        return out;
    }
}
