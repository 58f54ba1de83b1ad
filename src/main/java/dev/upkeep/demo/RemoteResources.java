package dev.upkeep.demo;

import dev.upkeep.base.Resources;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bodies of Upkeep's own remote scripts (src/main/resources/dev/upkeep/remote), read at run time so that a
 * simulated server recognises a script by the same text the real procedures send, even after the script changed.
 */
final class RemoteResources {
    private static final Map<String, Text> BODIES = new ConcurrentHashMap<>();

    private RemoteResources() {
    }

    /** The resource's text, or null when there is no such resource (a renamed script is then not recognised). */
    static String body(String name) {
        return BODIES.computeIfAbsent(name, RemoteResources::load).orElseNull();
    }

    private static Text load(String name) {
        return new Text(Resources.find("/dev/upkeep/remote/" + name).orElse(null));
    }

    /** ConcurrentHashMap holds no nulls: a missing resource is remembered as an empty Text. */
    private record Text(String value) {
        String orElseNull() {
            return value;
        }
    }
}
