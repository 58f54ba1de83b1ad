package dev.upkeep.cli;

/** Input the command line refuses before doing anything (exit 2). */
public class BadInputException extends Exception {
    public BadInputException(String message) {
        super(message);
    }
}
