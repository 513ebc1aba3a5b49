package io.slipway.runtime.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.runtime.InferenceException;
import java.io.IOException;

/** The one JSON configuration of the runtime: strict about duplicates and nesting. */
public final class Json {

    /** Deep enough for any tensor of rank 8 inside a request, shallow enough to refuse a nesting bomb. */
    static final int MAX_NESTING = 32;

    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private Json() {
    }

    /** Parses a JSON document, answering 400 with where and why it is malformed. */
    static JsonNode parse(byte[] body, int offset, int length) {
        if (length == 0) {
            throw InferenceException.badInput("the request body is empty; send a JSON object");
        }
        try (JsonParser parser = MAPPER.createParser(body, offset, length)) {
            JsonNode root = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw InferenceException.badInput("malformed JSON: unexpected content after the top-level value");
            }
            if (root == null || !root.isObject()) {
                throw InferenceException.badInput("malformed request: the body must be a JSON object, got "
                        + (root == null ? "nothing" : root.getNodeType().name().toLowerCase()));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw InferenceException.badInput("malformed JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw InferenceException.badInput("malformed JSON: " + e.getMessage());
        }
    }
}
