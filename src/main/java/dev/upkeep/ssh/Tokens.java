package dev.upkeep.ssh;

import java.util.Map;

/** Expands {@code ~} and OpenSSH {@code %x} tokens in config values (IdentityFile, UserKnownHostsFile, HostName). */
final class Tokens {
    private Tokens() {
    }

    static String tilde(String value, String home) {
        if (value.equals("~")) {
            return home;
        }
        if (value.startsWith("~/")) {
            return home + value.substring(1);
        }
        return value;
    }

    /**
     * Replaces {@code %c} for each key of {@code values} and {@code %%} with a percent sign.
     * Unknown tokens are left as they are, so a path still reads like what the user wrote.
     */
    static String percent(String value, Map<Character, String> values) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 1 < value.length()) {
                char t = value.charAt(i + 1);
                if (t == '%') {
                    out.append('%');
                    i++;
                    continue;
                }
                String v = values.get(t);
                if (v != null) {
                    out.append(v);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
