package io.slipway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real TorchScript models through DJL's PyTorch engine, over HTTP. */
class TorchScriptModelTests {

    static ModelRuntime digits;
    static Http http;

    @BeforeAll
    static void start() {
        digits = ModelRuntime.start(TestRuntimes.sample("digits-torchscript"), "127.0.0.1", 0);
        http = new Http(digits.port());
    }

    @AfterAll
    static void stop() {
        digits.close();
    }

    @Test
    void metadataJoinsDeclaredInputsWithOutputsLearntAtWarmUp() {
        JsonNode metadata = http.get("/v2/models/digits").json();
        assertThat(metadata.path("platform").asText()).isEqualTo("pytorch_torchscript");
        assertThat(metadata.path("inputs").toString())
                .isEqualTo("[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[-1,1,8,8]}]");
        assertThat(metadata.path("outputs").toString())
                .isEqualTo("[{\"name\":\"output0\",\"datatype\":\"FP32\",\"shape\":[-1,10]}]");
        assertThat(http.get("/v2/models/digits/ready").status()).isEqualTo(200);
    }

    @Test
    void inferRecognisesTheExampleDigit() throws Exception {
        String request = Files.readString(TestRuntimes.sample("digits-torchscript").resolve("example-request.json"));
        Http.Answer answer = http.postJson("/v2/models/digits/infer", request);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode logits = answer.json().path("outputs").get(0).path("data");
        assertThat(logits).hasSize(10);
        int best = 0;
        for (int i = 1; i < 10; i++) {
            if (logits.get(i).doubleValue() > logits.get(best).doubleValue()) {
                best = i;
            }
        }
        assertThat(best).isEqualTo(1);
    }

    @Test
    void predictGivesTopDigitsWithProbabilities() throws Exception {
        JsonNode example = Http.JSON.readTree(Files.readString(TestRuntimes.sample("digits-torchscript").resolve("example-request.json")));
        JsonNode pixels = example.path("inputs").get(0).path("data");
        StringBuilder image = new StringBuilder("[[");
        for (int row = 0; row < 8; row++) {
            image.append(row == 0 ? "[" : ",[");
            for (int col = 0; col < 8; col++) {
                image.append(col == 0 ? "" : ",").append(pixels.get(row * 8 + col).asDouble());
            }
            image.append("]");
        }
        image.append("]]");
        Http.Answer answer = http.postJson("/predict", "{\"instances\": [" + image + "]}");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode top = answer.json().path("predictions").get(0);
        assertThat(top.get(0).path("label").asText()).isEqualTo("1");
        double sum = 0;
        for (JsonNode entry : top) {
            sum += entry.path("score").asDouble();
        }
        assertThat(sum).isLessThanOrEqualTo(1.0001).isGreaterThan(0.5);
    }

    @Test
    void twoOutputModelNamesItsOutputsAndSelectsThem() {
        try (ModelRuntime runtime = ModelRuntime.start(TestRuntimes.fixture("torch-two-out"), "127.0.0.1", 0)) {
            Http client = new Http(runtime.port());
            String body = "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [2, 4], \"data\": [1,2,3,4,5,6,7,8]}],"
                    + " \"outputs\": [{\"name\": \"output1\"}]}";
            Http.Answer answer = client.postJson("/v2/models/two-out/infer", body);
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.json().path("outputs")).hasSize(1);
            assertThat(answer.json().path("outputs").get(0).path("data").toString()).isEqualTo("[10.0,26.0]");
        }
    }

    @Test
    void doubleModelIsBatchedUnderConcurrency() throws Exception {
        try (ModelRuntime runtime = ModelRuntime.start(TestRuntimes.fixture("torch-double"), "127.0.0.1", 0)) {
            Http client = new Http(runtime.port());
            Http.Answer answer = client.postJson("/v2/models/double/infer",
                    "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [1, 4], \"data\": [1, 2, 3, 4.5]}]}");
            assertThat(answer.json().path("outputs").get(0).path("data").toString()).isEqualTo("[2.0,4.0,6.0,9.0]");
            Http.Answer wrongType = client.postJson("/v2/models/double/infer",
                    "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"INT32\", \"shape\": [1, 4], \"data\": [1, 2, 3, 4]}]}");
            assertThat(wrongType.status()).isEqualTo(400);
            assertThat(wrongType.error()).isEqualTo("input 'x': datatype INT32 does not match the model's FP32");
        }
    }
}
