package io.slipway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.runtime.model.ModelLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real ONNX models through DJL's ONNX Runtime engine, over HTTP. */
class OnnxModelTests {

    static ModelRuntime iris;
    static Http http;

    @BeforeAll
    static void start() {
        iris = ModelRuntime.start(TestRuntimes.sample("iris-onnx"), "127.0.0.1", 0);
        http = new Http(iris.port());
    }

    @AfterAll
    static void stop() {
        iris.close();
    }

    @Test
    void metadataComesFromTheOnnxModel() {
        JsonNode metadata = http.get("/v2/models/iris").json();
        assertThat(metadata.path("platform").asText()).isEqualTo("onnxruntime_onnx");
        assertThat(metadata.path("inputs").toString()).isEqualTo("[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[-1,4]}]");
        assertThat(metadata.path("outputs").toString())
                .isEqualTo("[{\"name\":\"probabilities\",\"datatype\":\"FP32\",\"shape\":[-1,3]}]");
    }

    @Test
    void inferClassifiesIrisFlowers() throws Exception {
        String request = Files.readString(TestRuntimes.sample("iris-onnx").resolve("example-request.json"));
        Http.Answer answer = http.postJson("/v2/models/iris/infer", request);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode output = answer.json().path("outputs").get(0);
        assertThat(output.path("name").asText()).isEqualTo("probabilities");
        assertThat(output.path("shape").toString()).isEqualTo("[2,3]");
        JsonNode p = output.path("data");
        assertThat(p.get(0).floatValue()).as("setosa row").isGreaterThan(0.9f);
        assertThat(p.get(5).floatValue()).as("virginica row").isGreaterThan(0.9f);
        assertThat(p.get(0).floatValue() + p.get(1).floatValue() + p.get(2).floatValue()).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void predictAppliesLabels() {
        Http.Answer answer = http.postJson("/predict", "{\"instances\": [[5.1, 3.5, 1.4, 0.2], [6.3, 3.3, 6.0, 2.5]]}");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode predictions = answer.json().path("predictions");
        assertThat(predictions).hasSize(2);
        assertThat(predictions.get(0).get(0).path("label").asText()).isEqualTo("setosa");
        assertThat(predictions.get(1).get(0).path("label").asText()).isEqualTo("virginica");
        assertThat(predictions.get(0)).hasSize(3);
        assertThat(predictions.get(0).get(0).path("score").floatValue()).isGreaterThan(predictions.get(0).get(1).path("score").floatValue());
        Http.Answer top1 = http.postJson("/predict?top_k=1", "{\"instances\": [[5.1, 3.5, 1.4, 0.2]]}");
        assertThat(top1.json().path("predictions").get(0)).hasSize(1);
    }

    @Test
    void everyDatatypeTheEngineCarriesRoundTrips() {
        try (ModelRuntime runtime = ModelRuntime.start(TestRuntimes.fixture("datatypes"), "127.0.0.1", 0)) {
            Http client = new Http(runtime.port());
            String[][] cases = {
                    {"bool", "BOOL", "[true,false,false,true]"},
                    {"uint8", "UINT8", "[0,255,7,8]"},
                    {"int8", "INT8", "[-128,127,0,1]"},
                    {"int32", "INT32", "[-2147483648,2147483647,0,1]"},
                    {"int64", "INT64", "[-9223372036854775808,9223372036854775807,0,1]"},
                    {"fp16", "FP16", "[1.5,-2.0,0.0,65504.0]"},
                    {"fp32", "FP32", "[1.5,-2.25,0.0,3.0E38]"},
                    {"fp64", "FP64", "[1.5,-2.25,0.0,1.0E300]"},
                    {"bytes", "BYTES", "[\"a\",\"héllo\",\"\",\"z\"]"}};
            JsonNode metadata = client.get("/v2/models/datatypes").json();
            assertThat(metadata.path("inputs")).hasSize(cases.length);
            StringBuilder inputs = new StringBuilder();
            for (String[] c : cases) {
                inputs.append(inputs.length() == 0 ? "" : ",").append("{\"name\":\"x_").append(c[0])
                        .append("\",\"datatype\":\"").append(c[1]).append("\",\"shape\":[2,2],\"data\":").append(c[2]).append("}");
            }
            Http.Answer answer = client.postJson("/v2/models/datatypes/infer", "{\"inputs\":[" + inputs + "]}");
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            for (String[] c : cases) {
                JsonNode output = null;
                for (JsonNode o : answer.json().path("outputs")) {
                    if (o.path("name").asText().equals("y_" + c[0])) {
                        output = o;
                    }
                }
                assertThat(output).as("y_" + c[0]).isNotNull();
                assertThat(output.path("datatype").asText()).isEqualTo(c[1]);
                assertThat(output.path("shape").toString()).isEqualTo("[2,2]");
                assertThat(output.path("data").toString()).as("y_" + c[0]).isEqualTo(c[2]);
            }
        }
    }

    @Test
    void typesTheEngineCannotPassAreRefusedAtLoadWithTheReason() {
        assertThatThrownBy(() -> ModelRuntime.start(TestRuntimes.fixture("unsupported-types"), "127.0.0.1", 0))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("the model's input 'x_uint16' is UINT16, which DJL's ONNX Runtime engine cannot pass");
    }

    @Test
    void multiInputModelAddsItsInputs() {
        try (ModelRuntime runtime = ModelRuntime.start(TestRuntimes.fixture("add"), "127.0.0.1", 0)) {
            Http client = new Http(runtime.port());
            Http.Answer answer = client.postJson("/v2/models/add/infer", """
                    {"inputs": [{"name": "b", "datatype": "FP32", "shape": [1, 3], "data": [10, 20, 30]},
                                {"name": "a", "datatype": "FP32", "shape": [1, 3], "data": [1, 2, 3]}]}""");
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.json().path("outputs").get(0).path("data").toString()).isEqualTo("[11.0,22.0,33.0]");
            Http.Answer predict = client.postJson("/predict", "{\"instances\": [{\"a\": [1, 1, 1], \"b\": [2, 2, 2]}]}");
            assertThat(predict.json().path("predictions").toString()).isEqualTo("[[3.0,3.0,3.0]]");
        }
    }

    @Test
    void fixedBatchModelServesWithBatchingTurnedOff() {
        try (ModelRuntime runtime = ModelRuntime.start(TestRuntimes.fixture("fixed-batch"), "127.0.0.1", 0)) {
            Http client = new Http(runtime.port());
            assertThat(client.get("/v2/models/fixed-batch").json().path("inputs").get(0).path("shape").toString()).isEqualTo("[1,4]");
            Http.Answer twoRows = client.postJson("/v2/models/fixed-batch/infer",
                    "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [2, 4], \"data\": [1,2,3,4,5,6,7,8]}]}");
            assertThat(twoRows.status()).isEqualTo(400);
            assertThat(twoRows.error()).contains("shape [2,4] does not match the model's [1,4]");
            Http.Answer one = client.postJson("/v2/models/fixed-batch/infer",
                    "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [1, 4], \"data\": [1,2,3,4]}]}");
            assertThat(one.json().path("outputs").get(0).path("data").toString()).isEqualTo("[2.0,4.0,6.0,8.0]");
        }
    }

    @Test
    void scalarOutputModelIsServedUnbatched() {
        try (ModelRuntime runtime = ModelRuntime.start(TestRuntimes.fixture("scalar-out"), "127.0.0.1", 0)) {
            Http client = new Http(runtime.port());
            Http.Answer answer = client.postJson("/v2/models/scalar-out/infer",
                    "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [2, 4], \"data\": [1,2,3,4,5,6,7,8]}]}");
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.json().path("outputs").get(0).path("shape").toString()).isEqualTo("[]");
            assertThat(answer.json().path("outputs").get(0).path("data").toString()).isEqualTo("[36.0]");
        }
    }

    @Test
    void brokenModelFailsToLoadWithTheReason() {
        Path unknownOperator = TestRuntimes.fixture("unknown-op");
        assertThatThrownBy(() -> ModelRuntime.start(unknownOperator, "127.0.0.1", 0))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("ONNX Runtime cannot load unknown.onnx")
                .hasMessageContaining("NoSuchOperator");
    }
}
