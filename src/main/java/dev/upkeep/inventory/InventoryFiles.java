package dev.upkeep.inventory;

import dev.upkeep.files.BoundedRead;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads an inventory (or vars) file as text: bounded, UTF-8, a regular file; each problem named with the file. */
final class InventoryFiles {
    /** Inventories of thousands of hosts are well under this; past it, it is the wrong file. */
    static final int MAX_BYTES = 8 * 1024 * 1024;

    private InventoryFiles() {
    }

    static String read(Path file) throws InventoryException {
        if (!Files.exists(file)) {
            throw new InventoryException(file, 0, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new InventoryException(file, 0, "is a folder: give the inventory file in it (hosts, hosts.yml, inventory.ini…)");
        }
        try {
            byte[] bytes = BoundedRead.read(file, MAX_BYTES);
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (BoundedRead.FileTooLargeException e) {
            throw new InventoryException(file, 0, "larger than " + MAX_BYTES + " bytes: not an inventory Upkeep reads");
        } catch (CharacterCodingException e) {
            throw new InventoryException(file, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new InventoryException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    /** As Ansible chooses: .yml/.yaml/.json are YAML; a name without extension is tried as YAML, then as INI. */
    static InventoryModel parse(Path file) throws InventoryException {
        String text = read(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot <= 0 ? "" : name.substring(dot + 1);
        if (ext.equals("yml") || ext.equals("yaml") || ext.equals("json")) {
            return YamlInventory.parse(text, file, true);
        }
        if (ext.isEmpty()) {
            InventoryModel yaml = YamlInventory.parse(text, file, false);
            if (yaml != null) {
                return yaml;
            }
        }
        return IniInventory.parse(text, file);
    }
}
