package io.slipway.platform.router;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The router alone in a Jetty server on a free loopback port, in front of a servlet context as {@link RouterConfiguration} puts it. */
final class RouterServer implements AutoCloseable {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final RoutingTable table;
    final TrafficRecorder traffic;
    final Admission admission;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Server server;
    private final int port;

    RouterServer(RouterProperties properties, ColdStarts coldStarts) throws Exception {
        table = new RoutingTable(properties.defaultMaxConcurrency());
        traffic = new TrafficRecorder(registry, System::nanoTime, Clock.systemUTC());
        admission = new Admission(table, properties, () -> coldStarts);
        AppProxy proxy = new AppProxy(table, admission, traffic, properties, () -> InvokeGuard.OPEN);
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp)
                    throws java.io.IOException {
                resp.getWriter().write("platform");
            }
        }), "/");
        AppRouting routing = new AppRouting(properties.domain(), proxy);
        routing.setHandler(context);
        server.setHandler(routing);
        server.start();
        port = connector.getLocalPort();
    }

    RouterServer(RouterProperties properties) throws Exception {
        this(properties, ColdStarts.NONE);
    }

    static RouterProperties properties(Duration timeout, int queueSize, Duration maxQueueWait, Duration coldStartWait) {
        return new RouterProperties("localhost", timeout, queueSize, maxQueueWait, coldStartWait, 8,
                Duration.ofSeconds(1), 64);
    }

    int port() {
        return port;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        server.stop();
        admission.close();
    }
}
