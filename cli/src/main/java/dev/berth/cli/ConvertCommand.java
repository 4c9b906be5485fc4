package dev.berth.cli;

import dev.berth.compose.ComposeImport;
import dev.berth.compose.ComposeOptions;
import dev.berth.compose.Conversion;
import dev.berth.generator.DryRunOutput;
import dev.berth.generator.Generation;
import dev.berth.generator.GeneratorOptions;
import dev.berth.generator.HostView;
import dev.berth.generator.LoadedSources;
import dev.berth.generator.SearchPath;
import dev.berth.generator.SourceLoader;
import dev.berth.generator.SourceUnit;
import dev.berth.spec.Diagnostic;
import dev.berth.spec.Position;
import dev.berth.spec.syntax.UnitFilePrinter;
import dev.berth.spec.yaml.BerthYaml;
import dev.berth.spec.yaml.BerthYamlReader;
import dev.berth.spec.yaml.BerthYamlWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth convert}: Compose files to units or YAML, and unit files to YAML. */
@Command(name = "convert",
        mixinStandardHelpOptions = true,
        versionProvider = Berth.VersionProvider.class,
        description = {
            "Converts a Docker Compose file into Quadlet units (or one berth YAML spec), or unit files into YAML.",
            "",
            "Compose: services become NAME.container (and NAME.build for build:), networks NAME.network (the default "
                    + "network PROJECT.network), volumes NAME.volume; podman names them PROJECT_NAME as Compose does. "
                    + "Variables are interpolated as Compose does, from the environment and .env (or --env-file). "
                    + "depends_on becomes Requires=/After= (service_healthy adds Notify=healthy to the dependency, "
                    + "service_completed_successfully makes it a oneshot). A Compose feature without an equivalent "
                    + "is a warning naming the service and the key. The result is checked as 'berth check' would "
                    + "before anything is written; errors write nothing.",
            "",
            "--from-units DIR: the Quadlet files under DIR (drop-ins applied) as one spec per directory, verified "
                    + "to generate the same units.",
            "",
            "Without --output, prints the result. Paths of the project (bind mounts, env files, build contexts) "
                    + "are made absolute, as Compose does, so the units work wherever they are installed."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:converted (warnings allowed)", "1:errors; nothing written", "2:usage error"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  berth convert compose.yaml                         print the units",
            "  berth convert -o /etc/containers/systemd compose.yaml",
            "  berth convert --to yaml --profile debug compose.yaml",
            "  berth convert --from-units /etc/containers/systemd"})
final class ConvertCommand implements Callable<Integer> {

    enum Target { units, yaml }

    private final Berth.Session session;

    @Parameters(arity = "0..1", paramLabel = "COMPOSE", description = "the Compose file (compose.yaml)")
    Path compose;

    @Option(names = "--to", paramLabel = "units|yaml", description = "what to produce (default: units)")
    Target to = Target.units;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "write the files into DIR")
    Path output;

    @Option(names = "--env-file", paramLabel = "FILE", description = "variables for interpolation, instead of .env")
    Path envFile;

    @Option(names = "--profile", paramLabel = "NAME", description = "activate a Compose profile (repeatable)")
    List<String> profiles = new ArrayList<>();

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME", description = "the Compose project name")
    String projectName;

    @Option(names = "--from-units", paramLabel = "DIR", description = "convert the unit files under DIR into YAML")
    Path fromUnits;

    ConvertCommand(Berth.Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        if ((compose == null) == (fromUnits == null)) {
            session.err().println("berth convert: give a Compose file or --from-units DIR (one of them)");
            return 2;
        }
        return fromUnits != null ? fromUnits() : fromCompose();
    }

    private Integer fromCompose() throws IOException {
        ComposeOptions options = new ComposeOptions(Optional.ofNullable(projectName), session.env()::variable,
                Optional.ofNullable(envFile), new LinkedHashSet<>(profiles));
        Conversion c = ComposeImport.convert(compose, options);
        List<Diagnostic> diagnostics = new ArrayList<>(c.diagnostics());
        Path dir = (output != null ? output : compose.toAbsolutePath().getParent()).toAbsolutePath().normalize();
        String header = "Converted by berth convert from " + compose.getFileName() + " (Compose project " + c.project() + ")";
        if (!c.hasErrors()) {
            diagnostics.addAll(check(c.units(), dir, to == Target.yaml ? c.project() + BerthYaml.EXTENSION : null));
        }
        report(diagnostics);
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return 1;
        }
        Map<String, String> files = new LinkedHashMap<>();
        if (to == Target.yaml) {
            files.put(c.project() + BerthYaml.EXTENSION, BerthYamlWriter.write(c.units(), header));
        } else {
            for (BerthYaml.Unit u : c.units()) {
                files.put(u.fileName(), "# " + header + "\n" + UnitFilePrinter.print(u.file()));
            }
        }
        return emit(files);
    }

    /** The units as the generator sees them from where they will be: what 'berth check' would report. */
    private List<Diagnostic> check(List<BerthYaml.Unit> units, Path dir, String specName) {
        List<SourceUnit> sources = new ArrayList<>();
        for (BerthYaml.Unit u : units) {
            String file = dir.resolve(specName != null ? specName : u.fileName()).toString();
            sources.add(new SourceUnit(u.fileName(), file, dir.toString(), u.kind(),
                    new dev.berth.spec.syntax.UnitFile(file, u.file().sections())));
        }
        Generation.Outcome o = Generation.translate(new LoadedSources(sources, List.of()),
                new GeneratorOptions(false, GeneratorOptions.DEFAULT_PODMAN), HostView.real());
        return o.diagnostics();
    }

    private Integer fromUnits() throws IOException {
        Path root = fromUnits.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            session.err().println(new Diagnostic(dev.berth.spec.Severity.ERROR, Position.ofFile(root.toString()),
                    "not a directory", Optional.of("give the directory of the unit files")).format());
            return 1;
        }
        SearchPath.Result search = SearchPath.expand(List.of(root));
        LoadedSources loaded = SourceLoader.load(search);
        List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
        Map<Path, List<BerthYaml.Unit>> byDir = new LinkedHashMap<>();
        for (SourceUnit s : loaded.units()) {
            if (BerthYaml.isBerthYaml(Path.of(s.path()).getFileName().toString())) {
                continue; // already YAML
            }
            byDir.computeIfAbsent(Path.of(s.directory()), d -> new ArrayList<>())
                    .add(new BerthYaml.Unit(s.fileName(), s.kind(), s.file()));
        }
        if (byDir.size() > 1 && output == null) {
            session.err().println("berth convert: the units are in " + byDir.size() + " directories, one spec each; "
                    + "give --output DIR");
            return 2;
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (Map.Entry<Path, List<BerthYaml.Unit>> e : byDir.entrySet()) {
            Path rel = root.relativize(e.getKey());
            String name = (rel.toString().isEmpty() ? root.getFileName() : rel.getFileName()) + BerthYaml.EXTENSION;
            String text = BerthYamlWriter.write(e.getValue(), "Converted by berth convert --from-units from "
                    + e.getKey());
            diagnostics.addAll(verify(e.getKey(), e.getValue(), text));
            files.put(rel.resolve(name).toString(), text);
        }
        report(diagnostics);
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return 1;
        }
        return emit(files);
    }

    /** The spec must generate what the unit files generate (comments and SourcePath= aside); an error if not. */
    private static List<Diagnostic> verify(Path dir, List<BerthYaml.Unit> units, String yaml) {
        GeneratorOptions options = new GeneratorOptions(false, GeneratorOptions.DEFAULT_PODMAN);
        List<SourceUnit> original = new ArrayList<>();
        units.forEach(u -> original.add(new SourceUnit(u.fileName(), "SOURCE", dir.toString(), u.kind(), u.file())));
        BerthYaml.Parsed back = BerthYamlReader.read(dir.resolve("spec" + BerthYaml.EXTENSION).toString(),
                yaml.getBytes(StandardCharsets.UTF_8));
        if (back.hasErrors()) {
            return back.diagnostics();
        }
        List<SourceUnit> fromYaml = new ArrayList<>();
        back.units().forEach(u -> fromYaml.add(new SourceUnit(u.fileName(), "SOURCE", dir.toString(), u.kind(), u.file())));
        String a = render(Generation.translate(new LoadedSources(original, List.of()), options, HostView.real()));
        String b = render(Generation.translate(new LoadedSources(fromYaml, List.of()), options, HostView.real()));
        if (!a.equals(b)) {
            return List.of(Diagnostic.error(Position.ofFile(dir.toString()), "the YAML would not generate the same "
                    + "units as these files", "please report this as a berth bug"));
        }
        return List.of();
    }

    private static String render(Generation.Outcome o) {
        return DryRunOutput.render(o.units()).replaceAll("(?m)^[#;].*\n", "").replaceAll("\n\n+", "\n\n");
    }

    private void report(List<Diagnostic> diagnostics) {
        for (Diagnostic d : Reports.sorted(diagnostics)) {
            session.err().println(d.format());
        }
    }

    private Integer emit(Map<String, String> files) throws IOException {
        if (output == null) {
            boolean several = files.size() > 1;
            files.forEach((name, text) -> {
                if (several) {
                    session.out().println("---" + name + "---");
                }
                session.out().print(text);
                if (several) {
                    session.out().println();
                }
            });
            session.out().flush();
            return 0;
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = output.resolve(f.getKey());
            if (dev.berth.install.AtomicFiles.write(target, f.getValue())) {
                session.out().println("wrote " + target);
            } else {
                session.out().println("unchanged " + target);
            }
        }
        return 0;
    }
}
