package dev.upkeep.ssh;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * "publickey" authentication where the ssh-agent signs. Works like sshj's AuthPublickey (feeler request, then
 * signed request after PK_OK) but never sees a private key. RSA keys are offered with the SHA-2 signature
 * algorithms PubkeyAcceptedAlgorithms allows (by default rsa-sha2-512, then rsa-sha2-256), with the matching agent
 * flag: OpenSSH 9 refuses plain ssh-rsa (SHA-1) signatures, which are only used when the config adds ssh-rsa.
 */
final class AgentAuthMethod extends AbstractAuthMethod {
    private final AgentClient agent;
    private final AgentIdentity identity;
    private final Deque<String> algorithms;

    AgentAuthMethod(AgentClient agent, AgentIdentity identity, List<String> accepted) {
        super("publickey");
        this.agent = agent;
        this.identity = identity;
        String type = identity.keyType();
        List<String> forType = type.equals("ssh-rsa") ? List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa") : List.of(type);
        this.algorithms = new ArrayDeque<>(accepted.stream().filter(forType::contains).toList());
    }

    /** False when PubkeyAcceptedAlgorithms allows no signature algorithm for this key: then it is not offered. */
    boolean hasAlgorithm() {
        return !algorithms.isEmpty();
    }

    @Override
    public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
        if (cmd == Message.USERAUTH_60) {
            params.getTransport().write(signedRequest());
        } else {
            super.handle(cmd, buf);
        }
    }

    /** After a failure for one RSA signature algorithm, try the next one. */
    @Override
    public boolean shouldRetry() {
        algorithms.poll();
        return !algorithms.isEmpty();
    }

    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        return request(false);
    }

    private SSHPacket request(boolean signed) throws UserAuthException {
        return super.buildReq().putBoolean(signed).putString(algorithms.peek()).putString(identity.blob());
    }

    private SSHPacket signedRequest() throws UserAuthException {
        SSHPacket req = request(true);
        byte[] toSign = new Buffer.PlainBuffer()
                .putString(params.getTransport().getSessionID())
                .putBuffer(req)
                .getCompactData();
        int flags = switch (algorithms.peek()) {
            case "rsa-sha2-512" -> AgentClient.SSH_AGENT_RSA_SHA2_512;
            case "rsa-sha2-256" -> AgentClient.SSH_AGENT_RSA_SHA2_256;
            default -> 0;
        };
        try {
            req.putBytes(agent.sign(identity.blob(), toSign, flags));
        } catch (IOException e) {
            throw new UserAuthException("ssh-agent could not sign with " + identity + ": " + e.getMessage(), e);
        }
        return req;
    }

    @Override
    public String toString() {
        return identity.toString();
    }
}
