package dev.berth.cli;

import dev.berth.generator.Environment;
import dev.berth.generator.GeneratorOptions;
import dev.berth.generator.SourceUnit;
import dev.berth.spec.Diagnostic;
import dev.berth.spec.quadlet.KeyCatalog;
import dev.berth.spec.quadlet.KeySpec;
import dev.berth.spec.quadlet.QuadletVersion;
import dev.berth.spec.syntax.Entry;
import dev.berth.spec.syntax.Line;
import dev.berth.spec.syntax.Section;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For {@code berth check} only (never the generator, which must not run programs at boot): the podman installed
 * on this host ({@code $PODMAN}, else {@code podman} on the PATH), and the keys its Quadlet does not know yet.
 */
final class InstalledPodman {

    private static final Pattern VERSION = Pattern.compile("version (\\d+\\.\\d+)(\\.\\d+)?");

    private InstalledPodman() {
    }

    /** {@code podman --version}, as major.minor; empty when podman is missing or says something else. */
    static Optional<QuadletVersion> version(Environment env) {
        String podman = env.variable("PODMAN").filter(p -> !p.isEmpty()).orElse("podman");
        try {
            Process p = new ProcessBuilder(List.of(podman, "--version")).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            Matcher m = VERSION.matcher(new String(out, StandardCharsets.UTF_8));
            // A podman without Quadlet (before 4.4) has no Quadlet keys to compare with.
            return p.exitValue() == 0 && m.find() ? QuadletVersion.parse(m.group(1))
                    .filter(v -> v.compareTo(new QuadletVersion(4, 4)) >= 0) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * A warning at every key that the installed podman's Quadlet does not know, although the target does: the
     * units berth generates use it, and a Podman generator on this host would refuse the file.
     */
    static List<Diagnostic> newerKeys(List<SourceUnit> sources, QuadletVersion installed, GeneratorOptions options) {
        List<Diagnostic> out = new ArrayList<>();
        for (SourceUnit u : sources) {
            for (Section s : u.file().sections()) {
                if (!KeyCatalog.ownsSection(s.name())) {
                    continue;
                }
                for (Line line : s.lines()) {
                    if (!(line instanceof Entry e)) {
                        continue;
                    }
                    Optional<KeySpec> spec = KeyCatalog.find(s.name(), e.key());
                    if (spec.isPresent() && !installed.knows(spec.get()) && options.target().knows(spec.get())) {
                        out.add(Diagnostic.warning(e.position(), "'" + e.key() + "' needs Quadlet " + spec.get().since()
                                        + ", but the podman installed here is " + installed,
                                "upgrade podman to " + spec.get().since() + " or later, or pin berth to the installed "
                                        + "version with [Generator] QuadletVersion=" + installed + " in berth.conf"));
                    }
                }
            }
        }
        return out;
    }
}
