package dev.berth.cli;

import dev.berth.spec.quadlet.KeyCatalog;
import dev.berth.spec.quadlet.KeySpec;
import dev.berth.spec.quadlet.UnitKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth keys [KIND]}: the key catalogue, as the generator reads it. */
@Command(name = "keys",
        mixinStandardHelpOptions = true,
        versionProvider = Berth.VersionProvider.class,
        description = {
            "Lists the Quadlet keys berth knows: for each key its section, value kind, the Podman version whose "
                    + "Quadlet introduced it, the podman argument it becomes, and a description.",
            "",
            "KIND is a file kind (container, volume, network, pod, kube, image, build, artifact) or quadlet for "
                    + "the [Quadlet] section every kind accepts; without it, every section. A key newer than the "
                    + "Quadlet version target of berth.conf ([Generator] QuadletVersion=) is refused by check and "
                    + "the generator."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:listed",
            "2:usage error (an unknown KIND)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  berth keys container",
            "  berth keys --format json volume"})
final class KeysCommand implements Callable<Integer> {

    private final Berth.Session session;

    @Parameters(arity = "0..1", paramLabel = "KIND", description = "container, volume, network, pod, kube, image, "
            + "build, artifact or quadlet")
    String kind;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json")
    OutputFormat format = OutputFormat.TEXT;

    KeysCommand(Berth.Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<String> sections = new ArrayList<>();
        if (kind == null) {
            sections.addAll(KeyCatalog.sections());
        } else {
            Optional<String> section = section(kind);
            if (section.isEmpty()) {
                session.err().println("berth keys: unknown kind '" + kind + "'; use one of container, volume, "
                        + "network, pod, kube, image, build, artifact, quadlet");
                return 2;
            }
            sections.add(section.get());
        }
        if (format == OutputFormat.JSON) {
            session.out().print(json(sections));
            return 0;
        }
        for (String section : sections) {
            session.out().println("[" + section + "]");
            Table table = new Table("KEY", "VALUE", "SINCE", "PODMAN", "DESCRIPTION");
            for (KeySpec k : KeyCatalog.section(section)) {
                table.add(k.name(), k.valueKind().name().toLowerCase(Locale.ROOT), k.since(),
                        k.podmanArgument().isEmpty() ? "-" : k.podmanArgument(), k.description());
            }
            table.lines().forEach(session.out()::println);
            session.out().println();
        }
        return 0;
    }

    private static Optional<String> section(String kind) {
        String k = kind.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
        if (k.equals("quadlet")) {
            return Optional.of("Quadlet");
        }
        return UnitKind.ofExtension(k).map(UnitKind::section);
    }

    private static String json(List<String> sections) {
        StringBuilder sb = new StringBuilder("[");
        boolean first = true;
        for (String section : sections) {
            for (KeySpec k : KeyCatalog.section(section)) {
                sb.append(first ? "\n  " : ",\n  ");
                first = false;
                sb.append("{\"section\": ").append(quote(k.section()))
                        .append(", \"key\": ").append(quote(k.name()))
                        .append(", \"value\": ").append(quote(k.valueKind().name().toLowerCase(Locale.ROOT)))
                        .append(", \"since\": ").append(quote(k.since()))
                        .append(", \"podman\": ").append(quote(k.podmanArgument()))
                        .append(", \"description\": ").append(quote(k.description())).append('}');
            }
        }
        return sb.append(first ? "]\n" : "\n]\n").toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
