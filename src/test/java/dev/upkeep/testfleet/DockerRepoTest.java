package dev.upkeep.testfleet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Docker CE–style repository and the Weave scripts behave like the real ones where the procedures look. */
class DockerRepoTest {
    private static TestFleet fleet;
    private static DockerRepo docker;

    @BeforeAll
    static void start() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(1);
        docker = DockerRepo.start(fleet);
    }

    @AfterAll
    static void stop() {
        if (docker != null) {
            docker.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aptOffersBothVersionsFromDockerAndTheStandInReportsTheRunningOne() {
        TestServer server = fleet.server(0);
        docker.addTo(server);
        server.run("apt-get -q update");
        String madison = server.run("apt-cache madison docker-ce");
        assertThat(madison).contains("docker-ce | " + DockerRepo.NEW + " | " + docker.url() + " bookworm/stable")
                .contains("docker-ce | " + DockerRepo.OLD + " |");
        assertThat(server.run("apt-cache policy")).contains("o=Docker,a=bookworm,n=bookworm,l=Docker CE,c=stable");

        docker.install(server, DockerRepo.OLD);
        assertThat(server.run("docker version --format '{{.Server.Version}}'")).isEqualTo("24.0.7\n");
        assertThat(server.run("docker --version")).startsWith("Docker version 24.0.7, build ");

        server.run("apt-get install -y -q docker-ce=" + DockerRepo.NEW + " docker-ce-cli=" + DockerRepo.NEW);
        assertThat(server.run("docker --version")).startsWith("Docker version 25.0.3, build ");
        assertThat(server.run("docker version --format '{{.Server.Version}}'")).as("not restarted yet").isEqualTo("24.0.7\n");
        server.run("service docker restart");
        assertThat(server.run("docker version --format '{{.Server.Version}}'")).isEqualTo("25.0.3\n");
        assertThat(server.run("docker version")).contains("Server: Docker Engine - Community");
    }

    @Test
    void oldCeVersionsMapToTheirDockerVersion() {
        assertThat(DockerRepo.upstream("18.03.0~ce-0~debian")).isEqualTo("18.03.0-ce");
        assertThat(DockerRepo.upstream("18.06.3~ce~3-0~debian")).isEqualTo("18.06.3-ce");
        assertThat(DockerRepo.upstream(DockerRepo.NEW)).isEqualTo("25.0.3");
    }

    @Test
    void weaveScriptLooksLikeTheRealOneAndKeepsItsPeers() {
        TestServer server = fleet.server(0);
        String template = WeaveScripts.publish(fleet, WeaveScripts.OLD, WeaveScripts.NEW);
        assertThat(template).endsWith("/files/weave/v{version}/weave");
        String url = template.replace("{version}", WeaveScripts.NEW);
        assertThat(server.run("curl -fsS " + url + " | head -n 6")).contains("SCRIPT_VERSION=\"2.8.1\"");

        WeaveScripts.install(server, WeaveScripts.OLD, "10.0.0.2", "10.0.0.3");
        assertThat(server.run("weave version")).isEqualTo("weave script 2.8.0\nweave 2.8.0\n");
        assertThat(server.run("weave status targets")).isEqualTo("10.0.0.2\n10.0.0.3\n");
        server.run("weave stop");
        assertThat(server.call("weave status targets").exitCode()).isEqualTo(1);
        assertThat(server.run("weave version")).isEqualTo("weave script 2.8.0\n");
    }
}
