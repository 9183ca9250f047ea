package dev.specgate.core.hardening;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A limit on the CPU time each test of a class spends on its own thread: the guard against a
 * quadratic scan or a runaway regex, in place of a wall-clock {@code @Timeout}. A thread the
 * scheduler keeps waiting accrues no CPU time, so the limit holds at any load (a machine shared by
 * eight builds at load 20 to 40 stretched these tests' wall-clock time tenfold and failed them
 * without a fault in the code), while a quadratic path at the sizes the tests use needs many times
 * the limit whatever the load. The JIT's and the collector's threads are not counted. Keep a
 * generous wall-clock {@code @Timeout} beside it for a test that never returns: this limit is
 * checked when the test ends.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(CpuTimeLimit.Check.class)
public @interface CpuTimeLimit {

    /** The CPU seconds a test may spend on its thread. */
    double seconds();

    /** Measures the thread that runs each test (the one {@code @Timeout} hands it to, if any). */
    final class Check implements InvocationInterceptor {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        @Override
        public void interceptTestMethod(
                Invocation<Void> invocation,
                ReflectiveInvocationContext<Method> invocationContext,
                ExtensionContext extensionContext)
                throws Throwable {
            limited(invocation, extensionContext);
        }

        @Override
        public void interceptTestTemplateMethod(
                Invocation<Void> invocation,
                ReflectiveInvocationContext<Method> invocationContext,
                ExtensionContext extensionContext)
                throws Throwable {
            limited(invocation, extensionContext);
        }

        private static void limited(Invocation<Void> invocation, ExtensionContext context)
                throws Throwable {
            if (!THREADS.isCurrentThreadCpuTimeSupported()) {
                throw new IllegalStateException(
                        "this JVM cannot measure a thread's CPU time, which the test's limit needs");
            }
            double limit =
                    AnnotationSupport.findAnnotation(
                                    context.getRequiredTestClass(), CpuTimeLimit.class)
                            .orElseThrow()
                            .seconds();
            long start = THREADS.getCurrentThreadCpuTime();
            invocation.proceed();
            double spent = (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
            if (spent > limit) {
                throw new AssertionError(
                        String.format(
                                java.util.Locale.ROOT,
                                "%s took %.2f s of CPU, over the limit of %.1f s: a scan that"
                                        + " grows faster than its input?",
                                context.getDisplayName(),
                                spent,
                                limit));
            }
        }
    }
}
