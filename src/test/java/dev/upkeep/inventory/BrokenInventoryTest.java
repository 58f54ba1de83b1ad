package dev.upkeep.inventory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A broken or hostile inventory is refused with its file and line, quickly and with bounded memory. */
class BrokenInventoryTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text.replace("\\n", "\n"));
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "section with a space   | hosts.ini | [web]\\nweb1\\n[db servers]\\n            | 3 | is not a section",
            "unknown section kind   | hosts.ini | [web:hosts2]\\nweb1\\n                   | 1 | unknown type 'hosts2'",
            "undefined child group  | hosts.ini | [prod:children]\\nweb\\ndb\\n[web]\\nw1\\n      | 3 | names group 'db', which is never declared",
            "vars of no group       | hosts.ini | [web]\\nw1\\n[ghost:vars]\\nx=1\\n          | 3 | [ghost:vars] is for a group that is never declared",
            "vars line without =    | hosts.ini | [web:vars]\\nansible_user deploy\\n[web]\\nw1 | 2 | expected key=value",
            "host var without =     | hosts.ini | [web]\\nweb1 ansible_user\\n                 | 2 | expected key=value after the host name",
            "unclosed quote         | hosts.ini | [web]\\nweb1 ansible_user=\"deploy\\n            | 2 | no closing quotation",
            "port that is not one   | hosts.ini | [web]\\nweb1:ssh\\n                          | 2 | 'ssh' is not a port number",
            "range without an end   | hosts.ini | [web]\\nweb[01:]\\n                          | 2 | has no end",
            "range of mixed widths  | hosts.ini | [web]\\nweb[01:100]\\n                       | 2 | same width",
            "range bomb             | hosts.ini | [web]\\nweb[0:99999999]\\n                   | 2 | more than 10000 hosts",
            "yaml given as ini      | hosts.ini | ---\\nall:\\n                                | 1 | YAML",
            "yaml syntax error      | hosts.yml | all:\\n  hosts:\\n    web1: [\\n               | 4 | not valid YAML",
            "yaml not a mapping     | hosts.yml | - web1\\n- web2\\n                             | 1 | a mapping of groups",
            "yaml hosts as a list   | hosts.yml | all:\\n  hosts:\\n    - web1\\n                 | 3 | must be a mapping",
            "plugin configuration   | aws.yml   | plugin: amazon.aws.aws_ec2\\nregions: [x]\\n   | 1 | inventory plugin",
            "groups in a loop       | hosts.ini | [a:children]\\nb\\n[b:children]\\na\\n[c]\\n | 1 | groups contain each other",
            "empty yaml             | hosts.yml | \\n                                           | 0 | empty",
    })
    void refusedWithFileAndLine(String what, String name, String text, int line, String message) throws Exception {
        Path f = write(name, text.strip());
        assertThatThrownBy(() -> AnsibleInventory.read(f)).isInstanceOf(InventoryException.class)
                .satisfies(e -> assertThat(((InventoryException) e).line()).as(what).isEqualTo(line))
                .hasMessageStartingWith(f + (line > 0 ? ":" + line + ": " : ": ")).hasMessageContaining(message);
    }

    @Test
    void anAliasBombIsRefusedNotExpanded() throws Exception {
        StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            y.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                y.append(i == 0 ? "" : ", ").append('*').append((char) (c - 1));
            }
            y.append("]\n");
        }
        y.append("all:\n  vars:\n    boom: *k\n");
        Path f = write("bomb.yml", y.toString());
        assertThatThrownBy(() -> AnsibleInventory.read(f)).isInstanceOf(InventoryException.class).hasMessageContaining(f.toString())
                .hasMessageContaining("through their aliases");
    }

    @Test
    void aMergeKeyBombIsRefusedNotExpanded() throws Exception {
        StringBuilder y = new StringBuilder("a: &a {x: 1, y: 2}\n");
        for (char c = 'b'; c <= 'z'; c++) {
            y.append(c).append(": &").append(c).append(" {<<: [*").append((char) (c - 1))
                .append(", *").append((char) (c - 1)).append(", *").append((char) (c - 1)).append("]}\n");
        }
        y.append("all:\n  vars:\n    <<: *z\n");
        Path f = write("merge-bomb.yml", y.toString());
        assertThatThrownBy(() -> AnsibleInventory.read(f)).isInstanceOf(InventoryException.class).hasMessageContaining(f.toString())
                .hasMessageContaining("merge keys");
    }

    @Test
    void aGroupThatContainsItselfThroughAnAliasIsRefused() throws Exception {
        Path f = write("loop.yml", "all:\n  children:\n    web: &web\n      children:\n        again: *web\n");
        assertThatThrownBy(() -> AnsibleInventory.read(f)).isInstanceOf(InventoryException.class).hasMessageContaining("contains itself");
    }

    @Test
    void aBinaryOrHugeFileIsRefusedBeforeParsing() throws Exception {
        Path bin = dir.resolve("hosts.ini");
        Files.write(bin, new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertThatThrownBy(() -> AnsibleInventory.read(bin)).hasMessage(bin + ": not UTF-8 text");
        Path big = dir.resolve("big.ini");
        Files.write(big, new byte[InventoryFiles.MAX_BYTES + 1]);
        assertThatThrownBy(() -> AnsibleInventory.read(big)).hasMessageContaining("larger than");
        assertThatThrownBy(() -> AnsibleInventory.read(dir)).hasMessageContaining("is a folder");
        assertThatThrownBy(() -> AnsibleInventory.read(dir.resolve("nope.ini"))).hasMessageEndingWith("no such file");
    }

    @Test
    void aBrokenGroupVarsFileIsNamedWithItsLine() throws Exception {
        write("hosts.ini", "[web]\nweb1\n");
        Files.createDirectories(dir.resolve("group_vars"));
        Path vars = write("group_vars/web.yml", "ansible_user: deploy\nansible_port: [\n");
        assertThatThrownBy(() -> AnsibleInventory.read(dir.resolve("hosts.ini")))
                .hasMessageStartingWith(vars + ":3: not valid YAML");
    }
}
