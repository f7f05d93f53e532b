package io.greenscale.localservers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks tests that need real server programs (e.g. {@code redis-server}, {@code prometheus}).
 * Where one is missing the tests are skipped with one line naming it and the install command —
 * except under {@code CI=true}, where a missing program fails them.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(RequiresProgramsCondition.class)
public @interface RequiresPrograms {
    String[] value();

    /**
     * Whether a missing program fails the tests under {@code CI=true}. True for the servers the
     * tests exist to exercise; false for a tool that may legitimately be absent from a CI machine
     * (such tests are then skipped with one line everywhere).
     */
    boolean requiredInCi() default true;
}
