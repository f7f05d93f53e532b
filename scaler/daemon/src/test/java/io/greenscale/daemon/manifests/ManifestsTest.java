package io.greenscale.daemon.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.greenscale.daemon.config.ConfigLoader;
import io.greenscale.daemon.config.Environment;
import io.greenscale.daemon.config.Mode;
import io.greenscale.daemon.config.PolicyFactory;
import io.greenscale.daemon.config.ScalerConfig;
import io.greenscale.daemon.kube.ApiCall;
import io.greenscale.daemon.kube.ApiCalls;
import io.greenscale.localservers.RequiresPrograms;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every overlay renders, parses into the client's typed models, and says what it promises. */
@RequiresPrograms(value = {"kubectl"}, requiredInCi = false)
class ManifestsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"custom", "hpa-cpu70", "hpa-cpu90", "shadow", "gpu"})
    void the_role_allows_exactly_the_api_calls_the_daemon_makes(String overlay) throws Exception {
        RenderedOverlay r = RenderedOverlay.render(overlay);
        V1Role role = r.get(V1Role.class, "greenscale-scaler");
        Set<ApiCall> allowed = new HashSet<>();
        for (V1PolicyRule rule : role.getRules()) {
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        allowed.add(new ApiCall(group, resource, verb));
                    }
                }
            }
        }
        assertThat(allowed).containsExactlyInAnyOrderElementsOf(ApiCalls.builtIn());
        V1RoleBinding binding = r.get(V1RoleBinding.class, "greenscale-scaler");
        assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getKind()).isEqualTo("ServiceAccount");
            assertThat(s.getName()).isEqualTo("greenscale-scaler");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"custom", "shadow", "gpu"})
    void the_scaler_runs_non_root_read_only_with_probes_resources_and_a_valid_config(String overlay) throws Exception {
        RenderedOverlay r = RenderedOverlay.render(overlay);
        V1Deployment scaler = r.get(V1Deployment.class, "greenscale-scaler");
        var pod = scaler.getSpec().getTemplate().getSpec();
        V1Container c = pod.getContainers().getFirst();
        assertThat(pod.getServiceAccountName()).isEqualTo("greenscale-scaler");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(c.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(c.getResources().getLimits()).containsKey("memory");
        assertThat(c.getArgs()).containsExactly("scaler", "run", "--config", "/etc/greenscale/scaler.yaml");
        // The ConfigMap the scaler mounts holds a configuration that passes `scaler validate`.
        String configMapName = pod.getVolumes().stream().filter(v -> v.getConfigMap() != null).findFirst().orElseThrow().getConfigMap().getName();
        V1ConfigMap configMap = r.all(V1ConfigMap.class).stream().filter(m -> m.getMetadata().getName().equals(configMapName)).findFirst().orElseThrow();
        ScalerConfig config = parse(configMap.getData().get("scaler.yaml"));
        assertThat(config.server().port()).isEqualTo(c.getPorts().getFirst().getContainerPort());
        assertThat(config.shutdownGrace().toSeconds()).isLessThan(pod.getTerminationGracePeriodSeconds());
        assertThat(config.leader().enabled()).isEqualTo(scaler.getSpec().getReplicas() > 1);
        assertThat(config.targets()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("greenscale/deployment/inference-app");
            assertThat(t.mode()).isEqualTo(overlay.equals("shadow") ? Mode.SHADOW : Mode.ACTIVE);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"custom", "hpa-cpu70", "hpa-cpu90", "shadow", "gpu"})
    void the_inference_app_drains_gracefully_and_only_the_hpa_overlays_have_an_hpa(String overlay) throws Exception {
        RenderedOverlay r = RenderedOverlay.render(overlay);
        V1Deployment app = r.get(V1Deployment.class, "inference-app");
        var pod = app.getSpec().getTemplate().getSpec();
        V1Container c = pod.getContainers().getFirst();
        assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(c.getLifecycle().getPreStop().getExec().getCommand()).containsExactly("sleep", "5");
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(30L);
        assertThat(app.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/name", "inference-app")
                .containsEntry("app.kubernetes.io/part-of", "greenscale");
        boolean gpu = overlay.equals("gpu");
        assertThat(c.getResources().getLimits().containsKey("nvidia.com/gpu")).isEqualTo(gpu);
        assertThat(c.getEnv().stream().anyMatch(e -> e.getName().equals("NVIDIA_DRIVER_CAPABILITIES") && e.getValue().equals("compute,utility")))
                .isEqualTo(gpu);

        List<V2HorizontalPodAutoscaler> hpas = r.all(V2HorizontalPodAutoscaler.class);
        switch (overlay) {
            case "hpa-cpu70", "hpa-cpu90", "shadow" -> {
                int target = overlay.equals("hpa-cpu90") ? 90 : 70;
                assertThat(hpas).singleElement().satisfies(h -> {
                    assertThat(h.getSpec().getScaleTargetRef().getName()).isEqualTo("inference-app");
                    assertThat(h.getSpec().getMetrics().getFirst().getResource().getTarget().getAverageUtilization()).isEqualTo(target);
                });
            }
            default -> assertThat(hpas).isEmpty();
        }
        // An HPA baseline runs without GreenScale; shadow runs GreenScale beside the HPA.
        assertThat(r.find(V1Deployment.class, "greenscale-scaler").isPresent()).isEqualTo(!overlay.startsWith("hpa-"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"custom"})
    void prometheus_labels_what_the_default_queries_match_on(String overlay) throws Exception {
        RenderedOverlay r = RenderedOverlay.render(overlay);
        V1ConfigMap configMap = r.get(V1ConfigMap.class, "prometheus");
        JsonNode prometheus = YAML.readTree(configMap.getData().get("prometheus.yml"));
        JsonNode pods = job(prometheus, "greenscale-pods");
        Set<String> targetLabels = new HashSet<>();
        pods.path("relabel_configs").forEach(rule -> {
            if (rule.has("target_label")) {
                targetLabels.add(rule.get("target_label").asText());
            }
        });
        assertThat(targetLabels).contains("namespace", "pod", "app");
        assertThat(job(prometheus, "dcgm-exporter").path("honor_labels").asBoolean()).isTrue();
        // The repository root's prometheus.yml is this very file.
        assertThat(Files.readString(RenderedOverlay.MANIFESTS.resolve("../prometheus.yml"))).isEqualTo(configMap.getData().get("prometheus.yml"));
    }

    private static JsonNode job(JsonNode prometheus, String name) {
        for (JsonNode job : prometheus.path("scrape_configs")) {
            if (job.path("job_name").asText().equals(name)) {
                return job;
            }
        }
        throw new AssertionError("prometheus.yml has no job " + name);
    }

    @SuppressWarnings("unchecked")
    private static ScalerConfig parse(String yaml) throws Exception {
        return new ConfigLoader(PolicyFactory.standard(), new Environment(Map.of("POD_NAMESPACE", "greenscale", "POD_NAME", "scaler-0")))
                .parse(YAML.readValue(yaml, Map.class));
    }
}
