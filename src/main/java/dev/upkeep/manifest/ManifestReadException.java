package dev.upkeep.manifest;

/** The file could not be read as a manifest at all (missing, not UTF-8, too large); carries a located problem. */
public class ManifestReadException extends Exception {
    private final transient Problem problem;

    public ManifestReadException(Problem problem, Throwable cause) {
        super(problem.message(), cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
