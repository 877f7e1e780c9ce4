/** Jackson-backed conversion of HBI values, plugged in through {@link dev.hbi.spi.ValueMapper}. */
package dev.hbi.jackson;
