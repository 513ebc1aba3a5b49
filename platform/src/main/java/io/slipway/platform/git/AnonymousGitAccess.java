package io.slipway.platform.git;

/** Until tokens exist: anyone may read and push, and pushes are recorded as user "anonymous". */
public final class AnonymousGitAccess implements GitAccess {

    public static final String USER = "anonymous";

    @Override
    public String authorize(GitCredentials credentials, String app, GitService service) {
        return USER;
    }
}
