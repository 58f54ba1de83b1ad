/**
 * SSH the way OpenSSH users expect, on sshj.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * SshOptions options = SshOptions.defaults()             // ~/.ssh/config, ~/.ssh/known_hosts, SSH_AUTH_SOCK
 *         .withSshConfig(sshConfig).withKnownHosts(knownHosts).withConnectTimeout(Duration.ofSeconds(10));
 * try (SshConnector connector = new SshConnector(options, passphraseProvider);   // one per application
 *      ConnectionPool pool = new ConnectionPool(connector)) {
 *     SshConnection c = pool.get(new ConnectRequest(host, port, user, identityFile)); // nulls = from config
 *     CommandOutput out = c.run(script, cancellation);                        // or exec(..., listener, ...)
 * } catch (HostKeyUnknownException e) {
 *     // show e.fingerprint(); if the user agrees: connector.knownHosts().accept(e.hostKeyName(), e.key())
 *     // and connect again (behind a jump host the next unknown key may be the target's)
 * } catch (HostKeySubstitutedException e) {
 *     // a key of a type known_hosts lacks for a host it knows by other keys: show e.knownKeys() and the offered
 *     // key; record it only on its own explicit confirmation (it is a HostKeyChangedException for everyone else)
 * }
 * }</pre>
 * One connection carries at most sshd's MaxSessions (default 10) commands at once.
 *
 * <h2>Pieces</h2>
 * <ul>
 * <li>{@link dev.upkeep.ssh.OpenSshConfig} parses ssh_config (Host patterns, Include, tokens, ProxyJump,
 *     ProxyCommand, HostKeyAlias, HashKnownHosts; Match is skipped with a warning) into
 *     {@link dev.upkeep.ssh.HostSettings}; tested against {@code ssh -G}.</li>
 * <li>{@link dev.upkeep.ssh.KnownHosts} reads plain and hashed known_hosts entries and appends accepted keys (one
 *     O_APPEND write per line, hashed under HashKnownHosts) under a {@link dev.upkeep.ssh.HostKeyName}. During key
 *     exchange the host-key algorithms already known for the host are preferred (an RSA key maps to
 *     rsa-sha2-512/256), so a host known only by its RSA or ECDSA key still verifies.</li>
 * <li>{@link dev.upkeep.ssh.SshConnector} connects: config, overrides of the {@link dev.upkeep.ssh.ConnectRequest},
 *     ProxyJump chains (host key checked at every hop; the first jump host's own ProxyJump/ProxyCommand is followed),
 *     ProxyCommand, keep-alive on one shared scheduler ({@code KeepAlives}, no thread per
 *     connection), agent keys then identity files (encrypted ones ask the
 *     {@link dev.upkeep.ssh.PassphraseProvider} once per connector, kept in memory only). The connect timeout
 *     bounds each hop's TCP connect, banner, key exchange and authentication
 *     ({@link dev.upkeep.ssh.ConnectTimeoutException} names the phase).</li>
 * <li>Algorithms: OpenSSH 10's defaults, post-quantum key exchange first ({@code dev.upkeep.ssh.kex}), changed per
 *     host by the config's KexAlgorithms, Ciphers, MACs, HostKeyAlgorithms and PubkeyAcceptedAlgorithms;
 *     {@link dev.upkeep.ssh.SshConnection#negotiated()} tells what a connection agreed on.</li>
 * <li>{@link dev.upkeep.ssh.SshConnection#exec} runs one command per session, draining stdout and stderr at the
 *     same time, line by line, to an {@link dev.upkeep.ssh.OutputListener}, within
 *     {@link dev.upkeep.ssh.CommandLimits} (idle and overall bounds, output head, summary and ceiling);
 *     {@link dev.upkeep.ssh.Cancellation} stops it (TERM signal, channel closed, no waiting for the remote
 *     process). No signal is ever sent after the channel's CLOSE ({@link dev.upkeep.ssh.GuardedSession}): sshd drops
 *     the whole connection for a request to a channel it has freed.</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * Everything is an {@link dev.upkeep.ssh.SshException} whose message names the server:
 * {@link dev.upkeep.ssh.UnreachableException}, {@link dev.upkeep.ssh.AuthFailedException} (lists keys tried),
 * {@link dev.upkeep.ssh.HostKeyUnknownException}, {@link dev.upkeep.ssh.HostKeyChangedException} (and its
 * {@link dev.upkeep.ssh.HostKeySubstitutedException}), {@link dev.upkeep.ssh.HostKeyRevokedException},
 * {@link dev.upkeep.ssh.ConnectionLostException}, {@link dev.upkeep.ssh.CommandCancelledException},
 * {@link dev.upkeep.ssh.CommandTimeoutException} and {@link dev.upkeep.ssh.OutputLimitException}. A command that ran reports its exit status in a
 * {@link dev.upkeep.ssh.CommandResult}; one that could not run is an exception, never "exit 1".
 */
package dev.upkeep.ssh;
