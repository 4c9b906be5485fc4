package dev.berth.generator;

import java.nio.charset.Charset;
import java.util.List;

/**
 * Quadlet's {@code -dryrun} standard output: for each unit, {@code ---<name>---}, the unit text, and an empty
 * line. No banner comment: Quadlet adds that only when writing files.
 */
public final class DryRunOutput {

    private DryRunOutput() {
    }

    public static String render(UnitSet set) {
        // Each unit is printed on its own (on all cores for a large set), then joined in order.
        List<String> texts = Parallel.map(set.units(), DryRunOutput::block);
        int length = 0;
        for (String t : texts) {
            length += t.length();
        }
        StringBuilder out = new StringBuilder(length);
        for (String t : texts) {
            out.append(t);
        }
        return out.toString();
    }

    /**
     * {@link #render} encoded in {@code charset}, each unit encoded on the core that printed it and copied once
     * into the result: for a thousand units, megabytes less copying than joining the text and encoding it.
     */
    public static byte[] renderBytes(UnitSet set, Charset charset) {
        List<byte[]> blocks = Parallel.map(set.units(), u -> block(u).getBytes(charset));
        int length = 0;
        for (byte[] b : blocks) {
            length += b.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] b : blocks) {
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        return out;
    }

    private static String block(GeneratedUnit u) {
        StringBuilder out = new StringBuilder(2048);
        out.append("---").append(u.fileName()).append("---\n");
        u.appendText(out);
        return out.append('\n').toString();
    }
}
