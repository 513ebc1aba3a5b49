package io.slipway.platform.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Telling the process that listens on a port from one that merely could. */
class PortOwnerTests {

    @Test
    void processListeningOnPortOwnsIt() throws IOException {
        try (ServerSocket socket = listen()) {
            assertThat(PortOwner.listens(ProcessHandle.current().pid(), socket.getLocalPort())).isTrue();
        }
    }

    @Test
    void anotherProcessDoesNotOwnPortSomeoneElseListensOn() throws Exception {
        Process other = new ProcessBuilder("sleep", "30").start();
        try (ServerSocket socket = listen()) {
            assertThat(PortOwner.listens(other.pid(), socket.getLocalPort())).isFalse();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void nobodyOwnsClosedPort() throws IOException {
        int port;
        try (ServerSocket socket = listen()) {
            port = socket.getLocalPort();
        }

        assertThat(PortOwner.listens(ProcessHandle.current().pid(), port)).isFalse();
    }

    private static ServerSocket listen() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress("127.0.0.1", 0));
        return socket;
    }
}
