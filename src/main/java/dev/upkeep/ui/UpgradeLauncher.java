package dev.upkeep.ui;

import dev.upkeep.run.ServerRef;
import dev.upkeep.ui.shared.DialogService;

import java.util.List;

/**
 * Where "Upgrade Docker to manifest version…" goes. The window only knows this interface; the deploy feature
 * supplies the dialog that runs the upgrade. Until then {@link #comingLater} says what to expect.
 */
public interface UpgradeLauncher {

    /** One server and the Docker version its manifest asks for. */
    record DockerUpgrade(ServerRef server, String running, String wanted) {
    }

    /** Called on the FX thread with the selected servers whose Docker differs from their manifest's (never empty). */
    void requestDockerUpgrade(List<DockerUpgrade> servers);

    /** The stand-in until the deploy dialog exists: an information dialog, nothing runs. */
    static UpgradeLauncher comingLater(DialogService dialogs) {
        return servers -> dialogs.showInfo("Upgrade Docker",
                "Docker upgrades arrive with Deploy with options.\n\n" + servers.size() + " server(s) would be upgraded:\n"
                        + String.join("\n", servers.stream()
                        .map(u -> u.server().server() + ": " + u.running() + " → " + u.wanted()).toList()));
    }
}
