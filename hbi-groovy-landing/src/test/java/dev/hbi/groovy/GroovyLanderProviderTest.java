package dev.hbi.groovy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hbi.HostingEnv;
import dev.hbi.LandingException;
import dev.hbi.spi.LanderProvider;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Choosing the Groovy lander: by name through ServiceLoader, or configured in code. */
class GroovyLanderProviderTest {

    @Test
    void theLanderIsFoundByNameThroughServiceLoader() {
        assertThat(HostingEnv.availableLanders()).contains(GroovyLanderProvider.NAME);
        assertThat(ServiceLoader.load(LanderProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(GroovyLanderProvider.class);
        HostingEnv env = HostingEnv.create("groovy").expose("add", args -> args.intValue(0) + args.intValue(1));
        assertThat(env.landerName()).isEqualTo("groovy");
        assertThat(env.land("[1, 2, 3].collect { add(it, 1) }")).isEqualTo(java.util.List.of(2, 3, 4));
    }

    @Test
    void theLanderFoundByNameIsConfined() {
        HostingEnv env = HostingEnv.create("groovy");
        assertThatThrownBy(() -> env.land("System.getProperty('user.home')"))
                .isInstanceOf(LandingException.class)
                .hasMessageContaining("classes cannot be named");
        assertThat(new GroovyLanderProvider().config()).isEqualTo(GroovyLanderConfig.defaults());
        assertThat(GroovyLanderConfig.defaults().mode()).isEqualTo(GroovyLanderConfig.Mode.CONFINED);
    }

    @Test
    void trustedModeIsChosenInCode() {
        GroovyLanderProvider trusted = GroovyLanderProvider.of(GroovyLanderConfig.defaults()
                .withMode(GroovyLanderConfig.Mode.TRUSTED).withTimeBudget(Duration.ofSeconds(5)));
        HostingEnv env = HostingEnv.create(trusted);
        assertThat(env.landerName()).isEqualTo("groovy");
        assertThat(env.land("System.getProperty('java.specification.version').toInteger() >= 21")).isEqualTo(true);
    }

    @Test
    void environmentsOfOneProviderShareItsShapeCacheButNotTheirVariables() {
        GroovyLanderProvider provider = GroovyLanderProvider.of(GroovyLanderConfig.defaults());
        HostingEnv one = HostingEnv.create(provider);
        HostingEnv two = HostingEnv.create(provider);
        one.land("x = 'one' + 1");
        two.land("x = 'two' + 2");
        assertThat(one.get("x")).contains("one1");
        assertThat(two.get("x")).contains("two2");
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> GroovyLanderConfig.defaults().withTimeBudget(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GroovyLanderConfig.defaults().withShapeCacheSize(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GroovyLanderProvider.of(null)).isInstanceOf(NullPointerException.class);
    }
}
