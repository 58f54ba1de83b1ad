package dev.upkeep.export;

import dev.upkeep.fleet.Application;

/** An application and the Ansible group its servers form. */
record ExportedApp(Application app, String group) {
}
