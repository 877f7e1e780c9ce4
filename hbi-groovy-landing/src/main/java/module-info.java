/**
 * Lands HBI peer scripts with Groovy: confined shells against the names a hosting environment exposes.
 * The lander itself is being built under issue 4; until then this module only fixes its dependencies.
 */
module dev.hbi.groovy {
    requires transitive dev.hbi;
    requires org.apache.groovy;
}
