package dev.upkeep.ui;

/**
 * The demo fleet as the main window's views see it.
 *
 * @param active this window shows the demo fleet (labelled in the title and the status bar)
 * @param open   starts the demo fleet and shows it in this window; null when not offered
 */
record DemoActions(boolean active, Runnable open) {
    static final DemoActions NONE = new DemoActions(false, null);
    static final String TRY = "Try the demo fleet";
    static final String EXPLAIN = "Simulated servers on 127.0.0.1: nothing here is a real machine, and nothing is kept."
            + " Restart Upkeep to leave the demo.";
}
