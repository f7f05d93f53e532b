package io.greenscale.daemon.kube;

import io.greenscale.daemon.config.Settings;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;

/** Builds the official client: the in-cluster service account, else a kubeconfig. */
public final class KubeClients {
    private KubeClients() {}

    public static ApiClient fromSettings(Settings.Kubernetes settings) throws IOException {
        ApiClient client;
        if (settings.kubeconfig() != null) {
            try (Reader reader = Files.newBufferedReader(settings.kubeconfig())) {
                KubeConfig config = KubeConfig.loadKubeConfig(reader);
                config.setFile(settings.kubeconfig().toFile());
                client = ClientBuilder.kubeconfig(config).build();
            }
        } else {
            // In a pod: the service account; outside: $KUBECONFIG or ~/.kube/config.
            client = ClientBuilder.standard().build();
        }
        return tuned(client, settings);
    }

    /** Timeouts and a connection pool sized for the configured number of concurrent requests. */
    public static ApiClient tuned(ApiClient client, Settings.Kubernetes settings) {
        long timeoutMillis = settings.requestTimeout().toMillis();
        client.setHttpClient(client.getHttpClient().newBuilder()
                .connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .writeTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .callTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .connectionPool(new ConnectionPool(settings.maxConcurrentRequests(), 5, TimeUnit.MINUTES))
                .build());
        client.setUserAgent("greenscale-scaler");
        return client;
    }
}
