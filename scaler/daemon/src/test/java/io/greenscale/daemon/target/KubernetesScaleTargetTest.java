package io.greenscale.daemon.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscale.daemon.config.Mode;
import io.greenscale.daemon.config.TargetRef;
import io.greenscale.daemon.kube.ApiCall;
import io.greenscale.daemon.kube.ApiCalls;
import io.greenscale.daemon.kube.KubeApi;
import io.greenscale.daemon.signal.SourceException;
import io.greenscale.daemon.signal.Tick;
import io.greenscale.daemon.standin.Request;
import io.greenscale.daemon.standin.StandInApiServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scale subresource through the official client against the stand-in API server. */
class KubernetesScaleTargetTest {
    static final TargetRef WORKER = new TargetRef("shop", "apps/v1", "Deployment", "worker", "deployments");

    StandInApiServer api;
    KubeApi kube;
    final List<SourceException> failures = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        api = StandInApiServer.start();
        kube = new KubeApi(api.client(), Duration.ofSeconds(2), 8);
        api.resources().deployment("shop", "worker", 3);
        api.resources().reconcile("shop", "worker", 500L);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    Tick tick() {
        return new Tick(Instant.now(), failures::add, Executors.newVirtualThreadPerTaskExecutor());
    }

    KubernetesScaleTarget target(TargetRef ref, Mode mode) {
        return new KubernetesScaleTarget(kube, ref, mode);
    }

    @Test
    void observing_reads_the_scale_its_selector_and_version() throws Exception {
        Observation seen = target(WORKER, Mode.ACTIVE).observe(tick());
        assertThat(seen.specReplicas()).isEqualTo(3);
        assertThat(seen.statusReplicas()).isEqualTo(3);
        assertThat(seen.selector()).isEqualTo("app=worker");
        assertThat(seen.version()).isNotBlank();
        assertThat(seen.paused()).isFalse();
        assertThat(seen.hpa()).isNull();
        assertAllCallsDeclared();
    }

    @Test
    void the_pause_annotation_and_an_hpa_on_the_same_workload_are_seen() throws Exception {
        api.resources().annotateDeployment("shop", "worker", "greenscale.io/paused", "true");
        api.resources().hpa("shop", "worker-hpa", "worker", 5);
        api.resources().hpa("shop", "other-hpa", "other", 2);
        Observation seen = target(WORKER, Mode.ACTIVE).observe(tick());
        assertThat(seen.paused()).isTrue();
        assertThat(seen.hpa()).isEqualTo(new Observation.ForeignHpa("worker-hpa", 5));
    }

    @Test
    void dry_run_does_not_even_look_for_hpas() throws Exception {
        target(WORKER, Mode.DRY_RUN).observe(tick());
        assertThat(api.requests()).extracting(Request::call).doesNotContain(ApiCalls.LIST_HPAS);
    }

    @Test
    void a_write_puts_the_scale_with_the_version_read() throws Exception {
        KubernetesScaleTarget t = target(WORKER, Mode.ACTIVE);
        Tick tick = tick();
        Observation seen = t.observe(tick);
        assertThat(t.scale(seen, 5, Map.of(), tick)).isEqualTo(new WriteResult.Applied(3, 5));
        assertThat(api.resources().replicas("shop", "worker")).isEqualTo(5);
        Request put = api.requests().getLast();
        assertThat(put.call()).isEqualTo(ApiCalls.updateScale(WORKER));
        assertThat(put.body()).contains("\"resourceVersion\":\"" + seen.version() + "\"").contains("\"replicas\":5");
    }

    @Test
    void a_write_that_changes_nothing_is_not_sent() throws Exception {
        KubernetesScaleTarget t = target(WORKER, Mode.ACTIVE);
        Tick tick = tick();
        Observation seen = t.observe(tick);
        api.clearRequests();
        assertThat(t.scale(seen, 3, Map.of(), tick)).isInstanceOf(WriteResult.Unchanged.class);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void a_change_behind_our_back_is_a_conflict_and_the_next_observation_writes() throws Exception {
        KubernetesScaleTarget t = target(WORKER, Mode.ACTIVE);
        Tick tick = tick();
        Observation seen = t.observe(tick);
        api.resources().setReplicas("shop", "worker", 4);
        assertThat(t.scale(seen, 6, Map.of(), tick)).isInstanceOfSatisfying(WriteResult.Conflict.class,
                c -> assertThat(c.failure().kind()).isEqualTo(SourceException.Kind.CONFLICT));
        assertThat(api.resources().replicas("shop", "worker")).isEqualTo(4);
        assertThat(failures).extracting(SourceException::kind).containsExactly(SourceException.Kind.CONFLICT);

        Tick next = tick();
        Observation fresh = t.observe(next);
        assertThat(fresh.specReplicas()).isEqualTo(4);
        assertThat(t.scale(fresh, 6, Map.of(), next)).isEqualTo(new WriteResult.Applied(4, 6));
    }

    @Test
    void a_scale_down_sets_deletion_costs_first_so_idle_pods_go() throws Exception {
        KubernetesScaleTarget t = target(WORKER, Mode.ACTIVE);
        Tick tick = tick();
        Observation seen = t.observe(tick);
        api.clearRequests();
        assertThat(t.scale(seen, 1, Map.of("worker-0", 0, "worker-1", 4, "worker-2", 0), tick).applied()).isTrue();
        List<ApiCall> order = api.requests().stream().map(Request::call).toList();
        assertThat(order).containsExactly(ApiCalls.PATCH_POD, ApiCalls.PATCH_POD, ApiCalls.PATCH_POD, ApiCalls.updateScale(WORKER));
        assertThat(api.resources().podAnnotations("shop", "worker-1")).containsEntry(DeletionCosts.ANNOTATION, "4");
        api.resources().reconcile("shop", "worker", 500L);
        assertThat(api.resources().pods("shop", "worker")).containsExactly("worker-1");
    }

    @Test
    void a_statefulset_scales_through_the_typed_apps_api() throws Exception {
        TargetRef db = new TargetRef("shop", "apps/v1", "StatefulSet", "gpu-worker", "statefulsets");
        api.resources().statefulSet("shop", "gpu-worker", 2);
        KubernetesScaleTarget t = target(db, Mode.ACTIVE);
        Tick tick = tick();
        Observation seen = t.observe(tick);
        assertThat(seen.selector()).isEqualTo("app=gpu-worker");
        assertThat(t.scale(seen, 3, Map.of(), tick).applied()).isTrue();
        assertThat(api.resources().specReplicas("apps", "statefulsets", "shop", "gpu-worker")).isEqualTo(3);
    }

    @Test
    void any_kind_with_a_scale_subresource_scales_through_the_generic_api() throws Exception {
        TargetRef rollout = new TargetRef("shop", "argoproj.io/v1alpha1", "Rollout", "web", "rollouts");
        api.resources().object("argoproj.io", "rollouts", "shop", """
                {"apiVersion":"argoproj.io/v1alpha1","kind":"Rollout","metadata":{"name":"web"},
                 "spec":{"replicas":2},"status":{"replicas":2,"selector":"app=web"}}""");
        KubernetesScaleTarget t = target(rollout, Mode.ACTIVE);
        Tick tick = tick();
        Observation seen = t.observe(tick);
        assertThat(seen.specReplicas()).isEqualTo(2);
        assertThat(seen.selector()).isEqualTo("app=web");
        assertThat(t.scale(seen, 4, Map.of(), tick).applied()).isTrue();
        assertThat(api.resources().specReplicas("argoproj.io", "rollouts", "shop", "web")).isEqualTo(4);
        assertThat(api.requests()).extracting(Request::call).contains(ApiCalls.getScale(rollout), ApiCalls.updateScale(rollout), ApiCalls.listWorkloads(rollout));
    }

    @Test
    void a_missing_workload_is_not_found() {
        TargetRef gone = new TargetRef("shop", "apps/v1", "Deployment", "gone", "deployments");
        assertThatThrownBy(() -> target(gone, Mode.ACTIVE).observe(tick())).isInstanceOfSatisfying(SourceException.class, e -> {
            assertThat(e.kind()).isEqualTo(SourceException.Kind.NOT_FOUND);
            assertThat(e.getMessage()).contains("shop/deployment/gone").contains("not found");
        });
    }

    private void assertAllCallsDeclared() {
        assertThat(api.requests()).extracting(Request::call).isSubsetOf(ApiCalls.forKinds(List.of(WORKER)));
    }
}
