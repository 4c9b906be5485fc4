package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    private static int bytewise(String a, String b) {
        return Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void byteOrderIsTheOrderOfTheUtf8Bytes() {
        // Includes the case String.compareTo gets wrong: a character above U+FFFF (a surrogate pair) against one
        // in U+E000..U+FFFF.
        List<String> names = List.of("", "a", "b", "a.container", "A.container", "a-b", "a_b", "é", "\uE000x", "\uFFFDz",
                "\uD83D\uDE00", "\uD83D\uDE00a", "\uD800\uDC00", "z\uD83D\uDE00", "z\uFFFF", "web@.container",
                "web@blue.container", "web.container.d");
        for (String a : names) {
            for (String b : names) {
                assertEquals(bytewise(a, b), Integer.signum(FileNames.BYTE_ORDER.compare(a, b)), a + " vs " + b);
            }
        }
    }
}
