package dev.upkeep.run;

/**
 * One server's answer to a read-only question (a package query, its patch history): the value, or why there is none
 * (unreachable, a host key to trust, no answer in time, output that made no sense).
 */
public record ServerAnswer<T>(ServerRef server, T value, String error) {
    public static <T> ServerAnswer<T> of(ServerRef server, T value) {
        return new ServerAnswer<>(server, value, null);
    }

    public static <T> ServerAnswer<T> failed(ServerRef server, String error) {
        return new ServerAnswer<>(server, null, error);
    }

    public boolean answered() {
        return value != null;
    }
}
