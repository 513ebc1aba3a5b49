package io.slipway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's runtime examples, run with the real curl against the real iris sample. */
class ReadmeExamplesTests {

    @Test
    void runtimeCurlExamplesAnswerAsTheReadmeSays() throws Exception {
        List<String> commands = commands("runtime");
        assertThat(commands).hasSize(4);
        try (ModelRuntime runtime = ModelRuntime.start(TestRuntimes.sample("iris-onnx"), "127.0.0.1", 0)) {
            List<JsonNode> answers = new ArrayList<>();
            for (String command : commands) {
                Process curl = new ProcessBuilder("bash", "-c",
                        command.replace("localhost:8080", "127.0.0.1:" + runtime.port()) + " --fail-with-body")
                        .redirectErrorStream(true).start();
                String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(curl.exitValue()).as(command + "\n" + output).isZero();
                answers.add(Http.JSON.readTree(output));
            }
            assertThat(answers.get(0).path("ready").asBoolean()).isTrue();
            assertThat(answers.get(1).path("inputs").get(0).path("name").asText()).isEqualTo("input");
            assertThat(answers.get(2).path("id").asText()).isEqualTo("1");
            JsonNode predictions = answers.get(3).path("predictions");
            assertThat(predictions.get(0).get(0).path("label").asText()).isEqualTo("setosa");
            assertThat(predictions.get(1).get(0).path("label").asText()).isEqualTo("virginica");
        }
    }

    /** The shell commands of the README block marked {@code <!-- readme-example: NAME -->}, comments dropped. */
    static List<String> commands(String name) throws Exception {
        String readme = Files.readString(TestRuntimes.repository().resolve("README.md"));
        int marker = readme.indexOf("<!-- readme-example: " + name + " -->");
        assertThat(marker).as("README example " + name).isNotNegative();
        int start = readme.indexOf("```sh\n", marker) + 6;
        String block = readme.substring(start, readme.indexOf("```", start));
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : block.split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            current.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!line.endsWith("\\")) {
                commands.add(current.toString().strip());
                current.setLength(0);
            }
        }
        return commands;
    }
}
