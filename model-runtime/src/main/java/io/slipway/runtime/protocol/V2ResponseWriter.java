package io.slipway.runtime.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import io.slipway.runtime.model.ModelMetadata;
import io.slipway.runtime.protocol.InferRequest.OutputRequest;
import io.slipway.runtime.tensor.Tensor;
import io.slipway.runtime.tensor.TensorInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Writes Open Inference Protocol answers: metadata and inference results. */
public final class V2ResponseWriter {

    /** The protocol extensions this server implements, as listed in the server metadata. */
    public static final List<String> EXTENSIONS = List.of("binary_tensor_data");

    private V2ResponseWriter() {
    }

    /**
     * An encoded answer.
     *
     * @param jsonLength the length of the JSON header when binary data follows it, else -1
     */
    public record Encoded(byte[] body, int jsonLength) {
    }

    public static byte[] serverMetadata(String name, String version) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("name", name);
            json.writeStringField("version", version);
            json.writeArrayFieldStart("extensions");
            for (String extension : EXTENSIONS) {
                json.writeString(extension);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    public static byte[] modelMetadata(ModelMetadata model) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("name", model.name());
            json.writeArrayFieldStart("versions");
            json.writeString(model.version());
            json.writeEndArray();
            json.writeStringField("platform", model.platform());
            writeInfos(json, "inputs", model.inputs());
            writeInfos(json, "outputs", model.outputs());
            json.writeEndObject();
        });
    }

    public static byte[] modelReady(ModelMetadata model, boolean ready) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("name", model.name());
            json.writeBooleanField("ready", ready);
            json.writeEndObject();
        });
    }

    /** The answer to an infer request: the outputs it asked for, binary where it asked for that. */
    public static Encoded infer(ModelMetadata model, InferRequest request, List<Tensor> outputs) {
        List<Tensor> selected = new ArrayList<>();
        List<Boolean> binary = new ArrayList<>();
        if (request.outputs().isEmpty()) {
            selected.addAll(outputs);
            outputs.forEach(o -> binary.add(request.binaryOutputs()));
        } else {
            for (OutputRequest wanted : request.outputs()) {
                outputs.stream().filter(o -> o.name().equals(wanted.name())).findFirst().ifPresent(o -> {
                    selected.add(o);
                    binary.add(wanted.binary() || request.binaryOutputs());
                });
            }
        }
        List<byte[]> sections = new ArrayList<>();
        byte[] header = write(json -> {
            json.writeStartObject();
            json.writeStringField("model_name", model.name());
            json.writeStringField("model_version", model.version());
            if (request.id() != null) {
                json.writeStringField("id", request.id());
            }
            json.writeArrayFieldStart("outputs");
            for (int i = 0; i < selected.size(); i++) {
                Tensor output = selected.get(i);
                json.writeStartObject();
                json.writeStringField("name", output.name());
                json.writeStringField("datatype", output.datatype().name());
                json.writeArrayFieldStart("shape");
                for (long dim : output.shape()) {
                    json.writeNumber(dim);
                }
                json.writeEndArray();
                if (binary.get(i)) {
                    byte[] section = BinaryTensors.write(output);
                    sections.add(section);
                    json.writeObjectFieldStart("parameters");
                    json.writeNumberField("binary_data_size", section.length);
                    json.writeEndObject();
                } else {
                    json.writeArrayFieldStart("data");
                    TensorDataWriter.writeElements(json, output, 0, Math.toIntExact(output.elementCount()));
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
        if (sections.isEmpty()) {
            return new Encoded(header, -1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        sections.forEach(out::writeBytes);
        return new Encoded(out.toByteArray(), header.length);
    }

    public static byte[] error(String message) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("error", message);
            json.writeEndObject();
        });
    }

    private static void writeInfos(JsonGenerator json, String field, List<TensorInfo> infos) throws IOException {
        json.writeArrayFieldStart(field);
        for (TensorInfo info : infos) {
            json.writeStartObject();
            json.writeStringField("name", info.name());
            json.writeStringField("datatype", info.datatype().name());
            json.writeArrayFieldStart("shape");
            for (long dim : info.shape()) {
                json.writeNumber(dim);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** Something that writes one JSON document. */
    interface JsonBody {
        void writeTo(JsonGenerator json) throws IOException;
    }

    static byte[] write(JsonBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            body.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
