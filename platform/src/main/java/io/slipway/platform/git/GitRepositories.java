package io.slipway.platform.git;

import io.slipway.platform.app.AppService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The bare repositories, one per app at {@code {root}/{app}.git}, created on the first push
 * with {@code HEAD} on {@code refs/heads/main}. Pushes to one app run one at a time.
 */
public final class GitRepositories {

    /** The branch that deploys. */
    static final String MAIN = "refs/heads/main";

    private final Path root;
    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public GitRepositories(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the git repositories' folder " + this.root, e);
        }
    }

    /** The folder of an app's repository; the name is checked the way the API checks it. */
    public Path directoryOf(String app) {
        AppService.checkName(app);
        Path directory = root.resolve(app + ".git").normalize();
        if (!directory.getParent().equals(root)) {
            throw new IllegalArgumentException("app '" + app + "' resolves outside " + root);
        }
        return directory;
    }

    /** The app's repository, if it was pushed to before. The caller closes it. */
    public Optional<Repository> open(String app) {
        Path directory = directoryOf(app);
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FileRepositoryBuilder().setGitDir(directory.toFile()).setMustExist(true).build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the repository of app '" + app + "'", e);
        }
    }

    /** The app's repository, made empty (HEAD on main) when it does not exist yet. The caller closes it. */
    public Repository openOrCreate(String app) {
        ReentrantLock lock = lockOf(app);
        lock.lock();
        try {
            Optional<Repository> existing = open(app);
            if (existing.isPresent()) {
                return existing.get();
            }
            try (Git git = Git.init().setBare(true).setInitialBranch("main").setDirectory(directoryOf(app).toFile())
                    .call()) {
                return open(app).orElseThrow();
            }
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot create the repository of app '" + app + "': " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes an app's repository (the app was deleted). It takes no push lock: app deletion holds
     * the app's rollout lock, which a push in progress waits for.
     */
    public void delete(String app) {
        try (Stream<Path> walk = Files.walk(directoryOf(app))) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.nio.file.NoSuchFileException none) {
            // never pushed to
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the repository of app '" + app + "'", e);
        }
    }

    /** The lock a push holds from checking the ref to moving it. */
    ReentrantLock lockOf(String app) {
        return locks.computeIfAbsent(app, name -> new ReentrantLock());
    }
}
