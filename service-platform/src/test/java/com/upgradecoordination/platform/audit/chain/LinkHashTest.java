package com.upgradecoordination.platform.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The one-pass reading of stored column digests reads every text as the general reading does. */
class LinkHashTest {

    static final String FORMATTED = HashChainSchemeV1Test.COLUMN_DIGESTS.get(0);

    /** The bytes hashed for a stored text as version 1 has always read it: each value of each pair, from hex. */
    static byte[] generalReading(String stored) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LinkHash.parseByName(stored).values().forEach(digest -> bytes.writeBytes(HexFormat.of().parseHex(digest)));
        return bytes.toByteArray();
    }

    static void readsAsTheGeneralReading(String stored) {
        Throwable expectedFailure = catchThrowable(() -> generalReading(stored));
        if (expectedFailure != null) {
            assertThat(catchThrowable(() -> LinkHash.parseDigests(stored)))
                    .as(stored).isInstanceOf(expectedFailure.getClass()).hasMessage(expectedFailure.getMessage());
        } else {
            assertThat(LinkHash.parseDigests(stored)).as(stored).isEqualTo(generalReading(stored));
        }
    }

    @Test
    void aFormattedTextIsItsNineDigests() {
        assertThat(LinkHash.parseDigests(FORMATTED)).hasSize(9 * 32).isEqualTo(generalReading(FORMATTED));
        assertThat(LinkHash.format(LinkHash.parseDigests(FORMATTED))).isEqualTo(FORMATTED);
    }

    @Test
    void everyOneCharacterChangeOfAFormattedTextReadsAsBefore() {
        for (int at = 0; at < FORMATTED.length(); at++) {
            for (char replacement : new char[] {'0', 'A', 'f', 'g', '=', ';', ' ', 'é', '\uff10', '\u0100'}) {
                readsAsTheGeneralReading(FORMATTED.substring(0, at) + replacement + FORMATTED.substring(at + 1));
            }
        }
    }

    @Test
    void otherTextsReadAsBefore() {
        readsAsTheGeneralReading("");
        readsAsTheGeneralReading(" ");
        readsAsTheGeneralReading(FORMATTED.toUpperCase());
        readsAsTheGeneralReading(FORMATTED + ";");
        readsAsTheGeneralReading(FORMATTED.substring(1));
        readsAsTheGeneralReading(FORMATTED.substring(0, FORMATTED.length() - 1));
        readsAsTheGeneralReading(FORMATTED.replace(";", ";;").substring(8));
        readsAsTheGeneralReading("a=00;a=11;b=22");
    }
}
