package dev.upkeep.cli;

/** Range checks of numeric options, worded alike for every command (picocli only checks that it is a number). */
final class OptionChecks {
    private OptionChecks() {
    }

    /** Refuses a value outside [min, max]; null (not given) passes. {@code unit} ends the message ("seconds", or ""). */
    static void within(String option, Integer value, int min, int max, String unit) throws BadInputException {
        if (value != null && (value < min || value > max)) {
            throw new BadInputException(option + " must be between " + min + " and " + max + (unit.isEmpty() ? "" : " " + unit));
        }
    }
}
