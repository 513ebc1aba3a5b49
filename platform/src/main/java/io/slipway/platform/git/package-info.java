/**
 * Deploying with {@code git push}: a git smart-HTTP endpoint under {@code /git/{app}.git} (JGit's
 * receive-pack and upload-pack), one bare repository per app, and the hook that deploys the
 * pushed tree and streams the build log back to the pusher.
 */
package io.slipway.platform.git;
