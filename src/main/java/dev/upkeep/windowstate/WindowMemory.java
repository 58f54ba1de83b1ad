package dev.upkeep.windowstate;

import dev.upkeep.base.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The window's memory between starts: read once before the window opens, written once when it closes, on a
 * thread of its own (the FX thread only hands over the snapshot). A window showing the demo fleet passes no
 * workspace, and the one remembered before is kept: the demo's temporary folder is gone after the demo.
 */
public final class WindowMemory {
    private static final Logger log = LoggerFactory.getLogger(WindowMemory.class);
    private final Path file;
    private final WindowState remembered;
    private final boolean desktopDark;
    private final ExecutorService saver = Executors.newSingleThreadExecutor(Threads.named("upkeep-window-state"));
    private volatile CompletableFuture<Void> saving = CompletableFuture.completedFuture(null);

    private WindowMemory(Path file, WindowState remembered, boolean desktopDark) {
        this.file = file;
        this.remembered = remembered;
        this.desktopDark = desktopDark;
    }

    /** The user's memory in Upkeep's private state folder; asks the desktop for its theme. Call off the FX thread. */
    public static WindowMemory inStateDir(Path stateDir) {
        return load(stateDir.resolve(WindowStateFile.NAME), DesktopTheme.prefersDark());
    }

    /** @param desktopDark what the desktop prefers, used while the theme follows it */
    public static WindowMemory load(Path file, boolean desktopDark) {
        return new WindowMemory(file, WindowStateFile.read(file), desktopDark);
    }

    public Path file() {
        return file;
    }

    public WindowState remembered() {
        return remembered;
    }

    public boolean desktopDark() {
        return desktopDark;
    }

    /** The workspace open when the window last closed, if it is still a file. */
    public Optional<Path> lastWorkspace() {
        if (remembered.lastWorkspace() == null) {
            return Optional.empty();
        }
        Path p = Path.of(remembered.lastWorkspace());
        if (Files.isRegularFile(p)) {
            return Optional.of(p);
        }
        log.info("The last workspace {} is gone: opening the default one", p);
        return Optional.empty();
    }

    /** Saves in the background; a state without a workspace keeps the one remembered before. */
    public synchronized CompletableFuture<Void> saveLater(WindowState state) {
        WindowState toSave = state.lastWorkspace() == null ? state.withLastWorkspace(remembered.lastWorkspace()) : state;
        saving = saving.thenRunAsync(() -> {
            try {
                WindowStateFile.write(file, toSave);
            } catch (IOException e) {
                log.warn("Could not remember the window state in {}: {}", file, e.toString());
            }
        }, saver);
        return saving;
    }

    /** Before the program exits: the last save has reached the disk (or given up). */
    public void awaitSaved(long seconds) {
        try {
            saving.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("Remembering the window state took longer than {} s: not waiting", seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("Remembering the window state failed: {}", e.getCause().toString());
        }
    }
}
