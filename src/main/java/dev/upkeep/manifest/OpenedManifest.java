package dev.upkeep.manifest;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * A manifest file as it was when opened (or last saved): the text and what identifies that version on disk,
 * so a later save can tell whether someone else changed the file in between.
 */
public record OpenedManifest(Path path, String text, String sha256, FileTime lastModified) {
}
