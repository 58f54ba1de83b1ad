/**
 * How Upkeep puts bytes on the user's disk, in one place, below every other package (it uses none of them).
 *
 * <ul>
 * <li>{@link dev.upkeep.files.AtomicFile} saves a whole file: a private temp file beside it, written fully and
 *     fsync'd, renamed over the target, the directory fsync'd. A crash or a full disk leaves the old file as it was
 *     and no temp file behind; a full disk is a {@link dev.upkeep.files.DiskFullException} naming the file.</li>
 * <li>{@link dev.upkeep.files.PrivateFiles} creates private directories (0700) and new private files (0600) with
 *     their mode from the start, and tightens Upkeep's own directories when someone made them wider.</li>
 * <li>{@link dev.upkeep.files.BoundedRead} reads a file only up to a size cap, so a wrong file (a disk image,
 *     {@code /dev/zero}) is a clear error instead of an OutOfMemoryError.</li>
 * </ul>
 * On file systems without POSIX permissions the modes are skipped; everything else works the same.
 */
package dev.upkeep.files;
