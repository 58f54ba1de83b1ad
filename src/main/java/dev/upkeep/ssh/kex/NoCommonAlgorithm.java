package dev.upkeep.ssh.kex;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains sshj's "Unable to reach a settlement of X: [ours] and [theirs]" (thrown while comparing KEXINITs, so
 * there is nothing more structured to catch) as what the server offers, what Upkeep allowed, and the one line of
 * ~/.ssh/config that would reach this server anyway.
 */
public final class NoCommonAlgorithm {
    private static final Pattern SETTLEMENT =
            Pattern.compile("Unable to reach a settlement of (\\w+): \\[(.*)] and \\[(.*)]");

    private NoCommonAlgorithm() {
    }

    /** Empty when {@code message} is not sshj's negotiation failure. */
    public static Optional<String> explain(String message, String host, Algorithms algorithms) {
        Matcher m = message == null ? null : SETTLEMENT.matcher(message);
        if (m == null || !m.find()) {
            return Optional.empty();
        }
        AlgorithmKind kind = kind(m.group(1));
        if (kind == null) {
            return Optional.empty();
        }
        List<String> ours = names(m.group(2));
        List<String> theirs = names(m.group(3));
        StringBuilder text = new StringBuilder("no ").append(kind.noun()).append(" in common: the server offers ")
                .append(String.join(", ", theirs)).append("; Upkeep allows ").append(String.join(", ", ours)).append('.');
        Optional<String> usable = theirs.stream().filter(algorithms.defaults(kind)::contains).findFirst();
        Optional<String> legacy = theirs.stream().filter(algorithms.supported(kind)::contains).findFirst();
        if (usable.isPresent()) {
            text.append(" Upkeep's defaults include ").append(usable.get()).append(": check the ")
                    .append(kind.keyword()).append(" line that applies to ").append(host).append(" in ~/.ssh/config.");
        } else if (legacy.isPresent()) {
            text.append(" If this server cannot be upgraded, allow ").append(legacy.get())
                    .append(" for it alone in ~/.ssh/config: 'Host ").append(host).append("' then '  ")
                    .append(kind.keyword()).append(" +").append(legacy.get()).append("'.");
        } else {
            text.append(" Upkeep supports none of the server's.");
        }
        return Optional.of(text.toString());
    }

    private static AlgorithmKind kind(String sshjName) {
        return switch (sshjName) {
            case "KeyExchangeAlgorithms" -> AlgorithmKind.KEX;
            case "HostKeyAlgorithms" -> AlgorithmKind.HOST_KEY;
            case "Client2ServerCipherAlgorithms", "Server2ClientCipherAlgorithms" -> AlgorithmKind.CIPHER;
            case "Client2ServerMACAlgorithms", "Server2ClientMACAlgorithms" -> AlgorithmKind.MAC;
            default -> null;
        };
    }

    /** The lists without the protocol markers both sides add (strict kex, ext-info). */
    private static List<String> names(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(n -> !n.isEmpty())
                .filter(n -> !n.startsWith("kex-strict-") && !n.startsWith("ext-info-")).toList();
    }
}
