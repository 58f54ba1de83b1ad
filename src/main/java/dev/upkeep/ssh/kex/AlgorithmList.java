package dev.upkeep.ssh.kex;

import dev.upkeep.base.Patterns;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns an algorithm option's value into the list to offer, the way OpenSSH's {@code kex_assemble_names} does:
 * no value means the defaults; {@code +list} appends to the defaults, {@code ^list} puts the list before them,
 * {@code -list} removes matching names from them, any other list replaces them. Names and patterns select, in
 * order, what is supported. Where OpenSSH stops with "Bad SSH2 ... spec" on a name it does not know, Upkeep
 * reports the name (once, by the caller) and goes on without it: the same ~/.ssh/config serves OpenSSH, which
 * knows algorithms sshj lacks (umac, FIDO keys).
 */
final class AlgorithmList {
    private AlgorithmList() {
    }

    /**
     * @param ignored told of each name or pattern that selects nothing supported (a text for a warning)
     * @return the list, possibly empty (the caller decides what an empty list means)
     */
    static List<String> assemble(String value, List<String> defaults, List<String> supported, Consumer<String> ignored) {
        if (value == null || value.isBlank()) {
            return List.copyOf(defaults);
        }
        String v = value.strip();
        char op = v.charAt(0);
        List<String> names = split(op == '+' || op == '-' || op == '^' ? v.substring(1) : v);
        if (op == '-') {
            return defaults.stream().filter(name -> !Patterns.matchesList(name, names, false)).toList();
        }
        List<String> wanted = new ArrayList<>();
        if (op == '+') {
            wanted.addAll(defaults);
            wanted.addAll(names);
        } else if (op == '^') {
            wanted.addAll(names);
            wanted.addAll(defaults);
        } else {
            wanted.addAll(names);
        }
        Set<String> result = new LinkedHashSet<>();
        for (String pattern : wanted) {
            if (pattern.startsWith("!")) {
                ignored.accept("'" + pattern + "' (a negated name only works after '-')");
                continue;
            }
            List<String> matching = supported.stream().filter(name -> Patterns.glob(name, pattern)).toList();
            if (matching.isEmpty()) {
                ignored.accept("'" + pattern + "' (" + (pattern.contains("*") || pattern.contains("?")
                        ? "matches nothing Upkeep supports" : "not supported by Upkeep") + ")");
            }
            result.addAll(matching);
        }
        return List.copyOf(result);
    }

    private static List<String> split(String list) {
        List<String> names = new ArrayList<>();
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }
}
