package dev.hbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verifies that what {@link Repr} writes, the built-in lander lands back as an equal value. */
class ReprRoundTripTest {

    private final HostingEnv env = HostingEnv.create().exposeConstructor(ReprCorpus.Point.class);

    @Test
    void landsEveryCorpusLiteralBackToAnEqualValue() {
        for (Object value : ReprCorpus.values()) {
            String literal = Repr.repr(value);
            Object landed = env.land(literal);
            assertThat(Repr.repr(landed)).as(literal).isEqualTo(literal);
            assertThat(landed).as(literal).isEqualTo(value);
        }
    }

    @Test
    void landsRandomDoublesBackToTheSameDouble() {
        for (double d : ReprCorpus.randomDoubles()) {
            assertThat(env.land(Repr.repr(d))).as(Repr.repr(d)).isEqualTo(d);
            assertThat(env.land(Repr.repr(-d))).as(Repr.repr(-d)).isEqualTo(-d);
        }
    }

    @Test
    void landsRandomStringsBackToTheSameString() {
        for (String s : ReprCorpus.randomStrings()) {
            assertThat(env.land(Repr.repr(s))).as(Repr.repr(s)).isEqualTo(s);
        }
    }

    @Test
    void landsTypesWithoutTheirOwnLiteralAsTheirPythonCounterparts() {
        assertThat(env.land(Repr.repr(new Object[] {(short) 1, (byte) 2, 'c', 1.5f})))
                .isEqualTo(new ArrayList<>(List.of(1, 2, "c", 1.5)));
        assertThat(env.land(Repr.repr(new java.math.BigDecimal("2.50")))).isEqualTo(2.5);
    }
}
