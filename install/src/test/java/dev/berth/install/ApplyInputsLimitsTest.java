package dev.berth.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.Diagnostic;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * berth apply reads its inputs as the generator does: a file over 8 MiB is refused with its size and the limit (it
 * used to be read whole, and a huge one ended in a one-line internal error), and the good files beside it are still checked (apply then installs nothing).
 */
class ApplyInputsLimitsTest {

    @TempDir
    Path tmp;

    @Test
    void aFileOverTheLimitIsRefusedPlainly() throws IOException {
        Path site = Files.createDirectory(tmp.resolve("site"));
        Path huge = site.resolve("huge.container");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L << 30); // sparse: 3 GiB that take no disk
        }
        Files.writeString(site.resolve("web.container"), "[Container]\nImage=localhost/img\n");

        ApplyInputs in = ApplyInputs.collect(List.of(site));

        assertTrue(in.hasErrors());
        assertEquals(List.of(huge + ": error: the file is 3221225472 bytes, larger than the limit of 8 MiB for a "
                + "Quadlet file or drop-in; it is not read; check that this is the file you meant; a unit file is a "
                + "few kilobytes"), in.diagnostics().stream().map(Diagnostic::format).toList());
        assertEquals(List.of("web.container"), in.files().stream().map(ApplyInputs.Input::relative).toList());
    }

    @Test
    void aFileAtTheLimitIsRead() throws IOException {
        Path file = tmp.resolve("big.container");
        byte[] bytes = new byte[8 << 20];
        byte[] head = "[Container]\nImage=localhost/img\n".getBytes();
        java.util.Arrays.fill(bytes, (byte) '\n');
        System.arraycopy(head, 0, bytes, 0, head.length);
        Files.write(file, bytes);

        ApplyInputs in = ApplyInputs.collect(List.of(file));

        assertEquals(List.of(), in.diagnostics());
        assertEquals(8 << 20, in.files().get(0).bytes().length);
    }
}
