package io.greenscale.localservers;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** The condition behind {@link RequiresPrograms}. */
public final class RequiresProgramsCondition implements ExecutionCondition {
    /** One line per missing program per JVM, not one per test. */
    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var annotation = AnnotationSupport.findAnnotation(context.getElement(), RequiresPrograms.class);
        if (annotation.isEmpty()) {
            return ConditionEvaluationResult.enabled("no programs required");
        }
        List<String> missing = Programs.missing(annotation.get().value());
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("all required programs are installed");
        }
        String message = "missing " + String.join(", ", missing) + " — install with: " + Programs.installHint(missing);
        if (annotation.get().requiredInCi() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new ExtensionConfigurationException("CI=true and " + message);
        }
        if (ANNOUNCED.add(String.join(",", missing))) {
            System.err.println("[greenscale] skipping tests that need real servers: " + message);
        }
        return ConditionEvaluationResult.disabled(message);
    }
}
