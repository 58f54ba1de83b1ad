package dev.upkeep.run;

/**
 * Asked once per run, before it starts, when a server of the run has {@code sudo: true}. The runner keeps the
 * answer in memory only and wipes it when the run ends. Null means passwordless sudo ({@code sudo -n}).
 */
@FunctionalInterface
public interface SudoPasswords {
    char[] password(RunPlan plan);

    SudoPasswords PASSWORDLESS = plan -> null;
}
