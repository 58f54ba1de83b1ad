package dev.upkeep.fleet;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The console's own file: settings plus applications and their servers. {@code file} is where it lives (may be null for an unsaved one). */
public record Workspace(Path file, Settings settings, List<Application> applications) {
    public Workspace {
        settings = settings == null ? Settings.DEFAULTS : settings;
        applications = applications == null ? List.of() : List.copyOf(applications);
    }

    public static Workspace empty(Path file) {
        return new Workspace(file, Settings.DEFAULTS, List.of());
    }

    public Optional<Application> application(String name) {
        return applications.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** Resolves a path written in the workspace (relative to the workspace file's folder). */
    public Path resolve(String relative) {
        Path p = Path.of(Paths.expandHome(relative));
        if (p.isAbsolute() || file == null) {
            return p;
        }
        Path dir = file.toAbsolutePath().getParent();
        return dir == null ? p : dir.resolve(p);
    }

    public Workspace withApplications(List<Application> apps) {
        return new Workspace(file, settings, apps);
    }

    public Workspace withFile(Path newFile) {
        return new Workspace(newFile, settings, applications);
    }
}
