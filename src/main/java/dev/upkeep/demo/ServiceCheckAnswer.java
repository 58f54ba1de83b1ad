package dev.upkeep.demo;

import java.io.IOException;
import java.util.List;

/** A health check such as {@code systemctl is-active nginx}: every demo service is up once its server is. */
final class ServiceCheckAnswer implements Answer {
    @Override
    public boolean recognises(RemoteScript script) {
        List<String> words = words(script);
        return words.size() >= 3 && words.get(0).equals("systemctl") && words.get(1).equals("is-active");
    }

    @Override
    public int answer(RemoteScript script, SimSession s) throws IOException {
        if (!words(script).contains("--quiet")) {
            s.terminal().out("active");
        }
        return 0;
    }

    private static List<String> words(RemoteScript script) {
        try {
            return ShellWords.split(script.text().strip());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }
}
