package dev.hbi.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Strict UTF-8 decoding: every malformed input is refused, and a U+FFFD that was sent is kept. */
class Utf8Test {

    @Test
    @Timeout(10)
    void decodesValidTextOfEveryLength() throws Exception {
        byte[] bytes = {'a', (byte) 0xC3, (byte) 0xA9, (byte) 0xE2, (byte) 0x82, (byte) 0xAC, (byte) 0xF0,
            (byte) 0x9F, (byte) 0x98, (byte) 0x80};
        assertThat(Utf8.decode(bytes, bytes.length)).isEqualTo("aé€\uD83D\uDE00");
        assertThat(Utf8.decode(bytes, 1, 2)).isEqualTo("é");
    }

    @Test
    @Timeout(10)
    void keepsAReplacementCharacterThatWasSent() throws Exception {
        byte[] bytes = {'x', (byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
        assertThat(Utf8.decode(bytes, bytes.length)).isEqualTo("x\uFFFD");
    }

    @Test
    @Timeout(10)
    void refusesEveryKindOfMalformedInput() {
        int[][] malformed = {
            {0xC3, 0x28}, // a continuation byte missing
            {0xC0, 0x80}, // an overlong NUL
            {0xE0, 0x80, 0xAF}, // an overlong '/'
            {0xED, 0xA0, 0x80}, // an encoded surrogate
            {0xE2, 0x82}, // cut short
            {0xF4, 0x90, 0x80, 0x80}, // above U+10FFFF
            {0x80}, // a lone continuation byte
            {0xFF}, // never valid
        };
        for (int[] input : malformed) {
            byte[] bytes = new byte[input.length + 1];
            bytes[0] = 'a';
            for (int i = 0; i < input.length; i++) {
                bytes[i + 1] = (byte) input[i];
            }
            assertThatThrownBy(() -> Utf8.decode(bytes, bytes.length)).as(Arrays.toString(input))
                    .isInstanceOf(CharacterCodingException.class);
        }
    }
}
