package dev.hbi.benchmarks;

import dev.hbi.HostingEnv;
import dev.hbi.groovy.GroovyLanderConfig;
import dev.hbi.groovy.GroovyLanderProvider;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.Random;

/**
 * Lands a million distinct literal variations of a few dozen script shapes with the Groovy lander and
 * prints Metaspace and class counts after a full GC, before and after: with the literal-lifting shape
 * cache, Metaspace stays flat. Then lands shapes that do not fit the cache, so that every landing
 * compiles a class and drops another, and prints them again: dropped shapes are unloaded.
 *
 * <p>Run with {@code java -cp <benchmarks classes and dependencies> dev.hbi.benchmarks.GroovyMetaspaceRun
 * [landings] [churn landings]}; the defaults are 1000000 and 20000.
 */
public final class GroovyMetaspaceRun {

    /** The shapes: each is landed with random literal values in its {@code %s} slots. */
    private static final String[] SHAPES = {
        "SetNick(%s)",
        "SetNick(%s + %s)",
        "add(%s, %s)",
        "add(%s, %s) * %s",
        "def t = 0; for (i in 1..%s) { t += add(i, %s) }; t",
        "[%s, %s, %s].collect { it * %s }.sum()",
        "def m = [a: %s, b: %s]; m.a + m.b + add(%s, 1)",
        "%s.toString().size() + %s",
        "def s = %s; \"${s} and ${add(%s, 2)}\"",
        "x = %s; x + %s",
        "def l = []; %s.times { l << it + %s }; l.size()",
        "[%s, %s].max() - [%s, %s].min()",
        "def f = { a, b -> a + b }; f(%s, %s) + f(%s, %s)",
        "def r = %s; r > %s ? add(r, 1) : add(r, 2)",
        "(%s..%s).findAll { it %% 2 == 0 }.size()",
        "SetNick('user-' + %s)",
        "def n = %s; while (n > 0) { n -= %s }; n",
        "[k: %s].collectEntries { k, v -> [(k): v + %s] }",
        "def xs = [%s, %s, %s]; xs.sort(); xs.first()",
        "add(%s, %s) == %s",
        "def p = %s; p ** 2 + %s",
        "'%s'.padLeft(%s).trim()",
        "def a = %s; def b = %s; [a, b].join('-')",
        "SetNick(%s * %s)",
        "def total = 0; [%s, %s].each { total += it }; total",
        "def s = 'ab' * %s; s.size() + %s",
        "add(%s, 0) in [%s, %s]",
        "switch (%s) { case 1: 'one'; break; default: add(%s, 1) }",
        "[%s, %s, %s].inject(0) { acc, v -> acc + v }",
        "def m = [:]; m[%s] = %s; m.size()",
        "(1..%s).sum() + %s",
        "def q = %s.intdiv(2); q + %s",
    };

    private GroovyMetaspaceRun() {
    }

    /**
     * Runs the measurement.
     *
     * @param args optionally the number of landings, then the number of landings of the churn phase
     * @throws InterruptedException if interrupted while letting the collector run
     */
    public static void main(String[] args) throws InterruptedException {
        int landings = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int churn = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        HostingEnv env = env(256);
        Random random = new Random(1);
        for (int i = 0; i < SHAPES.length * 10; i++) {
            env.land(variation(SHAPES[i % SHAPES.length], random) + "; " + -i);
        }
        print("after ten landings of each of the " + SHAPES.length + " shapes");
        for (int i = 0; i < landings; i++) {
            // the landing's number makes every text distinct: caching by exact text would never hit
            env.land(variation(SHAPES[i % SHAPES.length], random) + "; " + i);
        }
        print(String.format("after %,d more landings, each of a distinct text", landings));
        HostingEnv small = env(8);
        for (int i = 0; i < churn; i++) {
            small.land(variation(SHAPES[i % SHAPES.length], random) + "; " + i % 1000 + " + v" + i % 4);
        }
        print(String.format("after %,d landings that each compile a shape and drop another", churn));
    }

    private static HostingEnv env(int cacheSize) {
        return HostingEnv.create(GroovyLanderProvider.of(GroovyLanderConfig.defaults().withShapeCacheSize(cacheSize)))
                .exposeProcedure("SetNick", a -> a.get(0))
                .expose("add", a -> a.longValue(0) + a.longValue(1))
                .exposeValue("v0", 0).exposeValue("v1", 1).exposeValue("v2", 2).exposeValue("v3", 3);
    }

    private static String variation(String shape, Random random) {
        int slots = shape.split("%s", -1).length - 1;
        Object[] values = new Object[slots];
        for (int i = 0; i < slots; i++) {
            values[i] = 1 + random.nextInt(20);
        }
        return String.format(shape, values);
    }

    private static void print(String when) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        long used = 0;
        long committed = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                used += pool.getUsage().getUsed();
                committed += pool.getUsage().getCommitted();
            }
        }
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        System.out.printf("Metaspace %,8d KiB used, %,8d KiB committed; classes %,d loaded, %,d unloaded: %s%n",
                used >> 10, committed >> 10, classes.getLoadedClassCount(), classes.getUnloadedClassCount(), when);
    }
}
