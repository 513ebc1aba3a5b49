package io.slipway.platform.security;

import io.slipway.platform.app.AppRepository;
import io.slipway.platform.git.GitAccess;
import io.slipway.platform.git.GitAccessDeniedException;
import io.slipway.platform.git.GitCredentials;
import io.slipway.platform.git.GitService;

/**
 * git over HTTP signs in with a personal API token as the basic-auth password (the token filter has
 * already checked it); a user reads and pushes only the repositories of apps it may use, and a push
 * to a new app name makes the app its own.
 */
class TokenGitAccess implements GitAccess {

    private final Owners owners;
    private final AppRepository apps;

    TokenGitAccess(Owners owners, AppRepository apps) {
        this.owners = owners;
        this.apps = apps;
    }

    @Override
    public String authorize(GitCredentials credentials, String app, GitService service) {
        Caller caller = owners.current().orElseThrow(() -> new GitAccessDeniedException(credentials.password().isPresent()
                ? "use a personal API token (swt_...) as the password; make one at /dashboard/tokens"
                : "sign in with your user name and a personal API token as the password", true));
        apps.findById(app).filter(existing -> !caller.mayUse(existing.getOwner())).ifPresent(other -> {
            throw new GitAccessDeniedException("'" + app + "' is not one of your apps", false);
        });
        return caller.username();
    }
}
