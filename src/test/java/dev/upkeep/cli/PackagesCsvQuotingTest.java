package dev.upkeep.cli;

import dev.upkeep.run.PackageExposure;
import dev.upkeep.run.ServerRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** packages --csv quotes like the report's CSV (one RFC 4180 field function): a server's error may hold anything. */
class PackagesCsvQuotingTest {
    @Test
    void anErrorWithCommasQuotesAndLineBreaksStaysOneField() {
        String error = "sshd said \"no\", then\r\nclosed";
        String csv = PackagesOutput.csv(List.of(new PackageExposure(new ServerRef("shop", "web,1"), null, null, error)), false);

        String row = csv.substring(csv.indexOf("\r\n") + 2);
        assertThat(row).startsWith("shop,\"web,1\",")
                .endsWith(",\"sshd said \"\"no\"\", then\r\nclosed\"\r\n");
        assertThat(PackagesCommandTest.Csv.parse(csv).get(1)).hasSize(PackagesOutput.COLUMNS.size()).first().isEqualTo("shop");
        assertThat(PackagesCommandTest.Csv.parse(csv).get(1).get(8)).isEqualTo(error);
    }
}
