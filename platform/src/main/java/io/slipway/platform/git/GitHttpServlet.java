package io.slipway.platform.git;

import io.slipway.platform.app.PublicUrl;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Git's smart HTTP protocol under {@code /git/*}, on JGit's receive-pack and upload-pack: every
 * request is checked by {@link GitAccess} first. Responses are streamed (never buffered whole),
 * so a push sees its build log while it runs and a clone of a big model starts at once. The
 * "dumb" protocol (files served as they are) is not offered.
 */
final class GitHttpServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(GitHttpServlet.class);

    private final transient GitRepositories repositories;
    private final transient GitAccess access;
    private final transient PushDeploys pushes;
    private final transient PublicUrl publicUrl;

    GitHttpServlet(GitRepositories repositories, GitAccess access, PushDeploys pushes, PublicUrl publicUrl) {
        this.repositories = repositories;
        this.access = access;
        this.pushes = pushes;
        this.publicUrl = publicUrl;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        GitRequest git;
        String user;
        try {
            git = GitRequest.parse(request.getMethod(), request.getPathInfo(), request.getParameter("service"));
            user = access.authorize(GitCredentials.of(request.getHeader("Authorization")), git.app(), git.service());
        } catch (GitRequest.Refused e) {
            response.sendError(e.status(), e.getMessage());
            return;
        } catch (GitAccessDeniedException e) {
            if (e.credentialsMissing()) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Slipway\"");
            }
            response.sendError(e.credentialsMissing() ? 401 : 403, e.getMessage());
            return;
        }
        Optional<Repository> found = git.service().writes() ? Optional.of(repositories.openOrCreate(git.app()))
                : repositories.open(git.app());
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "app '" + git.app() + "' has no repository yet: push to it first");
            return;
        }
        try (Repository repository = found.get()) {
            response.setHeader("Cache-Control", "no-cache, max-age=0, must-revalidate");
            if (git.advertisement()) {
                advertise(git, repository, user, request, response);
            } else {
                exchange(git, repository, user, request, response);
            }
        }
    }

    private void advertise(GitRequest git, Repository repository, String user, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        response.setContentType(git.service().advertisementType());
        OutputStream out = response.getOutputStream();
        PacketLineOut lines = new PacketLineOut(out);
        lines.writeString("# service=" + git.service().command() + "\n");
        lines.end();
        RefAdvertiser.PacketLineOutRefAdvertiser advertiser = new RefAdvertiser.PacketLineOutRefAdvertiser(lines);
        if (git.service().writes()) {
            ReceivePack receive = pushes.receivePack(repository, git.app(), user, publicUrl.of(request));
            receive.setBiDirectionalPipe(false);
            try {
                receive.sendAdvertisedRefs(advertiser);
            } finally {
                receive.getRevWalk().close();
            }
        } else {
            UploadPack upload = new UploadPack(repository);
            upload.setBiDirectionalPipe(false);
            try {
                upload.sendAdvertisedRefs(advertiser);
            } catch (org.eclipse.jgit.transport.ServiceMayNotContinueException e) {
                throw new IOException(e);
            } finally {
                upload.getRevWalk().close();
            }
        }
        out.flush();
    }

    private void exchange(GitRequest git, Repository repository, String user, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (!git.service().requestType().equals(request.getContentType())) {
            response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "expected " + git.service().requestType());
            return;
        }
        response.setContentType(git.service().resultType());
        OutputStream out = response.getOutputStream();
        try (InputStream in = body(request)) {
            if (git.service().writes()) {
                ReceivePack receive = pushes.receivePack(repository, git.app(), user, publicUrl.of(request));
                receive.setBiDirectionalPipe(false);
                receive.receive(in, out, null);
            } else {
                UploadPack upload = new UploadPack(repository);
                upload.setBiDirectionalPipe(false);
                upload.upload(in, out, null);
            }
            out.flush();
        } catch (IOException | RuntimeException e) {
            // what git can understand was sent to it on the side band already
            log.warn("git {} of '{}' ended with an error: {}", git.service().command(), git.app(), e.toString());
            if (!response.isCommitted()) {
                response.reset();
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            }
        }
    }

    private static InputStream body(HttpServletRequest request) throws IOException {
        String encoding = request.getHeader("Content-Encoding");
        InputStream in = request.getInputStream();
        return "gzip".equalsIgnoreCase(encoding) || "x-gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(in, 65536) : in;
    }
}
