package dev.upkeep.demo;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Upkeep asked a simulated server to run: {@code sh -s} with the script on standard input (maybe under sudo,
 * with sudo's password as its first line), {@code sh -c 'script'}, or a plain command line. The script's leading
 * {@code NAME=value} lines are its header (the validated values Upkeep puts before a resource's body).
 * <p>
 * Upkeep sends every command inside a wrapper that reports the command's process group first (ssh.RemoteProcess:
 * {@code exec sh -c '<report $$ on stderr; exec sh -c "$1">' upkeep '<command>'}); {@link #unwrap} takes the command
 * out of it, and the simulated server reports a process group as the wrapper would.
 */
record RemoteScript(String command, String text, boolean sudo, Map<String, String> header) {
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Z][A-Z0-9_]*)=(.*)");
    /** The first stderr line of a wrapped command, then the process group id. */
    static final String GROUP_REPORT = "@@upkeep-pgid ";

    /** The command inside Upkeep's process-group wrapper, or null when {@code command} is not wrapped. */
    static String unwrap(String command) {
        List<String> w;
        try {
            w = ShellWords.split(command);
        } catch (IllegalArgumentException e) {
            return null;
        }
        boolean wrapped = w.size() == 6 && w.get(0).equals("exec") && w.get(1).equals("sh") && w.get(2).equals("-c")
                && w.get(3).contains(GROUP_REPORT.strip()) && w.get(3).endsWith("exec sh -c \"$1\"")
                && w.get(4).equals("upkeep");
        return wrapped ? w.get(5) : null;
    }

    static RemoteScript of(String command, byte[] stdin) {
        List<String> words;
        try {
            words = ShellWords.split(command);
        } catch (IllegalArgumentException e) {
            return new RemoteScript(command, command, false, Map.of());
        }
        boolean sudo = !words.isEmpty() && words.get(0).equals("sudo");
        int sh = shellIndex(words);
        String text;
        if (sh >= 0 && words.get(sh + 1).equals("-s")) {
            text = new String(stdin, StandardCharsets.UTF_8);
            // sudo -S reads its password from the first line of standard input.
            if (sudo && words.contains("-S")) {
                text = text.substring(text.indexOf('\n') + 1);
            }
        } else if (sh >= 0 && sh + 2 < words.size()) {
            text = words.get(sh + 2);
        } else {
            text = command;
        }
        return new RemoteScript(command, text, sudo, header(text));
    }

    /** Where {@code sh -s} or {@code sh -c} starts among the words, or -1. */
    private static int shellIndex(List<String> words) {
        for (int i = 0; i + 1 < words.size(); i++) {
            String w = words.get(i);
            String next = words.get(i + 1);
            if ((w.equals("sh") || w.equals("/bin/sh")) && (next.equals("-s") || next.equals("-c"))) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, String> header(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            Matcher m = ASSIGNMENT.matcher(line);
            if (!m.matches()) {
                break;
            }
            try {
                List<String> value = ShellWords.split(m.group(2));
                values.put(m.group(1), value.isEmpty() ? "" : value.get(0));
            } catch (IllegalArgumentException e) {
                break;
            }
        }
        return Map.copyOf(values);
    }

    boolean contains(String resourceBody) {
        return resourceBody != null && text.contains(resourceBody);
    }

    String variable(String name, String fallback) {
        return header.getOrDefault(name, fallback);
    }

    /** The first word the shell would run, for a "not found" message. */
    String firstWord() {
        try {
            List<String> words = ShellWords.split(text.strip().lines().findFirst().orElse(""));
            return words.isEmpty() ? "" : words.get(0);
        } catch (IllegalArgumentException e) {
            return text.strip().split("\\s+", 2)[0];
        }
    }
}
