package io.greenscale.daemon.target.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The live workers as a Prometheus file_sd target list (one group per worker, with the
 * {@code namespace}, {@code app} and {@code pod} labels that prometheus.yml's relabelling gives pods
 * in a cluster), so the daemon's default PromQL signals match local workers unchanged. The file is
 * replaced atomically, and only when its content changes.
 */
final class FileSd {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private List<Map<String, Object>> written;

    FileSd(Path file) {
        this.file = file;
    }

    /** The target groups for these workers. Pure. */
    static List<Map<String, Object>> groups(List<WorkerView> workers, String namespace, String app) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (WorkerView w : workers) {
            Map<String, Object> labels = new LinkedHashMap<>();
            labels.put("namespace", namespace);
            labels.put("app", app);
            labels.put("pod", w.id());
            out.add(Map.of("targets", List.of("127.0.0.1:" + w.port()), "labels", labels));
        }
        return out;
    }

    void write(List<Map<String, Object>> groups) throws IOException {
        if (Objects.equals(groups, written)) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".file-sd-", ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), groups);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        written = List.copyOf(groups);
    }
}
