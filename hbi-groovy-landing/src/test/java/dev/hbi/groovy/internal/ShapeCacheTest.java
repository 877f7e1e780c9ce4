package dev.hbi.groovy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hbi.HostingEnv;
import dev.hbi.groovy.GroovyLanderConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The literal-lifting shape cache: hits share a class, the cache is bounded, and dropped shapes unload. */
class ShapeCacheTest {

    private static final String SHAPE = "def t = 0; for (i in 1..%d) { t += add(i, %d) }; t + '%s'.size()";

    @Test
    void literalVariationsOfAShapeShareOneCompiledClass() {
        Engine engine = TestEngines.confined();
        HostingEnv env = TestEngines.env(engine);
        for (int i = 1; i <= 200; i++) {
            Object value = env.land(String.format(SHAPE, i % 7 + 1, i, "x".repeat(i % 5)));
            assertThat(value).isNotNull();
        }
        assertThat(engine.cache().compilations()).isEqualTo(1);
        assertThat(engine.cache().size()).isEqualTo(1);
        assertThat(env.land(String.format(SHAPE, 3, 10, "abc"))).isEqualTo(1 + 10 + 2 + 10 + 3 + 10 + 3);
    }

    @Test
    void theCacheIsBoundedAndDropsTheLeastRecentlyUsedShape() {
        Engine engine = Engine.create(GroovyLanderConfig.defaults().withShapeCacheSize(2));
        HostingEnv env = TestEngines.env(engine);
        env.land("add(1, 2) + 1");
        env.land("add(1, 2) * 2");
        env.land("add(5, 6) + 1");
        env.land("add(1, 2) - 3");
        assertThat(engine.cache().size()).isEqualTo(2);
        assertThat(engine.cache().compilations()).isEqualTo(3);
        env.land("add(9, 9) + 9");
        assertThat(engine.cache().compilations()).as("+ was used more recently than *").isEqualTo(3);
        env.land("add(1, 2) * 2");
        assertThat(engine.cache().compilations()).isEqualTo(4);
    }

    @Test
    void aShapeLandedByManyConversationsAtOnceIsCompiledOnce() throws Exception {
        Engine engine = TestEngines.confined();
        HostingEnv env = TestEngines.env(engine);
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String script = "[" + i + ", 1].sum() + add(1, 1)";
                results.add(threads.submit(() -> {
                    start.await();
                    return env.land(script);
                }));
            }
            start.countDown();
            for (int i = 0; i < 32; i++) {
                assertThat(results.get(i).get()).isEqualTo(i + 1 + 2);
            }
        }
        assertThat(engine.cache().compilations()).isEqualTo(1);
    }

    @Test
    void aScriptThatDoesNotCompileIsRefusedFromTheCacheTheSecondTime() {
        Engine engine = TestEngines.confined();
        HostingEnv env = TestEngines.env(engine);
        for (String nick : List.of("bob", "eve", "mallory")) {
            try {
                env.land("'" + nick + "'.execute(); new File('x')");
            } catch (dev.hbi.LandingException expected) {
                assertThat(expected).hasMessageContaining("new java.io.File is not allowed");
            }
        }
        assertThat(engine.cache().compilations()).isEqualTo(1);
    }

    /**
     * Verifies that a dropped shape's classes unload, also when it was landed on virtual threads (as
     * conversations land) and dropped by a landing on a platform thread: each thread group has its own
     * bean introspection cache, which must forget the classes.
     */
    @Test
    @Timeout(60)
    void aDroppedShapeIsUnloaded() throws Exception {
        Engine engine = Engine.create(GroovyLanderConfig.defaults().withShapeCacheSize(1));
        HostingEnv env = TestEngines.env(engine);
        // (Groovy's method caches keep the classes of the last arguments of each method, such as the closure
        // last passed to collect, until another call replaces them: this shape passes its closure to no method)
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            assertThat(virtual.submit(() -> env.land("def c = { it * 2 }; c(20) + add(1, 1)")).get()).isEqualTo(42);
        }
        assertThat(env.land("def c = { it * 2 }; c(1) + add(1, 1)")).isEqualTo(4);
        WeakReference<Class<?>> script = new WeakReference<>(
                ((Compiled.Ready) engine.cache().peek("def c = { it * __hbi0 }; c(__hbi1) + add(__hbi2, __hbi3)")).script());
        WeakReference<ClassLoader> loader = new WeakReference<>(script.get().getClassLoader());
        env.land("add(1, 2) - 1");
        for (int i = 0; i < 50 && (script.get() != null || loader.get() != null); i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(script.get()).as("the dropped script class").isNull();
        assertThat(loader.get()).as("its class loader").isNull();
        assertThat(engine.cache().buried()).isZero();
    }

    @Test
    @Timeout(120)
    void compilingAndDroppingManyShapesLeavesMetaspaceFlat() throws InterruptedException {
        Engine engine = Engine.create(GroovyLanderConfig.defaults().withShapeCacheSize(8));
        HostingEnv env = TestEngines.env(engine);
        for (int i = 0; i < 50; i++) {
            env.land(shape(i));
        }
        long before = metaspaceAfterGc();
        for (int i = 0; i < 400; i++) {
            env.land(shape(i));
        }
        long after = metaspaceAfterGc();
        assertThat(engine.cache().compilations()).isGreaterThanOrEqualTo(450);
        System.out.printf("Metaspace used after GC: %d KiB before, %d KiB after 400 more compiled shapes%n",
                before >> 10, after >> 10);
        assertThat(after - before).as("Metaspace growth after 400 dropped shapes").isLessThan(3L << 20);
    }

    /** A different shape for each n: the operators differ, not only the literals. */
    private static String shape(int n) {
        StringBuilder script = new StringBuilder("def v = 1");
        for (int bit = 0; bit < 9; bit++) {
            script.append((n >> bit & 1) == 0 ? "; v += " : "; v *= ").append(bit + 1);
        }
        return script.append("; [v].collect { it + add(1, 1) }").toString();
    }

    static long metaspaceAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }
}
