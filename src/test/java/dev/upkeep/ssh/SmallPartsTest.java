package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Unit tests of the small pieces: line splitting, jump host syntax, error translation, cancel tokens. */
class SmallPartsTest {

    private static List<String> lines(byte[] bytes) throws IOException {
        List<String> out = new ArrayList<>();
        new LineDrain(new ByteArrayInputStream(bytes), OutputListener.Stream.STDOUT, (s, l) -> out.add(l)).call();
        return out;
    }

    @Test
    void lineDrainSplitsStripsCarriageReturnsAndKeepsEmptyLines() throws IOException {
        assertThat(lines("a\r\n\nb\nlast".getBytes(StandardCharsets.UTF_8))).containsExactly("a", "", "b", "last");
        assertThat(lines(new byte[0])).isEmpty();
    }

    @Test
    void lineDrainCutsOverlongLines() throws IOException {
        byte[] big = new byte[LineDrain.MAX_LINE_BYTES + 10];
        java.util.Arrays.fill(big, (byte) 'x');
        List<String> out = lines(big);
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).hasSize(LineDrain.MAX_LINE_BYTES);
        assertThat(out.get(1)).hasSize(10);
    }

    @Test
    void lineDrainPastItsHeadCountsWhatItHoldsBackAndEndsWithASummaryAndTheLastLines() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            text.append("line ").append(i).append('\n');
        }
        List<String> out = new ArrayList<>();
        CommandLimits limits = new CommandLimits(null, null, 1000, 3, 30, Long.MAX_VALUE);
        OutputGate gate = new OutputGate(limits, (s, l) -> out.add(l), ceiling -> { });
        new LineDrain(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)),
                OutputListener.Stream.STDOUT, gate).call();
        // 30 bytes of tail: "…8\n" cut off, then "line 99\n" (8 bytes) and "line 100\n" (9 bytes) ... whole lines only
        assertThat(out).startsWith("line 1", "line 2", "line 3");
        assertThat(out.get(3)).startsWith("upkeep: … ").contains("more lines (").endsWith("lines follow");
        assertThat(out.subList(4, out.size())).endsWith("line 99", "line 100").allMatch(l -> l.matches("line (9[0-9]|100)"));
        int shown = out.size() - 4;
        assertThat(out.get(3)).contains("… " + (97 - shown) + " more lines");
        assertThat(gate.delivered()).isEqualTo("line 1\nline 2\nline 3\n".length());
    }

    @Test
    void tailBufferKeepsTheLastBytesAndDropsACutFirstLine() {
        TailBuffer t = new TailBuffer(8);
        t.write("abc\nde".getBytes(StandardCharsets.UTF_8), 0, 6);
        assertThat(t.lines()).extracting(String::new).containsExactly("abc", "de");
        t.write("f\nghij\n".getBytes(StandardCharsets.UTF_8), 0, 7);
        // held: "ef\nghij\n" -> the last 8 bytes are "f\nghij\n"; "f" lost its start
        assertThat(t.lines()).extracting(String::new).containsExactly("ghij");
        t.write("0123456789\nxy".getBytes(StandardCharsets.UTF_8), 0, 13);
        assertThat(t.lines()).extracting(String::new).containsExactly("xy");
    }

    @Test
    void jumpHostSyntax() {
        assertThat(JumpHost.parse("ops@bastion:2222")).isEqualTo(new JumpHost("ops", "bastion", 2222));
        assertThat(JumpHost.parse("bastion")).isEqualTo(new JumpHost(null, "bastion", null));
        assertThat(JumpHost.parse("ssh://a@b:23")).isEqualTo(new JumpHost("a", "b", 23));
        assertThat(JumpHost.parse("[::1]:22")).isEqualTo(new JumpHost(null, "::1", 22));
        assertThat(JumpHost.parse("[::1]:22").toString()).isEqualTo("[::1]:22");
        assertThatThrownBy(() -> JumpHost.parse("host:99999")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JumpHost.parse("@host")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void connectFailuresBecomeUserMessages() {
        Duration t = Duration.ofSeconds(7);
        assertThat(ConnectFailures.translate("web1", "nosuch", 22, t, new UnknownHostException("nosuch"), null, null))
                .isInstanceOf(UnreachableException.class).hasMessage("web1: cannot resolve host name 'nosuch'");
        assertThat(ConnectFailures.translate("web1", "10.0.0.5", 22, t, new IOException(new ConnectException("Connection refused")), null, null))
                .isInstanceOf(UnreachableException.class).hasMessageContaining("connection refused by 10.0.0.5:22");
        assertThat(ConnectFailures.translate("web1", "10.0.0.5", 22, t, new SocketTimeoutException("x"), null, "jump"))
                .isInstanceOf(UnreachableException.class).hasMessageContaining("within 7 s").hasMessageContaining("via jump");
        assertThat(ConnectFailures.translate("web1", "h", 22, t, new IOException("odd"), null, null))
                .isExactlyInstanceOf(SshException.class).hasMessageContaining("odd");
    }

    @Test
    void cancellationRunsCallbacksOnceAndLateRegistrationsAtOnce() {
        Cancellation c = new Cancellation();
        AtomicInteger runs = new AtomicInteger();
        c.onCancel(runs::incrementAndGet);
        Cancellation.Registration removed = c.onCancel(() -> runs.addAndGet(100));
        removed.close();
        c.cancel();
        c.cancel();
        assertThat(runs).hasValue(1);
        c.onCancel(runs::incrementAndGet);
        assertThat(runs).hasValue(2);
        assertThat(c.isCancelled()).isTrue();
    }

    @Test
    void configTokenizerHandlesQuotesEqualsAndComments() {
        assertThat(ConfigTokenizer.split("IdentityFile=\"/a b/c\" # note")).containsExactly("IdentityFile", "/a b/c");
        assertThat(ConfigTokenizer.split("  Port = 22")).containsExactly("Port", "22");
        assertThat(ConfigTokenizer.split("# only a comment")).isEmpty();
        assertThatThrownBy(() -> ConfigTokenizer.split("Host \"open")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workspacePathsExpandTheHomeDirectory() {
        String home = System.getProperty("user.home");
        assertThat(SshOptions.expandHome("~/.ssh/known_hosts")).isEqualTo(java.nio.file.Path.of(home, ".ssh/known_hosts"));
        assertThat(SshOptions.expandHome("/etc/ssh/x")).isEqualTo(java.nio.file.Path.of("/etc/ssh/x"));
    }
}
