package io.slipway.platform.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The router over real sockets: a standalone Jetty with the proxy in front of tiny local instances. */
class AppProxyTests {

    private final List<AutoCloseable> closing = new ArrayList<>();
    private final ExecutorService clients = Executors.newCachedThreadPool();

    @AfterEach
    void close() throws Exception {
        clients.shutdownNow();
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closing.add(closeable);
        return closeable;
    }

    private RouterServer router() throws Exception {
        return closing(new RouterServer(RouterServer.properties(Duration.ofSeconds(60), 100, Duration.ofSeconds(30),
                Duration.ofMillis(300))));
    }

    private FakeInstance instance(String name, long delayMillis) throws Exception {
        return closing(new FakeInstance(name, delayMillis));
    }

    private Future<HttpResponse<String>> async(RouterServer router, String path) {
        return clients.submit(() -> router.get(path));
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(condition.getAsBoolean()).as("condition within 10s").isTrue();
    }

    @Test
    void pathRoutingForwardsWithForwardedHeadersAndARequestId() throws Exception {
        RouterServer router = router();
        FakeInstance a = instance("a", 0);
        router.table.set("iris", List.of(a.target()));

        HttpResponse<String> answer = router.get("/apps/iris/v2/models/iris?x=1");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("a /v2/models/iris?x=1 0");
        var seen = a.headers.get(0);
        assertThat(seen.get("X-forwarded-for")).containsExactly("127.0.0.1");
        assertThat(seen.get("X-forwarded-proto")).containsExactly("http");
        assertThat(seen.get("X-forwarded-host")).containsExactly("127.0.0.1:" + router.port());
        assertThat(seen.get("X-forwarded-port")).containsExactly(Integer.toString(router.port()));
        String id = answer.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(seen.get("X-request-id")).containsExactly(id);
        assertThat(answer.headers().allValues("Date")).as("the router's Date, not the instance's too").hasSize(1);
    }

    @Test
    void saneClientRequestIdIsKeptAndEchoedOtherwiseReplaced() throws Exception {
        RouterServer router = router();
        FakeInstance a = instance("a", 0);
        router.table.set("iris", List.of(a.target()));
        URI uri = URI.create("http://127.0.0.1:" + router.port() + "/apps/iris/x");

        HttpResponse<String> kept = router.send(HttpRequest.newBuilder(uri).header("X-Request-Id", "client-42"));
        HttpResponse<String> replaced = router.send(HttpRequest.newBuilder(uri).header("X-Request-Id", "no spaces <allowed>"));

        assertThat(kept.headers().allValues("X-Request-Id")).containsExactly("client-42");
        assertThat(a.headers.get(0).get("X-request-id")).containsExactly("client-42");
        assertThat(replaced.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");
    }

    @Test
    void hostRoutingServesAppSubdomainsAndLeavesOtherHostsToThePlatform() throws Exception {
        RouterServer router = router();
        FakeInstance a = instance("a", 0);
        router.table.set("iris", List.of(a.target()));

        String app = RawHttp.get(router.port(), "iris.localhost:" + router.port(), "/v2/health/ready?q=2");
        String platform = RawHttp.get(router.port(), "localhost:" + router.port(), "/v2/health/ready");
        String unknown = RawHttp.get(router.port(), "nope.localhost", "/v2");

        assertThat(app).startsWith("HTTP/1.1 200").endsWith("a /v2/health/ready?q=2 0");
        assertThat(a.headers.get(0).get("X-forwarded-host")).containsExactly("iris.localhost:" + router.port());
        assertThat(platform).startsWith("HTTP/1.1 200").endsWith("platform");
        assertThat(unknown).startsWith("HTTP/1.1 503").contains("application/problem+json");
    }

    @Test
    void requestsGoToTheLeastLoadedInstance() throws Exception {
        RouterServer router = router();
        FakeInstance a = instance("a", 400);
        FakeInstance b = instance("b", 400);
        router.table.set("iris", List.of(a.target(), b.target()));

        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(async(router, "/apps/iris/infer"));
        }
        for (Future<HttpResponse<String>> answer : answers) {
            assertThat(answer.get().statusCode()).isEqualTo(200);
        }

        assertThat(a.requests.get()).isEqualTo(4);
        assertThat(b.requests.get()).isEqualTo(4);
    }

    @Test
    void aboveTheConcurrencyLimitRequestsQueueAndAreThenServed() throws Exception {
        RouterServer router = router();
        FakeInstance a = instance("a", 300);
        router.table.set("iris", List.of(a.target()), 2);

        long start = System.nanoTime();
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(async(router, "/apps/iris/infer"));
        }
        for (Future<HttpResponse<String>> answer : answers) {
            assertThat(answer.get().statusCode()).isEqualTo(200);
        }

        assertThat(a.maxInFlight.get()).isEqualTo(2);
        assertThat(a.requests.get()).isEqualTo(6);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(850));
    }

    @Test
    void fullQueueAnswers503WithRetryAfterAndAProblem() throws Exception {
        RouterServer router = closing(new RouterServer(RouterServer.properties(Duration.ofSeconds(10), 1,
                Duration.ofSeconds(10), Duration.ofSeconds(1))));
        FakeInstance a = instance("a", 800);
        router.table.set("iris", List.of(a.target()), 1);

        Future<HttpResponse<String>> first = async(router, "/apps/iris/infer");
        await(() -> a.inFlight.get() == 1);
        Future<HttpResponse<String>> second = async(router, "/apps/iris/infer");
        await(() -> router.admission.queued("iris") == 1);
        HttpResponse<String> third = router.get("/apps/iris/infer");

        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(third.headers().firstValue("Retry-After")).contains("1");
        assertThat(third.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(third.body()).contains("\"status\":503").contains("waiting");
        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(second.get().statusCode()).isEqualTo(200);
    }

    @Test
    void waitingLongerThanTheMaxQueueWaitAnswers503() throws Exception {
        RouterServer router = closing(new RouterServer(RouterServer.properties(Duration.ofSeconds(10), 10,
                Duration.ofMillis(300), Duration.ofSeconds(1))));
        FakeInstance a = instance("a", 2000);
        router.table.set("iris", List.of(a.target()), 1);

        Future<HttpResponse<String>> first = async(router, "/apps/iris/infer");
        await(() -> a.inFlight.get() == 1);
        long start = System.nanoTime();
        HttpResponse<String> second = router.get("/apps/iris/infer");

        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(second.headers().firstValue("Retry-After")).isPresent();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofMillis(1500));
        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(a.requests.get()).isEqualTo(1);
    }

    @Test
    void anInstanceSlowerThanTheRouteTimeoutGives504() throws Exception {
        RouterServer router = closing(new RouterServer(RouterServer.properties(Duration.ofMillis(300), 10,
                Duration.ofSeconds(5), Duration.ofSeconds(1))));
        FakeInstance a = instance("a", 2000);
        router.table.set("iris", List.of(a.target()));

        HttpResponse<String> answer = router.get("/apps/iris/infer");

        assertThat(answer.statusCode()).isEqualTo(504);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"status\":504");
        await(() -> router.table.inFlight("a") == 0);
    }

    @Test
    void aRefusedConnectionIsRetriedOnALiveInstance() throws Exception {
        RouterServer router = router();
        FakeInstance live = instance("live", 0);
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        router.table.set("iris", List.of(new RoutingTable.Target("dead", deadPort), live.target()));
        URI uri = URI.create("http://127.0.0.1:" + router.port() + "/apps/iris/infer");

        for (int i = 0; i < 10; i++) {
            HttpResponse<String> answer = router.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":[1,2,3]}")));
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("live /infer 18");
        }
        assertThat(live.requests.get()).isEqualTo(10);
        assertThat(router.table.inFlight("dead")).isZero();
        assertThat(router.table.inFlight("live")).isZero();
    }

    @Test
    void aRequestAnInstanceSawBeforeDyingIsNotSentAgain() throws Exception {
        RouterServer router = router();
        FakeInstance live = instance("live", 0);
        RawHttp.DyingInstance dying = closing(new RawHttp.DyingInstance());
        router.table.set("iris", List.of(new RoutingTable.Target("dying", dying.port()), live.target()));
        router.table.started(live.target()); // busier, so the dying one is chosen
        URI uri = URI.create("http://127.0.0.1:" + router.port() + "/apps/iris/infer");

        HttpResponse<String> answer = router.send(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":[1]}")));

        assertThat(answer.statusCode()).isIn(502, 503);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(dying.requests.get()).isEqualTo(1);
        assertThat(live.requests.get()).isZero();
    }

    @Test
    void aRemovedInstanceFinishesItsRequestsAndGetsNoNewOnes() throws Exception {
        RouterServer router = router();
        FakeInstance old = instance("old", 800);
        FakeInstance next = instance("next", 0);
        router.table.set("iris", List.of(old.target()));

        Future<HttpResponse<String>> inFlight = async(router, "/apps/iris/slow");
        await(() -> old.inFlight.get() == 1);
        router.table.set("iris", List.of(next.target()));
        assertThat(router.table.inFlight("old")).isEqualTo(1);
        for (int i = 0; i < 5; i++) {
            assertThat(router.get("/apps/iris/fast").body()).startsWith("next ");
        }

        assertThat(inFlight.get().statusCode()).isEqualTo(200);
        assertThat(inFlight.get().body()).startsWith("old ");
        assertThat(old.requests.get()).isEqualTo(1);
        await(() -> router.table.inFlight("old") == 0);
    }

    @Test
    void aRequestToAnAppWithoutInstancesWakesItAndIsForwardedOnceOneIsReady() throws Exception {
        FakeInstance a = instance("a", 0);
        List<String> woken = new java.util.concurrent.CopyOnWriteArrayList<>();
        RoutingTable[] table = new RoutingTable[1];
        ColdStarts coldStarts = app -> {
            woken.add(app);
            CompletableFuture.delayedExecutor(400, java.util.concurrent.TimeUnit.MILLISECONDS)
                    .execute(() -> table[0].set(app, List.of(a.target())));
        };
        RouterServer router = closing(new RouterServer(RouterProperties.defaults(), coldStarts));
        table[0] = router.table;

        long start = System.nanoTime();
        HttpResponse<String> answer = router.get("/apps/iris/v2/models/iris/infer");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).startsWith("a /v2/models/iris/infer");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
        assertThat(woken).containsExactly("iris");
    }

    @Test
    void aColdStartThatTakesTooLongAnswers503WithRetryAfter() throws Exception {
        RouterServer router = closing(new RouterServer(RouterServer.properties(Duration.ofSeconds(10), 10,
                Duration.ofSeconds(5), Duration.ofMillis(300))));

        HttpResponse<String> answer = router.get("/apps/iris/infer");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).contains("1");
        assertThat(answer.body()).contains("no ready instance");
    }

    @Test
    void trafficIsRecordedPerAppInHistoryAndMeters() throws Exception {
        RouterServer router = router();
        FakeInstance a = instance("a", 20);
        router.table.set("iris", List.of(a.target()));

        for (int i = 0; i < 5; i++) {
            router.get("/apps/iris/infer");
        }
        router.get("/apps/ghost/infer");

        assertThat(router.traffic.requestsPerSecond("iris", Duration.ofSeconds(10))).isGreaterThan(0);
        assertThat(router.traffic.averageConcurrency("iris", Duration.ofSeconds(10))).isGreaterThan(0);
        assertThat(router.traffic.lastRequestAt("iris")).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(5000L));
        assertThat(router.traffic.inFlight("iris")).isZero();
        assertThat(router.registry.get("slipway.router.requests").tag("app", "iris").tag("status", "200").counter().count())
                .isEqualTo(5);
        assertThat(router.registry.get("slipway.router.requests").tag("app", "ghost").tag("status", "503").counter().count())
                .isEqualTo(1);
        assertThat(router.registry.get("slipway.router.latency").tag("app", "iris").timer().count()).isEqualTo(5);
    }
}
