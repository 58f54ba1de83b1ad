package dev.upkeep.remote;

import java.util.List;

/**
 * How a procedure ended on one server. {@code upgraded} lists "package version" entries that changed;
 * {@code rebootRequired}/{@code rebootPackages} are as read on the server after the procedure.
 */
public record ProcedureResult(boolean success, String message, List<String> upgraded, boolean rebootRequired,
                              List<String> rebootPackages) {
    public ProcedureResult {
        upgraded = upgraded == null ? List.of() : List.copyOf(upgraded);
        rebootPackages = rebootPackages == null ? List.of() : List.copyOf(rebootPackages);
    }

    public static ProcedureResult failed(String message) {
        return new ProcedureResult(false, message, List.of(), false, List.of());
    }
}
