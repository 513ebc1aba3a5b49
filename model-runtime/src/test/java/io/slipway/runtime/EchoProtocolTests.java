package io.slipway.runtime;

import static io.slipway.runtime.TestRuntimes.input;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.runtime.tensor.DataType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole Open Inference Protocol surface over a real socket, with the echo model. */
class EchoProtocolTests {

    static ModelRuntime runtime;
    static Http http;

    @BeforeAll
    static void start() {
        runtime = TestRuntimes.echo(List.of(
                        input("b", DataType.BOOL, -1, 2),
                        input("u8", DataType.UINT8, -1, 2),
                        input("u16", DataType.UINT16, -1, 2),
                        input("u32", DataType.UINT32, -1, 2),
                        input("u64", DataType.UINT64, -1, 2),
                        input("i8", DataType.INT8, -1, 2),
                        input("i16", DataType.INT16, -1, 2),
                        input("i32", DataType.INT32, -1, 2),
                        input("i64", DataType.INT64, -1, 2),
                        input("f16", DataType.FP16, -1, 2),
                        input("f32", DataType.FP32, -1, 2),
                        input("f64", DataType.FP64, -1, 2),
                        input("s", DataType.BYTES, -1, 2)),
                Duration.ZERO, TestRuntimes.serving(null, 8, 16, Duration.ofSeconds(10)));
        http = new Http(runtime.port());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    static final String ALL_TYPES = """
            {"id": "req-42", "inputs": [
              {"name": "b", "datatype": "BOOL", "shape": [1, 2], "data": [[true, false]]},
              {"name": "u8", "datatype": "UINT8", "shape": [1, 2], "data": [0, 255]},
              {"name": "u16", "datatype": "UINT16", "shape": [1, 2], "data": [0, 65535]},
              {"name": "u32", "datatype": "UINT32", "shape": [1, 2], "data": [0, 4294967295]},
              {"name": "u64", "datatype": "UINT64", "shape": [1, 2], "data": [0, 18446744073709551615]},
              {"name": "i8", "datatype": "INT8", "shape": [1, 2], "data": [-128, 127]},
              {"name": "i16", "datatype": "INT16", "shape": [1, 2], "data": [-32768, 32767]},
              {"name": "i32", "datatype": "INT32", "shape": [1, 2], "data": [-2147483648, 2147483647]},
              {"name": "i64", "datatype": "INT64", "shape": [1, 2], "data": [-9223372036854775808, 9223372036854775807]},
              {"name": "f16", "datatype": "FP16", "shape": [1, 2], "data": [1.5, -65504.0]},
              {"name": "f32", "datatype": "FP32", "shape": [1, 2], "data": [[3.25, -1.0e-3]]},
              {"name": "f64", "datatype": "FP64", "shape": [1, 2], "data": [2.718281828459045, -1.0e300]},
              {"name": "s", "datatype": "BYTES", "shape": [1, 2], "data": ["héllo", ""]}
            ]}""";

    @Test
    void inferRoundTripsEveryDatatypeAndEchoesId() {
        Http.Answer answer = http.postJson("/v2/models/echo/infer", ALL_TYPES);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.path("id").asText()).isEqualTo("req-42");
        assertThat(body.path("model_name").asText()).isEqualTo("echo");
        assertThat(body.path("outputs")).hasSize(13);
        assertThat(output(body, "b").toString()).isEqualTo("[true,false]");
        assertThat(output(body, "u8").toString()).isEqualTo("[0,255]");
        assertThat(output(body, "u16").toString()).isEqualTo("[0,65535]");
        assertThat(output(body, "u32").toString()).isEqualTo("[0,4294967295]");
        assertThat(output(body, "u64").toString()).isEqualTo("[0,18446744073709551615]");
        assertThat(output(body, "i8").toString()).isEqualTo("[-128,127]");
        assertThat(output(body, "i16").toString()).isEqualTo("[-32768,32767]");
        assertThat(output(body, "i32").toString()).isEqualTo("[-2147483648,2147483647]");
        assertThat(output(body, "i64").toString()).isEqualTo("[-9223372036854775808,9223372036854775807]");
        assertThat(output(body, "f16").toString()).isEqualTo("[1.5,-65504.0]");
        assertThat(output(body, "f32").get(0).floatValue()).isEqualTo(3.25f);
        assertThat(output(body, "f32").get(1).floatValue()).isEqualTo(-1.0e-3f);
        assertThat(output(body, "f64").toString()).isEqualTo("[2.718281828459045,-1.0E300]");
        assertThat(output(body, "s").toString()).isEqualTo("[\"héllo\",\"\"]");
        JsonNode f32 = find(body, "f32");
        assertThat(f32.path("datatype").asText()).isEqualTo("FP32");
        assertThat(f32.path("shape").toString()).isEqualTo("[1,2]");
    }

    @Test
    void inferHonoursOutputSelection() {
        String request = ALL_TYPES.replace("\"id\": \"req-42\",", "\"outputs\": [{\"name\": \"i32\"}, {\"name\": \"s\"}],");
        JsonNode body = http.postJson("/v2/models/echo/infer", request).json();
        assertThat(body.path("outputs")).extracting(o -> o.path("name").asText()).containsExactly("i32", "s");
        assertThat(body.has("id")).isFalse();
    }

    @Test
    void versionedPathsServeTheSameModel() {
        assertThat(http.postJson("/v2/models/echo/versions/1/infer", ALL_TYPES).status()).isEqualTo(200);
        assertThat(http.get("/v2/models/echo/versions/1").json().path("name").asText()).isEqualTo("echo");
        assertThat(http.get("/v2/models/echo/versions/1/ready").json().path("ready").asBoolean()).isTrue();
        Http.Answer unknownVersion = http.get("/v2/models/echo/versions/7");
        assertThat(unknownVersion.status()).isEqualTo(404);
        assertThat(unknownVersion.error()).contains("no version '7'");
    }

    @Test
    void healthAndServerMetadataAnswer() {
        assertThat(http.get("/v2/health/live").status()).isEqualTo(200);
        assertThat(http.get("/v2/health/ready").status()).isEqualTo(200);
        JsonNode server = http.get("/v2").json();
        assertThat(server.path("name").asText()).isEqualTo("slipway-model-runtime");
        assertThat(server.path("extensions").toString()).contains("binary_tensor_data");
        assertThat(http.get("/v2/models/echo/ready").json().path("ready").asBoolean()).isTrue();
    }

    @Test
    void modelMetadataListsInputsAndOutputs() {
        JsonNode metadata = http.get("/v2/models/echo").json();
        assertThat(metadata.path("platform").asText()).isEqualTo("slipway_echo");
        assertThat(metadata.path("versions").toString()).isEqualTo("[\"1\"]");
        assertThat(metadata.path("inputs")).hasSize(13);
        assertThat(metadata.path("inputs").get(9).toString())
                .isEqualTo("{\"name\":\"f16\",\"datatype\":\"FP16\",\"shape\":[-1,2]}");
        assertThat(metadata.path("outputs")).hasSize(13);
    }

    @Test
    void binaryDataExtensionRoundTripsInputsAndOutputs() throws Exception {
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        ByteBuffer floats = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(1.5f).putFloat(2.5f).putFloat(-3f).putFloat(4f);
        binary.write(floats.array());
        byte[] strings = lengthPrefixed("ab", "xyz", "", "q");
        binary.write(strings);
        String json = ALL_TYPES
                .replace("{\"name\": \"f32\", \"datatype\": \"FP32\", \"shape\": [1, 2], \"data\": [[3.25, -1.0e-3]]}",
                        "{\"name\": \"f32\", \"datatype\": \"FP32\", \"shape\": [2, 2], \"parameters\": {\"binary_data_size\": 16}}")
                .replace("{\"name\": \"s\", \"datatype\": \"BYTES\", \"shape\": [1, 2], \"data\": [\"héllo\", \"\"]}",
                        "{\"name\": \"s\", \"datatype\": \"BYTES\", \"shape\": [2, 2], \"parameters\": {\"binary_data_size\": "
                                + strings.length + "}}")
                .replace("\"id\": \"req-42\",", "\"outputs\": [{\"name\": \"f32\", \"parameters\": {\"binary_data\": true}},"
                        + " {\"name\": \"s\", \"parameters\": {\"binary_data\": true}}],");
        // The other inputs have one row, these two have two: the request must be refused as inconsistent.
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        Http.Answer mismatched = http.post("/v2/models/echo/infer", concat(header, binary.toByteArray()),
                "Content-Type", "application/octet-stream", "Inference-Header-Content-Length", Integer.toString(header.length));
        assertThat(mismatched.status()).isEqualTo(400);
        assertThat(mismatched.error()).contains("batch size");

        String twoRows = json.replaceAll("\"shape\": \\[1, 2\\], \"data\": (\\[\\[?[^\\]]*\\]?\\])",
                "\"shape\": [2, 2], \"data\": [$1, $1]");
        header = twoRows.getBytes(StandardCharsets.UTF_8);
        Http.Answer answer = http.post("/v2/models/echo/infer", concat(header, binary.toByteArray()),
                "Content-Type", "application/octet-stream", "Inference-Header-Content-Length", Integer.toString(header.length));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        int jsonLength = Integer.parseInt(answer.headers().firstValue("Inference-Header-Content-Length").orElseThrow());
        JsonNode body = Http.JSON.readTree(new String(answer.body(), 0, jsonLength, StandardCharsets.UTF_8));
        assertThat(body.path("outputs").get(0).path("parameters").path("binary_data_size").asInt()).isEqualTo(16);
        assertThat(body.path("outputs").get(1).path("parameters").path("binary_data_size").asInt()).isEqualTo(strings.length);
        byte[] rest = java.util.Arrays.copyOfRange(answer.body(), jsonLength, answer.body().length);
        assertThat(rest).isEqualTo(binary.toByteArray());
    }

    @ParameterizedTest
    @CsvSource({"/v2/models/nope, GET", "/v2/models/nope/ready, GET", "/v2/models/nope/infer, POST"})
    void unknownModelIs404NamingTheServedModel(String path, String method) {
        Http.Answer answer = method.equals("GET") ? http.get(path) : http.postJson(path, ALL_TYPES);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.error()).isEqualTo("model 'nope' not found; this server serves 'echo'");
    }

    @Test
    void predictReturnsOneRowPerInstance() {
        ModelRuntime single = TestRuntimes.echo(List.of(input("x", DataType.FP32, -1, 3)), Duration.ZERO,
                TestRuntimes.serving(null, 4, 4, Duration.ofSeconds(5)));
        try (single) {
            Http client = new Http(single.port());
            Http.Answer answer = client.postJson("/predict", "{\"instances\": [[1, 2, 3], [4.5, 5, 6]]}");
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.json().path("predictions").toString()).isEqualTo("[[1.0,2.0,3.0],[4.5,5.0,6.0]]");
            Http.Answer named = client.postJson("/predict", "{\"instances\": [{\"x\": [7, 8, 9]}]}");
            assertThat(named.json().path("predictions").toString()).isEqualTo("[[7.0,8.0,9.0]]");
        }
    }

    @Test
    void metricsCountRequestsByStatusAndExposeQueueAndBatches() {
        http.postJson("/v2/models/echo/infer", ALL_TYPES);
        http.postJson("/v2/models/echo/infer", "{");
        String metrics = http.get("/metrics").text();
        assertThat(metrics).containsPattern("slipway_runtime_requests_total\\{code=\"200\",endpoint=\"infer\"} [1-9]");
        assertThat(metrics).containsPattern("slipway_runtime_requests_total\\{code=\"400\",endpoint=\"infer\"} [1-9]");
        assertThat(metrics).contains("slipway_runtime_request_duration_seconds_bucket{endpoint=\"infer\",le=\"0.001\"}");
        assertThat(metrics).contains("slipway_runtime_queue_depth ");
        assertThat(metrics).contains("slipway_runtime_batch_size_bucket");
        assertThat(metrics).containsPattern("slipway_runtime_model_load_seconds \\d");
    }

    private static JsonNode find(JsonNode body, String name) {
        for (JsonNode output : body.path("outputs")) {
            if (output.path("name").asText().equals(name)) {
                return output;
            }
        }
        throw new AssertionError("no output " + name + " in " + body);
    }

    private static JsonNode output(JsonNode body, String name) {
        return find(body, name).path("data");
    }

    static byte[] lengthPrefixed(String... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String value : values) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] result = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
