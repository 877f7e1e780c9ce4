/**
 * Hosting Based Interface: peers that land each other's scripts over one connection, with many
 * conversations in flight at once. No dependencies beyond the JDK.
 *
 * <p>Landers other than the built-in one plug in through {@link dev.hbi.spi.LanderProvider}.
 *
 * @uses dev.hbi.spi.LanderProvider
 * @uses dev.hbi.spi.ValueMapper
 */
module dev.hbi {
    exports dev.hbi;
    exports dev.hbi.spi;

    uses dev.hbi.spi.LanderProvider;
    uses dev.hbi.spi.ValueMapper;
}
