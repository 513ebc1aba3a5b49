package io.slipway.platform.secrets;

import io.slipway.platform.release.Release;
import io.slipway.platform.release.ReleaseRepository;
import io.slipway.platform.runtime.BackendException;
import io.slipway.platform.runtime.ForwardingBackend;
import io.slipway.platform.runtime.Instance;
import io.slipway.platform.runtime.InstanceSpec;
import io.slipway.platform.runtime.RuntimeBackend;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A backend that hands an instance the secrets its release's manifest names, decrypted just
 * before it starts: the only place plaintext leaves the secret store (into the container's or
 * the child process's environment, never into a file of the platform).
 */
public final class SecretEnvBackend extends ForwardingBackend {

    private final Secrets secrets;
    private final ReleaseRepository releases;

    public SecretEnvBackend(RuntimeBackend backend, Secrets secrets, ReleaseRepository releases) {
        super(backend);
        this.secrets = secrets;
        this.releases = releases;
    }

    @Override
    public Instance start(InstanceSpec spec) {
        Release release = releases.findByAppAndNumber(spec.app(), spec.release()).orElse(null);
        Set<String> required = release == null ? Set.of() : Secrets.requiredBy(release);
        if (required.isEmpty()) {
            return backend.start(spec);
        }
        Map<String, String> values;
        try {
            values = secrets.values(spec.app(), required);
        } catch (SecretKeyMismatchException e) {
            throw new BackendException(e.getMessage(), e);
        }
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new BackendException("release v" + spec.release() + " of app '" + spec.app() + "' needs secret(s) "
                    + String.join(", ", missing) + ", which the app does not have; set them with PUT /api/v1/apps/"
                    + spec.app() + "/secrets/NAME");
        }
        Map<String, String> env = new LinkedHashMap<>(spec.env());
        env.putAll(values);
        return backend.start(new InstanceSpec(spec.instanceId(), spec.app(), spec.release(), spec.image(),
                spec.releaseDir(), env, spec.cpus(), spec.memoryBytes()));
    }

}
