package io.slipway.platform.git;

/**
 * Who may read or push an app's repository. Every request to {@code /git/*}, reading or
 * writing, asks this first; the answer names the user recorded on the deployment a push makes.
 * The platform's implementation takes personal API tokens as the basic-auth password.
 */
@FunctionalInterface
public interface GitAccess {

    /**
     * Decides on one request.
     *
     * @param credentials what the client sent, {@link GitCredentials#NONE} when nothing
     * @param app the app whose repository is asked for (a valid app name)
     * @param service reading or pushing
     * @return the user acting, for the records
     * @throws GitAccessDeniedException when the request is refused
     */
    String authorize(GitCredentials credentials, String app, GitService service);
}
