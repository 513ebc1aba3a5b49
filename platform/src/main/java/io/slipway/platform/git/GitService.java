package io.slipway.platform.git;

import java.util.Arrays;
import java.util.Optional;

/** The two git services spoken over smart HTTP: reading (fetch, clone) and writing (push). */
public enum GitService {

    /** {@code git fetch} and {@code git clone}. */
    UPLOAD_PACK("git-upload-pack"),

    /** {@code git push}. */
    RECEIVE_PACK("git-receive-pack");

    private final String command;

    GitService(String command) {
        this.command = command;
    }

    /** The service's name on the wire, e.g. {@code git-receive-pack}. */
    public String command() {
        return command;
    }

    /** Whether the service changes the repository (and deploys). */
    public boolean writes() {
        return this == RECEIVE_PACK;
    }

    static Optional<GitService> of(String command) {
        return Arrays.stream(values()).filter(s -> s.command.equals(command)).findFirst();
    }

    String advertisementType() {
        return "application/x-" + command + "-advertisement";
    }

    String requestType() {
        return "application/x-" + command + "-request";
    }

    String resultType() {
        return "application/x-" + command + "-result";
    }
}
