package dev.upkeep.run;

/**
 * Asks a person for a secret (a key passphrase, a sudo password). Returns null when they decline. Called from worker
 * threads; the answer lives in memory only and the caller wipes it when done. The window installs its dialog into
 * the {@link Late} holder once it is up; until then, nothing is asked.
 */
@FunctionalInterface
public interface SecretPrompt {
    char[] ask(String title, String question);

    /** A prompt that the front end fills in after the core was built (the core is built first). */
    final class Late implements SecretPrompt {
        private volatile SecretPrompt delegate;

        public void install(SecretPrompt prompt) {
            this.delegate = prompt;
        }

        @Override
        public char[] ask(String title, String question) {
            SecretPrompt d = delegate;
            return d == null ? null : d.ask(title, question);
        }
    }
}
