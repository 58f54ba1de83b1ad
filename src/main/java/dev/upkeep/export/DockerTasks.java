package dev.upkeep.export;

import java.time.Duration;

/**
 * The Docker tasks of a play, as Upkeep's own Docker upgrade does it (docker-resolve.sh, then docker-job.sh) but in
 * ansible.builtin modules: refresh apt's lists (a failed refresh keeps the lists as they were), find the package
 * version of the application's Docker version in {@code apt-cache madison docker-ce} (group vars
 * {@code upkeep_docker_version} and {@code upkeep_docker_package_pattern}), fail the server changing nothing when apt
 * does not offer it, install docker-ce and docker-ce-cli at that version (no downgrade, as Upkeep never allows one; the
 * dpkg lock waited for; held packages changed and held again), restart Docker within 120 s when it is not already
 * running that version, and check that the daemon then reports it.
 */
final class DockerTasks {
    /** As docker-job.sh's restart bound: docker's systemd unit has TimeoutStartSec=0. */
    static final int RESTART_TIMEOUT_SECONDS = 120;

    private DockerTasks() {
    }

    static String of(Duration lockWait) {
        return TEXT.replace("@LOCK_WAIT@", Long.toString(lockWait.toSeconds()))
                .replace("@RESTART_TIMEOUT@", Integer.toString(RESTART_TIMEOUT_SECONDS));
    }

    private static final String TEXT = """
                - name: "Docker: refresh apt's package lists (a failure keeps the lists as they were, as Upkeep does)"
                  ansible.builtin.apt:
                    update_cache: true
                    lock_timeout: @LOCK_WAIT@
                  become: true
                  register: upkeep_apt_lists
                  changed_when: false
                - name: "Docker: the docker-ce versions apt offers"
                  ansible.builtin.command: apt-cache madison docker-ce
                  environment:
                    LC_ALL: C
                  register: upkeep_docker_madison
                  changed_when: false
                  check_mode: false
                - name: "Docker: the package version of Docker {{ upkeep_docker_version }}"
                  ansible.builtin.set_fact:
                    upkeep_docker_offered: >-
                      {{ upkeep_docker_madison.stdout_lines | map('regex_search', '[|] *[^ |]+') | select
                      | map('regex_replace', '^[|] *', '') | list }}
                    upkeep_docker_package: >-
                      {{ upkeep_docker_madison.stdout_lines | map('regex_search', '[|] *[^ |]+') | select
                      | map('regex_replace', '^[|] *', '') | select('match', upkeep_docker_package_pattern) | first | default('') }}
                - name: "Docker: apt must offer the version (else this server fails, nothing installed)"
                  ansible.builtin.assert:
                    that: upkeep_docker_package | length > 0
                    fail_msg: >-
                      Docker {{ upkeep_docker_version }} is not offered by apt on {{ inventory_hostname }} (apt-cache madison
                      docker-ce lists {{ upkeep_docker_offered | join(', ') if upkeep_docker_offered
                      else 'nothing: is the Docker apt repository in its sources?' }}). Nothing was installed.
                    quiet: true
                - name: "Docker: which of docker-ce and docker-ce-cli are held"
                  ansible.builtin.command: apt-mark showhold docker-ce docker-ce-cli
                  register: upkeep_docker_held
                  changed_when: false
                  check_mode: false
                - name: "Docker: docker-ce and docker-ce-cli, never a downgrade, at {{ upkeep_docker_package }}"
                  ansible.builtin.apt:
                    name:
                      - "docker-ce={{ upkeep_docker_package }}"
                      - "docker-ce-cli={{ upkeep_docker_package }}"
                    install_recommends: false
                    allow_downgrade: false
                    allow_change_held_packages: true
                    dpkg_options: force-confdef,force-confold
                    lock_timeout: @LOCK_WAIT@
                  environment:
                    NEEDRESTART_MODE: a
                  become: true
                  register: upkeep_docker_install
                - name: "Docker: hold again what was held"
                  ansible.builtin.dpkg_selections:
                    name: "{{ item }}"
                    selection: hold
                  loop: "{{ upkeep_docker_held.stdout_lines | select('in', ['docker-ce', 'docker-ce-cli']) | list }}"
                  become: true
                - name: "Docker: the version the daemon runs"
                  ansible.builtin.command:
                    argv: [docker, version, --format, !unsafe "{{.Server.Version}}"]
                  become: true
                  register: upkeep_docker_running
                  changed_when: false
                  failed_when: false
                  check_mode: false
                - name: "Docker: restart it unless it already runs {{ upkeep_docker_version }}"  # noqa: no-handler
                  ansible.builtin.service:
                    name: docker
                    state: restarted
                  become: true
                  timeout: @RESTART_TIMEOUT@
                  # Not a handler: it must run before the version check, and also when the daemon runs another version.
                  when: upkeep_docker_install is changed or upkeep_docker_running.stdout | default('') != upkeep_docker_version
                - name: "Docker: the daemon must report {{ upkeep_docker_version }}"
                  ansible.builtin.command:
                    argv: [docker, version, --format, !unsafe "{{.Server.Version}}"]
                  become: true
                  register: upkeep_docker_after
                  changed_when: false
                  failed_when: false
                  until: upkeep_docker_after.stdout | default('') == upkeep_docker_version
                  retries: 30
                  delay: 1
                  when: not ansible_check_mode
                - name: "Docker: check the version after the restart"
                  ansible.builtin.assert:
                    that: upkeep_docker_after.stdout | default('') == upkeep_docker_version
                    fail_msg: >-
                      docker-ce {{ upkeep_docker_package }} is installed, but after the restart Docker reports
                      '{{ upkeep_docker_after.stdout | default('') }}', not {{ upkeep_docker_version }}
                    quiet: true
                  when: not ansible_check_mode
            """;
}
