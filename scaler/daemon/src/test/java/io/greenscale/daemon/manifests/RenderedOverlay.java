package io.greenscale.daemon.manifests;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.util.Yaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One overlay rendered by {@code kubectl kustomize} and parsed into the official client's typed models. */
record RenderedOverlay(String name, List<KubernetesObject> objects) {

    static final Path MANIFESTS = Path.of("../../manifests").toAbsolutePath().normalize();

    static RenderedOverlay render(String overlay) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kubectl", "kustomize", MANIFESTS.resolve("overlays").resolve(overlay).toString())
                .redirectErrorStream(false).start();
        String yaml = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize " + overlay + " failed: " + err);
        }
        List<KubernetesObject> objects = new ArrayList<>();
        for (Object o : Yaml.loadAll(yaml)) {
            if (!(o instanceof KubernetesObject k)) {
                throw new AssertionError(overlay + ": an object the client has no model for: " + o);
            }
            objects.add(k);
        }
        return new RenderedOverlay(overlay, objects);
    }

    <T extends KubernetesObject> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends KubernetesObject> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().startsWith(name)).findFirst();
    }

    <T extends KubernetesObject> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(this.name + " has no " + type.getSimpleName() + " " + name));
    }
}
