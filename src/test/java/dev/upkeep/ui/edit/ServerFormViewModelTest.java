package dev.upkeep.ui.edit;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServerFormViewModelTest {
    private final Workspace ws = new Workspace(Path.of("/tmp/ws.yml"), null, List.of(
            new Application("shop", null, null, null, List.of(Server.of("web1", "10.0.0.1")))));

    @Test
    void validInputBecomesAServer() {
        ServerFormViewModel form = ServerFormViewModel.forNew(ws, "shop");
        form.nameProperty().set(" web2 ");
        form.hostProperty().set("web2.example.com");
        form.portProperty().set("2222");
        form.userProperty().set("ubuntu");
        form.identityFileProperty().set("~/.ssh/id_ed25519");
        form.sudoProperty().set(true);
        form.groupsProperty().set("web, edge");
        assertThat(form.validate()).isTrue();
        assertThat(form.toServer()).isEqualTo(new Server("web2", "web2.example.com", 2222, "ubuntu", "~/.ssh/id_ed25519",
                true, List.of("web", "edge")));
    }

    @Test
    void invalidInputIsExplainedAndKeptAsTyped() {
        ServerFormViewModel form = ServerFormViewModel.forNew(ws, "shop");
        form.nameProperty().set("web 2");
        form.hostProperty().set("-oProxyCommand=x");
        form.portProperty().set("70000");
        form.userProperty().set("root;rm");
        assertThat(form.validate()).isFalse();
        assertThat(form.errorProperty().get()).contains("Name may only use", "is not a host name", "Port must be", "not a valid user name");
        assertThat(form.nameProperty().get()).isEqualTo("web 2");
        assertThat(form.hostProperty().get()).isEqualTo("-oProxyCommand=x");
        assertThat(form.portProperty().get()).isEqualTo("70000");
        assertThat(form.userProperty().get()).isEqualTo("root;rm");
    }

    @ParameterizedTest
    @CsvSource({"'',10.0.0.9,Name is required", "web1,10.0.0.9,already has a server 'web1'", "web9,'',Host is required",
            "web9,'host name',not a host name"})
    void refusedInput(String name, String host, String message) {
        ServerFormViewModel form = ServerFormViewModel.forNew(ws, "shop");
        form.nameProperty().set(name);
        form.hostProperty().set(host);
        assertThat(form.validate()).isFalse();
        assertThat(form.errorProperty().get()).contains(message);
    }

    @Test
    void editingKeepsItsOwnNameWithoutCallingItADuplicate() {
        ServerFormViewModel form = ServerFormViewModel.forEdit(ws, "shop", Server.of("web1", "10.0.0.1"));
        form.hostProperty().set("10.0.0.11");
        assertThat(form.validate()).isTrue();
        assertThat(form.toServer().host()).isEqualTo("10.0.0.11");
    }
}
