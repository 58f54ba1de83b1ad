package dev.upkeep.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Scalars for the YAML files we write by hand: a JSON string is a YAML double-quoted scalar, escapes and all. */
final class Yaml {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Yaml() {
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value Ansible must use as it is: {@code !unsafe} stops Jinja from reading {{ }} in a user's command. */
    static String literal(String s) {
        return "!unsafe " + quote(s);
    }
}
