package io.slipway.platform.runtime.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether a given process listens on a port. Something answering on the port is not enough: in
 * the moment between choosing a free port and the child binding it, another process may take it.
 * On Linux the answer comes from {@code /proc} (the process's socket inodes against the listening
 * sockets); elsewhere it falls back to whether anything accepts connections there.
 */
final class PortOwner {

    private static final String LISTEN = "0A";

    private PortOwner() {
    }

    static boolean listens(long pid, int port) {
        Path proc = Path.of("/proc", Long.toString(pid));
        Set<String> sockets;
        try {
            sockets = socketInodes(proc.resolve("fd"));
        } catch (IOException e) {
            return accepts(port);
        }
        return listening(proc.resolve("net/tcp"), port, sockets) || listening(proc.resolve("net/tcp6"), port, sockets);
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 250);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Set<String> socketInodes(Path fdDir) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(fdDir)) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed while we looked
                }
            }
        }
        return inodes;
    }

    /** Lines of {@code /proc/net/tcp}: "sl local_address rem_address st ... uid timeout inode ...". */
    private static boolean listening(Path table, int port, Set<String> sockets) {
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException e) {
            return false;
        }
        String portHex = String.format(":%04X", port);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 9 && fields[1].endsWith(portHex) && fields[3].equals(LISTEN)
                    && sockets.contains(fields[9])) {
                return true;
            }
        }
        return false;
    }
}
