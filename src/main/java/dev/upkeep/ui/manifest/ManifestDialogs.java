package dev.upkeep.ui.manifest;

import dev.upkeep.manifest.Problem;

import java.util.List;

/** Every question the manifest editor asks the user; the view model's tests hand in a mock. */
public interface ManifestDialogs {

    /** What to do when the file changed on disk since it was opened. */
    enum ChangedOnDisk { OVERWRITE, RELOAD_FROM_DISK, CANCEL }

    /**
     * Shows the diff that a save would write and, if any, the warnings; true to save (for warnings this is the
     * explicit "save anyway").
     */
    boolean confirmSave(String unifiedDiff, List<Problem> warnings);

    /** Save is blocked by errors: show them. */
    void showSaveBlocked(List<Problem> errors);

    /** The three versions (opened, on disk now, the editor's) and the choice. */
    ChangedOnDisk changedOnDisk(String opened, String onDisk, String mine);

    /** Unsaved changes would be lost: true to discard them. */
    boolean confirmDiscard(String fileName);

    void showError(String title, String message);
}
