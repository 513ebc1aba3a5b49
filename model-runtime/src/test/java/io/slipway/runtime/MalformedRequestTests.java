package io.slipway.runtime;

import static io.slipway.runtime.TestRuntimes.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.runtime.tensor.DataType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad request gets a 4xx with {@code {"error": ...}} naming what is wrong, and the
 * server keeps serving: each case is followed by a good request that must succeed.
 */
class MalformedRequestTests {

    static final String GOOD = """
            {"inputs": [{"name": "x", "datatype": "FP32", "shape": [2, 4], "data": [[1, 2, 3, 4], [5, 6, 7, 8]]},
                        {"name": "k", "datatype": "INT32", "shape": [2], "data": [1, 2]}]}""";

    static ModelRuntime runtime;
    static Http http;

    @BeforeAll
    static void start() {
        runtime = TestRuntimes.echo(List.of(input("x", DataType.FP32, -1, 4), input("k", DataType.INT32, -1)),
                Duration.ZERO, new io.slipway.buildpacks.manifest.ServingSpec(
                        new io.slipway.buildpacks.manifest.Batching(8, 2), 1, 8, 8, Duration.ofSeconds(5), 4096));
        http = new Http(runtime.port());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @AfterEach
    void goodRequestStillSucceeds() {
        Http.Answer answer = http.postJson("/v2/models/echo/infer", GOOD);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().path("outputs").get(0).path("data").toString())
                .isEqualTo("[1.0,2.0,3.0,4.0,5.0,6.0,7.0,8.0]");
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"inputs\": [", 400, "malformed JSON"),
                Arguments.of("trailing garbage", GOOD + " }", 400, "malformed JSON"),
                Arguments.of("not an object", "[1, 2, 3]", 400, "must be a JSON object, got array"),
                Arguments.of("empty body", "", 400, "body is empty"),
                Arguments.of("no inputs", "{}", 400, "'inputs' must be a non-empty array"),
                Arguments.of("unknown top-level field", "{\"inputs\": [], \"input\": 1}", 400, "unknown field 'input'"),
                Arguments.of("missing input", GOOD.replaceAll(",\\s*\\{\"name\": \"k\".*\\]\\}\\]\\}", "]}"), 400,
                        "missing input 'k'"),
                Arguments.of("extra input", GOOD.replace("]}]}", "]}, {\"name\": \"z\", \"datatype\": \"FP32\", \"shape\": [1], \"data\": [1]}]}"),
                        400, "unknown input 'z'; the model takes [x FP32 [-1,4], k INT32 [-1]]"),
                Arguments.of("input twice", GOOD.replace("]}]}", "]}, {\"name\": \"k\", \"datatype\": \"INT32\", \"shape\": [2], \"data\": [1, 2]}]}"),
                        400, "input 'k' is given twice"),
                Arguments.of("wrong datatype", GOOD.replace("\"FP32\"", "\"FP64\""), 400,
                        "input 'x': datatype FP64 does not match the model's FP32"),
                Arguments.of("unknown datatype", GOOD.replace("\"FP32\"", "\"FLOAT\""), 400,
                        "input 'x': unknown datatype \"FLOAT\""),
                Arguments.of("shape against the model", GOOD.replace("[2, 4]", "[4, 2]").replace("[[1, 2, 3, 4], [5, 6, 7, 8]]", "[1,2,3,4,5,6,7,8]"),
                        400, "input 'x': shape [4,2] does not match the model's [-1,4]"),
                Arguments.of("shape against the data", GOOD.replace("[2, 4]", "[3, 4]").replace("[2]", "[3]").replace("[1, 2]}", "[1, 2, 3]}"),
                        400, "input 'x': shape [3,4] needs 12 values, but data has 8"),
                Arguments.of("negative shape", GOOD.replace("[2, 4]", "[-2, 4]"), 400, "shape[0] must be a non-negative integer"),
                Arguments.of("non-numeric data", GOOD.replace("[5, 6, 7, 8]", "[5, \"six\", 7, 8]"), 400,
                        "input 'x': data[5]: expected a number, got \"six\""),
                Arguments.of("float for an integer", GOOD.replace("\"data\": [1, 2]", "\"data\": [1.5, 2]"), 400,
                        "input 'k': data[0]: expected an integer, got 1.5"),
                Arguments.of("integer out of range", GOOD.replace("\"data\": [1, 2]", "\"data\": [1, 3000000000]"), 400,
                        "input 'k': data[1]: value out of range for INT32"),
                Arguments.of("object inside data", GOOD.replace("[5, 6, 7, 8]", "[5, {\"a\": 1}, 7, 8]"), 400,
                        "input 'x': data[5]: expected a value, got an object"),
                Arguments.of("batch sizes disagree", GOOD.replace("\"shape\": [2], \"data\": [1, 2]", "\"shape\": [1], \"data\": [1]"),
                        400, "inputs disagree on the batch size"),
                Arguments.of("missing data", GOOD.replace(", \"data\": [1, 2]", ""), 400, "input 'k': 'data' is missing"),
                Arguments.of("name not a string", GOOD.replace("\"name\": \"k\"", "\"name\": 7"), 400,
                        "inputs[1]: 'name' must be a non-empty string"),
                Arguments.of("unknown output", GOOD.replace("{\"inputs\"", "{\"outputs\": [{\"name\": \"nope\"}], \"inputs\""), 400,
                        "unknown output 'nope'"),
                Arguments.of("id not a string", GOOD.replace("{\"inputs\"", "{\"id\": 5, \"inputs\""), 400, "'id' must be a string"),
                Arguments.of("duplicate key", GOOD.replace("{\"inputs\"", "{\"id\": \"a\", \"id\": \"b\", \"inputs\""), 400,
                        "Duplicate field 'id'"),
                Arguments.of("nesting bomb", "{\"inputs\": " + "[".repeat(200) + "]".repeat(200) + "}", 400, "nesting depth"),
                Arguments.of("oversized body", "{\"inputs\": [" + " ".repeat(5000) + "]}", 413, "larger than the limit of 4096 bytes"),
                Arguments.of("huge shape", GOOD.replace("[2, 4]", "[9223372036854775807, 4]"), 400, "input 'x': shape"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badBodyIsRefusedWithAReason(String kind, String body, int status, String reason) {
        Http.Answer answer = http.postJson("/v2/models/echo/infer", body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.error()).contains(reason);
    }

    @Test
    void wrongContentTypeIs415() {
        Http.Answer answer = http.post("/v2/models/echo/infer", GOOD.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/plain");
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.error()).contains("Content-Type text/plain is not supported");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        Http.Answer answer = http.get("/v2/models/echo/infer");
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Allow")).hasValue("POST");
        assertThat(answer.error()).contains("GET is not allowed");
    }

    @Test
    void unknownPathIs404() {
        Http.Answer answer = http.get("/v1/models/echo:predict");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.error()).contains("no endpoint GET /v1/models/echo:predict");
    }

    @Test
    void badBinaryHeaderLengthIs400() {
        Http.Answer answer = http.post("/v2/models/echo/infer", GOOD.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/octet-stream", "Inference-Header-Content-Length", "99999");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).contains("larger than the body");
    }

    @Test
    void binarySizeBeyondTheBodyIs400() {
        String header = GOOD.replace("\"data\": [1, 2]", "\"parameters\": {\"binary_data_size\": 800}");
        byte[] body = header.getBytes(StandardCharsets.UTF_8);
        Http.Answer answer = http.post("/v2/models/echo/infer", body,
                "Content-Type", "application/octet-stream", "Inference-Header-Content-Length", Integer.toString(body.length));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).contains("input 'k': binary_data_size 800 is more than the 0 bytes");
    }

    @Test
    void predictWithRaggedInstancesIs400() {
        Http.Answer answer = http.postJson("/predict", "{\"instances\": [{\"x\": [1,2,3,4], \"k\": 1}, {\"x\": [1,2,3], \"k\": 2}]}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).contains("instances[1]: input 'x' has shape [3] but each instance must be [4]");
    }

    @Test
    void predictWithoutInstancesIs400() {
        Http.Answer answer = http.postJson("/predict", "{\"inputs\": []}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).contains("unknown field 'inputs'");
    }

    @Test
    void slowClientThatNeverFinishesItsBodyDoesNotWedgeTheServer() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", runtime.port())) {
            socket.getOutputStream().write(("POST /v2/models/echo/infer HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"inputs\"").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            // The half-sent request holds one place; others are served meanwhile (checked after each test).
            Http.Answer other = http.get("/v2/health/ready");
            assertThat(other.status()).isEqualTo(200);
        }
    }

    @Test
    void invalidHttpIsAnsweredAndForgotten() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", runtime.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GARBAGE\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            byte[] reply = socket.getInputStream().readNBytes(12);
            assertThat(new String(reply, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", runtime.port())) {
            socket.setSoTimeout(5000);
            var out = socket.getOutputStream();
            out.write(("POST /v2/models/echo/infer HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(("1388\r\n" + " ".repeat(5000) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 413");
        }
    }
}
