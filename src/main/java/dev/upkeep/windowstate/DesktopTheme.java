package dev.upkeep.windowstate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Whether the desktop prefers a dark theme, asked the way each desktop answers it: GNOME's colour scheme (then the
 * GTK theme's name) through {@code gsettings}, macOS's {@code AppleInterfaceStyle}, Windows' {@code
 * AppsUseLightTheme}. Anything that cannot answer (no such tool, a desktop that does not say, a tool that hangs or
 * floods) means light. It runs a program, so it is called before the window opens or off the FX thread.
 */
public final class DesktopTheme {
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final int MAX_OUTPUT = 4_096;
    private static final Logger log = LoggerFactory.getLogger(DesktopTheme.class);

    private DesktopTheme() {
    }

    /** Asks this machine's desktop. */
    public static boolean prefersDark() {
        return prefersDark(System.getProperty("os.name", ""), command -> run(command, TIMEOUT));
    }

    /** @param ask runs a command and returns its standard output, or empty when it failed or did not answer */
    static boolean prefersDark(String osName, Function<List<String>, Optional<String>> ask) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return ask.apply(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme")).map(out -> out.matches("(?s).*AppsUseLightTheme\\s+REG_DWORD\\s+0x0+\\b.*")).orElse(false);
        }
        if (os.startsWith("mac")) {
            return ask.apply(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                    .map(out -> out.trim().equalsIgnoreCase("dark")).orElse(false);
        }
        Optional<String> scheme = ask.apply(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        if (scheme.map(DesktopTheme::unquote).filter(s -> s.equals("prefer-dark")).isPresent()) {
            return true;
        }
        if (scheme.map(DesktopTheme::unquote).filter(s -> s.equals("prefer-light")).isPresent()) {
            return false;
        }
        // "default" (or an older GNOME without color-scheme): dark themes say so in their name, e.g. Adwaita-dark
        return ask.apply(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"))
                .map(t -> unquote(t).toLowerCase(Locale.ROOT).contains("dark")).orElse(false);
    }

    private static String unquote(String s) {
        return s.trim().replaceAll("^'|'$", "");
    }

    /** Standard output of a command that exits 0 within the timeout; its first {@link #MAX_OUTPUT} bytes. */
    static Optional<String> run(List<String> command, Duration timeout) {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice()))).start();
        } catch (IOException e) {
            log.debug("{}: {}", command.get(0), e.toString());
            return Optional.empty();
        }
        try (InputStream out = p.getInputStream()) {
            // A tool that floods fills the pipe and blocks; one that hangs never exits: both end at the timeout.
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.info("{} did not answer within {} ms: using the light theme", String.join(" ", command), timeout.toMillis());
                return Optional.empty();
            }
            if (p.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(new String(out.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            p.destroyForcibly();
        }
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "NUL" : "/dev/null";
    }
}
