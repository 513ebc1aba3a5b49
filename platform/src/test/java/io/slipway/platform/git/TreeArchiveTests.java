package io.slipway.platform.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.buildpacks.bundle.BundleArchive;
import io.slipway.buildpacks.bundle.BundleException;
import io.slipway.buildpacks.bundle.ExtractedBundle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A commit's tree as a bundle: files, folders, modes and links as git has them; submodules refused. */
class TreeArchiveTests {

    @TempDir
    Path work;

    @Test
    void treeBecomesTheSameFilesWithTheirModesAndLinks() throws Exception {
        GitClient git = new GitClient(work.resolve("home"));
        Path dir = Files.createDirectories(work.resolve("repo/model/deep"));
        Files.writeString(dir.getParent().getParent().resolve("slipway.yaml"), "name: x\n");
        Files.writeString(dir.resolve("weights.bin"), "w".repeat(100_000));
        Path script = Files.writeString(dir.getParent().resolve("run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(dir.getParent().resolve("latest.bin"), Path.of("deep/weights.bin"));
        Path repo = work.resolve("repo");
        git.ok(repo, "init", "-q", "-b", "main");
        git.ok(repo, "add", "-A");
        git.ok(repo, "commit", "-q", "-m", "files");

        ExtractedBundle bundle;
        try (Repository repository = open(repo); InputStream tar = TreeArchive.of(repository, head(repository))) {
            bundle = BundleArchive.extract(tar, work.resolve("out"));
        }

        Path out = bundle.root();
        assertThat(out.resolve("slipway.yaml")).hasContent("name: x");
        assertThat(out.resolve("model/deep/weights.bin")).hasSameBinaryContentAs(dir.resolve("weights.bin"));
        assertThat(Files.isExecutable(out.resolve("model/run.sh"))).isTrue();
        assertThat(Files.isExecutable(out.resolve("model/deep/weights.bin"))).isFalse();
        assertThat(out.resolve("model/latest.bin")).hasSameBinaryContentAs(dir.resolve("weights.bin"));
        assertThat(bundle.files()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void submoduleEndsTheStreamWithItsPath() throws Exception {
        GitClient git = new GitClient(work.resolve("home"));
        Path repo = Files.createDirectories(work.resolve("repo"));
        Files.writeString(repo.resolve("slipway.yaml"), "name: x\n");
        git.ok(repo, "init", "-q", "-b", "main");
        git.ok(repo, "add", "-A");
        git.ok(repo, "update-index", "--add", "--cacheinfo", "160000,1234567890123456789012345678901234567890,vendor/lib");
        git.ok(repo, "commit", "-q", "-m", "with a submodule");

        try (Repository repository = open(repo); TreeArchive tar = TreeArchive.of(repository, head(repository))) {
            assertThatThrownBy(() -> BundleArchive.extract(tar, work.resolve("out"))).isInstanceOf(BundleException.class);
            assertThat(tar.failure()).hasValueSatisfying(e -> assertThat(e).hasMessage(
                    "vendor/lib: is a submodule; a bundle holds its files themselves"));
        }
    }

    static Repository open(Path repo) throws IOException {
        return new FileRepositoryBuilder().setGitDir(repo.resolve(".git").toFile()).setMustExist(true).build();
    }

    static ObjectId head(Repository repository) throws IOException {
        return repository.resolve("HEAD");
    }
}
