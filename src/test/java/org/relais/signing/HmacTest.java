package org.relais.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HmacTest {

    // HMAC-SHA256 of "what do ya want:for nothing?" as Python's hmac module computes it
    private static final String JEFE = "d6610f22a21e1a6ab4d4bb55ac38f12f2fa277944d9a43ca2b3d444d7cfddce8";
    private static final String KEY_TWO = "0a1479a2506659c74fd33015c2d751d23c288b2feb83e2a6f250ebe52e2b081b";

    @Test
    void signsThePurposeAndTheValueWithTheKey() {
        assertThat(hex(key("Jefe"))).isEqualTo(JEFE);
    }

    @Test
    void eachSignatureUsesItsOwnKeyWhateverTheThreadSignedBefore() {
        assertThat(List.of(hex(key("Jefe")), hex(key("key-two")), hex(key("Jefe"))))
                .containsExactly(JEFE, KEY_TWO, JEFE);
    }

    @Test
    void threadsSigningTogetherGetTheSameSignatures() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> signings = IntStream.range(0, 400)
                    .mapToObj(i -> (Callable<String>) () -> hex(key(i % 2 == 0 ? "Jefe" : "key-two")))
                    .toList();
            List<Future<String>> signed = threads.invokeAll(signings);
            for (int i = 0; i < signed.size(); i++) {
                assertThat(signed.get(i).get()).isEqualTo(i % 2 == 0 ? JEFE : KEY_TWO);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static byte[] key(String key) {
        return Hmac.sign(key.getBytes(StandardCharsets.US_ASCII), "what do ya want", "for nothing?");
    }

    private static String hex(byte[] signature) {
        return HexFormat.of().formatHex(signature);
    }
}
