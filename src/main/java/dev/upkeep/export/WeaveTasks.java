package dev.upkeep.export;

/**
 * The Weave tasks of a play, as Upkeep's own Weave upgrade does it (weave-job.sh) but in ansible.builtin modules:
 * download the script of the application's version (group vars {@code upkeep_weave_url}, {@code upkeep_weave_sha256})
 * to a private temporary folder with {@code get_url}, which refuses a download whose SHA-256 differs; check that it
 * is a {@code #!} script whose {@code SCRIPT_VERSION} is the version; note how Weave runs (an active systemd unit, a
 * router the script launched and its peers, or nothing); unless the same script is installed and the router runs the
 * version, stop a launched router, install the script as /usr/local/bin/weave (0755), restart the unit or relaunch
 * the router with the same peers, then check {@code weave version} and the peers. Every read also runs under
 * {@code --check}, so a check run downloads and verifies the script (in the temporary folder) and changes nothing.
 */
final class WeaveTasks {
    private WeaveTasks() {
    }

    static String of() {
        return TEXT.replace("@RESTART_TIMEOUT@", Integer.toString(DockerTasks.RESTART_TIMEOUT_SECONDS));
    }

    private static final String TEXT = """
                - name: "Weave: a private temporary folder for the download"
                  ansible.builtin.tempfile:
                    state: directory
                    prefix: upkeep-weave.
                  become: true
                  register: upkeep_weave_tmp
                  changed_when: false  # scratch, removed at the end
                  check_mode: false
                - name: "Weave {{ upkeep_weave_version }}"
                  become: true
                  environment:
                    PATH: /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
                    LC_ALL: C
                  block:
                    - name: "Weave: download the script, checked against its SHA-256 (a mismatch changes nothing)"
                      ansible.builtin.get_url:
                        url: "{{ upkeep_weave_url }}"
                        checksum: "sha256:{{ upkeep_weave_sha256 }}"
                        dest: "{{ upkeep_weave_tmp.path }}/weave"
                        mode: "0600"
                        timeout: 30
                      changed_when: false  # into the scratch folder
                      check_mode: false
                    - name: "Weave: the download's first lines"
                      ansible.builtin.command:
                        argv: [head, -n, "30", "{{ upkeep_weave_tmp.path }}/weave"]
                      register: upkeep_weave_head
                      changed_when: false
                      check_mode: false
                    - name: "Weave: the download must be the Weave script {{ upkeep_weave_version }}"
                      ansible.builtin.assert:
                        that:
                          - upkeep_weave_head.stdout.startswith('#!')
                          - '(''SCRIPT_VERSION="'' ~ upkeep_weave_version ~ ''"'') in upkeep_weave_head.stdout_lines'
                        fail_msg: "the download from {{ upkeep_weave_url }} is not the Weave script {{ upkeep_weave_version }}; nothing changed"
                        quiet: true
                    - name: "Weave: what runs now"
                      ansible.builtin.command: weave version
                      register: upkeep_weave_before
                      changed_when: false
                      failed_when: false
                      check_mode: false
                    - name: "Weave: is it an active systemd unit?"
                      ansible.builtin.command: systemctl is-active weave  # noqa: command-instead-of-module
                      register: upkeep_weave_unit
                      changed_when: false
                      failed_when: false
                      check_mode: false
                      when: upkeep_weave_before.rc == 0
                    - name: "Weave: the peers of a router the script launched"
                      ansible.builtin.command: weave status targets
                      register: upkeep_weave_targets
                      changed_when: false
                      failed_when: false
                      check_mode: false
                      when: upkeep_weave_before.rc == 0 and upkeep_weave_unit.stdout | default('') != 'active'
                    - name: "Weave: the script installed now"
                      ansible.builtin.stat:
                        path: /usr/local/bin/weave
                        checksum_algorithm: sha256
                      register: upkeep_weave_installed
                    - name: "Weave: how it runs, and whether anything is to be done"
                      ansible.builtin.set_fact:
                        upkeep_weave_how: >-
                          {{ 'systemd' if upkeep_weave_unit.stdout | default('') == 'active'
                          else ('relaunch' if upkeep_weave_targets.rc | default(1) == 0 else 'none') }}
                        upkeep_weave_peers: "{{ upkeep_weave_targets.stdout | default('') | split }}"
                        upkeep_weave_router: >-
                          {{ upkeep_weave_before.stdout_lines | default([]) | select('match', '^weave [0-9][0-9.]*$')
                          | map('regex_replace', '^weave ', '') | first | default('') }}
                    - name: "Weave: the router's peers must be plain addresses (else nothing changes)"
                      ansible.builtin.assert:
                        that: upkeep_weave_peers | reject('match', '^[A-Za-z0-9.:_][A-Za-z0-9.:_-]*$') | list | length == 0
                        fail_msg: >-
                          'weave status targets' listed something that is not a peer address:
                          {{ upkeep_weave_peers | join(' ') }}; nothing changed
                        quiet: true
                    - name: "Weave: to be installed unless the same script is there and its router runs the version"
                      ansible.builtin.set_fact:
                        upkeep_weave_change: >-
                          {{ upkeep_weave_installed.stat.checksum | default('') != upkeep_weave_sha256
                          or (upkeep_weave_how != 'none' and upkeep_weave_router != upkeep_weave_version) }}
                    - name: "Weave: stop the router with the old script"
                      ansible.builtin.command: weave stop
                      changed_when: true
                      when: upkeep_weave_change | bool and upkeep_weave_how == 'relaunch'
                    - name: "Weave: install the script as /usr/local/bin/weave"
                      ansible.builtin.copy:
                        src: "{{ upkeep_weave_tmp.path }}/weave"
                        remote_src: true
                        dest: /usr/local/bin/weave
                        owner: root
                        group: root
                        mode: "0755"
                      when: upkeep_weave_change | bool
                    - name: "Weave: restart its systemd unit"
                      ansible.builtin.service:
                        name: weave
                        state: restarted
                      timeout: @RESTART_TIMEOUT@
                      when: upkeep_weave_change | bool and upkeep_weave_how == 'systemd'
                    - name: "Weave: relaunch the router with the peers it had"
                      ansible.builtin.command:
                        argv: "{{ ['/usr/local/bin/weave', 'launch'] + upkeep_weave_peers }}"
                      changed_when: true
                      when: upkeep_weave_change | bool and upkeep_weave_how == 'relaunch'
                    - name: "Weave: what runs after"
                      ansible.builtin.command: /usr/local/bin/weave version
                      register: upkeep_weave_after
                      changed_when: false
                      failed_when: false
                      when: not ansible_check_mode
                    - name: "Weave: the peers after"
                      ansible.builtin.command: /usr/local/bin/weave status targets
                      register: upkeep_weave_targets_after
                      changed_when: false
                      failed_when: false
                      when: not ansible_check_mode and upkeep_weave_how == 'relaunch'
                    - name: "Weave: the script, and a router that ran with the same peers, must be {{ upkeep_weave_version }}"
                      ansible.builtin.assert:
                        that:
                          - ('weave script ' ~ upkeep_weave_version) in upkeep_weave_after.stdout_lines
                          - upkeep_weave_how == 'none' or ('weave ' ~ upkeep_weave_version) in upkeep_weave_after.stdout_lines
                          - upkeep_weave_how != 'relaunch' or (upkeep_weave_targets_after.stdout | split | sort) == (upkeep_weave_peers | sort)
                        fail_msg: >-
                          after installing, weave version says '{{ upkeep_weave_after.stdout_lines | join('; ') }}', not
                          {{ upkeep_weave_version }} (with the peers {{ upkeep_weave_peers | join(' ') }})
                        quiet: true
                      when: not ansible_check_mode
                  always:
                    - name: "Weave: remove the temporary folder"
                      ansible.builtin.file:
                        path: "{{ upkeep_weave_tmp.path }}"
                        state: absent
                      changed_when: false
                      check_mode: false
            """;
}
