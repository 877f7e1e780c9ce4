/**
 * Hosting Based Interface: peers that land each other's scripts over one connection, with many
 * conversations in flight at once. No dependencies beyond the JDK.
 *
 * <p>Landers other than the built-in one plug in through {@link dev.hbi.spi.LanderProvider}.
 *
 * @uses dev.hbi.spi.LanderProvider
 * @uses dev.hbi.spi.ValueMapper
 */
// "module": the qualified export names dev.hbi.groovy, which is built after this module
@SuppressWarnings("module")
module dev.hbi {
    exports dev.hbi;
    exports dev.hbi.spi;
    // the Groovy lander lands the call/literal subset on a fast path through SubsetScript
    exports dev.hbi.internal.landing to dev.hbi.groovy;

    uses dev.hbi.spi.LanderProvider;
    uses dev.hbi.spi.ValueMapper;
}
