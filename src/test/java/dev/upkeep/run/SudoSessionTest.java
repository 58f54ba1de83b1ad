package dev.upkeep.run;

import dev.upkeep.remote.SudoPassword;
import dev.upkeep.ssh.ConnectRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The one sudo password of a deploy: asked once, asked again at most once, each answer tried once per server. */
class SudoSessionTest {
    private final List<String> questions = new CopyOnWriteArrayList<>();
    private final Deque<char[]> typed = new ArrayDeque<>();
    private final SudoSession session = new SudoSession((title, question) -> {
        questions.add(question);
        synchronized (typed) {
            return typed.poll();
        }
    });

    private void willType(String... answers) {
        for (String a : answers) {
            typed.add(a == null ? null : a.toCharArray());
        }
    }

    private SudoPassword server(String name) {
        return session.forServer(new ServerRef("shop", name), "admin@" + name);
    }

    private static String text(SudoPassword.Attempt a) {
        return a == null ? null : new String(a.password());
    }

    @Test
    void asksOnceUpFrontNamingTheAccountsAndAShortListForMany() {
        willType("pw");
        session.askFor(List.of("admin@web1", "ops@web2"));
        session.askFor(List.of("admin@web3"));
        assertThat(questions).containsExactly("sudo password for admin@web1, ops@web2");
        assertThat(text(server("web3").next())).isEqualTo("pw");

        SudoSession many = new SudoSession((t, q) -> {
            questions.add(q);
            return null;
        });
        List<String> accounts = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            accounts.add("admin@s" + i);
        }
        many.askFor(accounts);
        assertThat(questions.get(1)).isEqualTo("sudo password for admin@s1, admin@s2, admin@s3, admin@s4, admin@s5 and 3 more");
    }

    @Test
    void nothingIsAskedWhenNoServerNeedsIt() {
        session.askFor(List.of());
        assertThat(questions).isEmpty();
    }

    @Test
    void aServerWhoseSudoAsksUnexpectedlyIsAskedForThenAndOnlyOnce() {
        willType("pw");
        assertThat(text(server("web1").next())).isEqualTo("pw");
        assertThat(text(server("web2").next())).isEqualTo("pw");
        assertThat(questions).containsExactly("sudo password for admin@web1");
    }

    @Test
    void afterARejectionTheRunAsksAgainOnceSayingWhichServerAndNeverAThirdTime() {
        willType("wrong", "right", "never-asked");
        session.askFor(List.of("admin@web1", "admin@web2"));
        SudoPassword web1 = server("web1");
        SudoPassword.Attempt first = web1.next();
        web1.rejected(first);
        assertThat(web1.exhausted()).isFalse();
        SudoPassword.Attempt second = web1.next();
        assertThat(text(second)).isEqualTo("right");
        assertThat(questions).containsExactly("sudo password for admin@web1, admin@web2",
                "sudo: wrong password for admin@web1. Type it again (asked once more only)");
        web1.rejected(second);
        assertThat(web1.next()).isNull();
        assertThat(web1.exhausted()).isTrue();
        assertThat(questions).hasSize(2);

        // Another server tries the newest answer first, then the older one, each once.
        SudoPassword web2 = server("web2");
        SudoPassword.Attempt a = web2.next();
        assertThat(text(a)).isEqualTo("right");
        web2.rejected(a);
        SudoPassword.Attempt b = web2.next();
        assertThat(text(b)).isEqualTo("wrong");
        web2.accepted(b);
        assertThat(text(web2.next())).as("it keeps the answer it accepted").isEqualTo("wrong");
        assertThat(questions).hasSize(2);
    }

    @Test
    void aDeclinedQuestionLeavesNoAnswerAndIsNotAskedAgainWithoutARejection() {
        willType("");
        session.askFor(List.of("admin@web1"));
        assertThat(server("web1").next()).isNull();
        assertThat(server("web2").next()).isNull();
        assertThat(questions).hasSize(1);
    }

    @Test
    void serversRejectingAtOnceShareOneQuestionAsked() throws Exception {
        CountDownLatch asking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SudoSession slow = new SudoSession((t, q) -> {
            questions.add(q);
            if (questions.size() == 2) {
                asking.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "second".toCharArray();
            }
            return "first".toCharArray();
        });
        slow.askFor(List.of("admin@a", "admin@b"));
        SudoPassword a = slow.forServer(new ServerRef("shop", "a"), "admin@a");
        SudoPassword b = slow.forServer(new ServerRef("shop", "b"), "admin@b");
        a.rejected(a.next());
        b.rejected(b.next());
        CompletableFuture<String> fromA = CompletableFuture.supplyAsync(() -> text(a.next()));
        asking.await(10, TimeUnit.SECONDS);
        CompletableFuture<String> fromB = CompletableFuture.supplyAsync(() -> text(b.next()));
        release.countDown();
        assertThat(fromA.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(fromB.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(questions).hasSize(2);
    }

    @Test
    void closeWipesTheAnswersAndNothingIsHandedOutAfterIt() {
        char[] typedIn = "s3cret".toCharArray();
        typed.add(typedIn);
        session.askFor(List.of("admin@web1"));
        SudoPassword.Attempt copy = server("web1").next();
        assertThat(copy.password()).isNotSameAs(typedIn);
        copy.wipe();
        assertThat(new String(copy.password())).isEqualTo("\0".repeat(6));
        assertThat(new String(typedIn)).as("the session's own copy is untouched by the caller's wipe").isEqualTo("s3cret");
        session.close();
        assertThat(new String(typedIn)).isEqualTo("\0".repeat(6));
        assertThat(server("web1").next()).isNull();
        assertThat(copy.toString()).doesNotContain("s3cret");
    }

    @Test
    void accountsPreferTheUserTheServerNamed() {
        ServerPlan plan = new ServerPlan(new ServerRef("shop", "web1"), new ConnectRequest("web1", null, null, null), true, List.of());
        assertThat(session.account(plan)).isEqualTo("?@web1");
        session.remember(plan.ref(), new dev.upkeep.remote.SudoCheck("admin", dev.upkeep.remote.SudoCheck.Need.PASSWORD, null));
        assertThat(session.account(plan)).isEqualTo("admin@web1");
    }
}
