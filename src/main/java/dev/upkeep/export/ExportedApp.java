package dev.upkeep.export;

import dev.upkeep.fleet.Application;

/** An application, the Ansible group its servers form, and its Docker/Weave targets (group vars). */
record ExportedApp(Application app, String group, AppTargets targets) {
}
