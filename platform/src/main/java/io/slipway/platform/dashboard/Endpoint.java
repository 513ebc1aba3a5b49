package io.slipway.platform.dashboard;

import io.slipway.buildpacks.manifest.Manifest;
import java.net.URI;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where an app answers and how to call it: the path and host URLs, the inference URL of its
 * model, a sample request from the manifest's inputs and the matching curl command.
 *
 * @param pathUrl {@code http://host/apps/{app}}
 * @param hostUrl {@code http://{app}.<domain>:port}
 * @param inferUrl the full inference URL through the router
 * @param inferPath the same, relative, for the page's own "try it" calls
 * @param metadataPath the model metadata path, relative (the page asks it for inputs the manifest does not declare)
 * @param model the model name
 * @param sample the pretty-printed sample request, or null when the manifest declares no inputs
 * @param curl a curl command that sends the sample
 */
public record Endpoint(String pathUrl, String hostUrl, String inferUrl, String inferPath, String metadataPath,
        String model, String sample, String curl) {

    static Endpoint of(String app, Manifest manifest, String base, String domain, JsonMapper json) {
        String model = manifest.model().name();
        URI uri = URI.create(base);
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String hostUrl = uri.getScheme() + "://" + app + "." + domain + port;
        String inferPath = "/apps/" + app + "/v2/models/" + model + "/infer";
        String inferUrl = base + inferPath;
        Map<String, Object> request = SampleRequest.of(manifest.model().inputs());
        String sample = request == null ? null : json.writerWithDefaultPrettyPrinter().writeValueAsString(request);
        String body = request == null ? "{\"inputs\": [...]}" : json.writeValueAsString(request);
        String curl = "curl -s " + inferUrl + " \\\n  -H 'Content-Type: application/json' \\\n  -d '"
                + body.replace("'", "'\\''") + "'";
        return new Endpoint(base + "/apps/" + app, hostUrl, inferUrl, inferPath, "/apps/" + app + "/v2/models/" + model,
                model, sample, curl);
    }
}
