package dev.upkeep.cli;

import dev.upkeep.fleet.WorkspaceStore;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The options several commands share are declared once (picocli mixins), so their names, labels and help cannot
 * drift apart; an option a command words its own way (what --yes confirms) stays that command's.
 */
class SharedOptionsTest {
    private final CommandLine upkeep = UpkeepCommand.commandLine(new UpkeepCommand(new WorkspaceStore(), () -> null));

    @Test
    void anOptionWordedAlikeInSeveralCommandsIsDeclaredInOnePlace() {
        Map<String, Set<String>> declaredAt = new LinkedHashMap<>();
        for (CommandLine command : commands(upkeep)) {
            for (OptionSpec o : command.getCommandSpec().options()) {
                if (o.userObject() instanceof Field f) {
                    declaredAt.computeIfAbsent(o.longestName() + " \"" + String.join(" ", o.description()) + "\"",
                            k -> new TreeSet<>()).add(f.getDeclaringClass().getSimpleName() + "." + f.getName());
                }
            }
        }
        declaredAt.values().removeIf(fields -> fields.size() == 1);
        assertThat(declaredAt).as("options declared again, word for word: one shared declaration keeps the commands alike")
                .isEmpty();
    }

    @Test
    void everyCommandOnASelectionOfServersTargetsThemWithTheSameOptions() {
        List<String> selecting = List.of("status", "upgrade", "reboot", "packages", "restart-services", "report", "export ansible");
        for (String name : selecting) {
            CommandLine command = command(name);
            for (String option : List.of("--app", "--server")) {
                assertThat(help(command, option)).as("%s %s", name, option).isEqualTo(help(command("status"), option));
            }
        }
        assertThat(help(command("trust"), "--app")).isEqualTo(help(command("status"), "--app"));
        assertThat(help(command("history"), "--app")).as("history names one server; its --app only disambiguates")
                .isNotEqualTo(help(command("status"), "--app"));
    }

    @Test
    void theRolloutCommandsShareStrategyAndEventOutput() {
        for (String option : List.of("--strategy", "--batch", "--max-failures", "--no-keep-one-up")) {
            assertThat(help(command("upgrade"), option)).as(option)
                    .isEqualTo(help(command("reboot"), option))
                    .isEqualTo(help(command("export ansible"), option));
        }
        assertThat(help(command("upgrade"), "--json")).isEqualTo(help(command("reboot"), "--json"));
    }

    @Test
    void eachCommandKeepsItsOwnWordingOfWhatYesConfirms() {
        List<String> wordings = new ArrayList<>();
        for (String name : List.of("upgrade", "reboot", "restart-services", "packages", "trust")) {
            wordings.add(help(command(name), "--yes"));
        }
        assertThat(wordings).doesNotHaveDuplicates();
    }

    private CommandLine command(String path) {
        CommandLine c = upkeep;
        for (String name : path.split(" ")) {
            c = c.getSubcommands().get(name);
        }
        return c;
    }

    private static String help(CommandLine command, String option) {
        OptionSpec o = command.getCommandSpec().findOption(option);
        assertThat(o).as("%s has %s", command.getCommandName(), option).isNotNull();
        return o.paramLabel() + " " + String.join(" ", o.description());
    }

    private static List<CommandLine> commands(CommandLine top) {
        List<CommandLine> all = new ArrayList<>();
        all.add(top);
        top.getSubcommands().values().forEach(sub -> all.addAll(commands(sub)));
        return all;
    }
}
