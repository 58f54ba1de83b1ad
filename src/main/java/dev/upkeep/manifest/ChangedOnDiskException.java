package dev.upkeep.manifest;

/**
 * A save found the file changed since it was opened. Carries the three versions (opened, on disk now, the
 * editor's) so the caller can show the situation instead of overwriting someone's change.
 */
public class ChangedOnDiskException extends Exception {
    private final transient OpenedManifest opened;
    private final String onDisk;
    private final String mine;

    public ChangedOnDiskException(OpenedManifest opened, String onDisk, String mine) {
        super(opened.path() + " changed on disk since it was opened");
        this.opened = opened;
        this.onDisk = onDisk;
        this.mine = mine;
    }

    public OpenedManifest opened() {
        return opened;
    }

    /** The text on disk now (null if the file was deleted). */
    public String onDisk() {
        return onDisk;
    }

    public String mine() {
        return mine;
    }
}
