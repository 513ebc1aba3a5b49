package io.slipway.platform.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A pushed commit's tree as a tar stream, the same bundle an upload would be: written by a
 * thread through a pipe while the bundle store reads it, so a big model is never held whole in
 * memory nor written twice. What the tree cannot be as a bundle (a submodule) ends the stream
 * with an error.
 */
final class TreeArchive extends InputStream {

    private static final int PIPE_BYTES = 1 << 20;

    private final PipedInputStream pipe;
    private volatile Exception failure;

    private TreeArchive(PipedInputStream pipe) {
        this.pipe = pipe;
    }

    /** Starts writing the tree of {@code commit}; the caller reads and closes the stream. */
    static TreeArchive of(Repository repository, ObjectId commit) throws IOException {
        PipedInputStream in = new PipedInputStream(PIPE_BYTES);
        PipedOutputStream out = new PipedOutputStream(in);
        TreeArchive archive = new TreeArchive(in);
        Thread writer = new Thread(() -> {
            try {
                write(repository, commit, out);
            } catch (Exception e) {
                archive.failure = e; // before the reader can see the end of the stream
            } finally {
                try {
                    out.close();
                } catch (IOException readerGone) {
                    // nothing left to tell it
                }
            }
        }, "git-tree-archive");
        writer.setDaemon(true);
        writer.start();
        return archive;
    }

    private static void write(Repository repository, ObjectId commitId, OutputStream out) throws IOException {
        try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader();
                TreeWalk tree = new TreeWalk(repository, reader)) {
            RevCommit commit = walk.parseCommit(commitId);
            Date time = Date.from(commit.getCommitterIdent().getWhenAsInstant());
            TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                String path = tree.getPathString();
                FileMode mode = tree.getFileMode(0);
                if (mode == FileMode.GITLINK) {
                    throw new IOException(path + ": is a submodule; a bundle holds its files themselves");
                }
                ObjectLoader blob = reader.open(tree.getObjectId(0));
                TarArchiveEntry entry;
                if (mode == FileMode.SYMLINK) {
                    entry = new TarArchiveEntry(path, TarConstants.LF_SYMLINK);
                    entry.setLinkName(new String(blob.getCachedBytes(), StandardCharsets.UTF_8));
                } else {
                    entry = new TarArchiveEntry(path);
                    entry.setSize(blob.getSize());
                    entry.setMode(mode == FileMode.EXECUTABLE_FILE ? 0100755 : 0100644);
                }
                entry.setModTime(time);
                tar.putArchiveEntry(entry);
                if (mode != FileMode.SYMLINK) {
                    blob.copyTo(tar);
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    @Override
    public int read() throws IOException {
        int read = pipe.read();
        return read < 0 ? end() : read;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = pipe.read(buffer, offset, length);
        return read < 0 ? end() : read;
    }

    /** Why the tree could not be written as a bundle, if it could not. */
    java.util.Optional<Exception> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    private int end() throws IOException {
        if (failure != null) {
            throw new IOException(failure.getMessage(), failure);
        }
        return -1;
    }

    @Override
    public void close() {
        try {
            pipe.close();
        } catch (IOException cannot) {
            // a pipe's close does not fail
        }
    }
}
