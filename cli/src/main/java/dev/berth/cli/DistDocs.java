package dev.berth.cli;

import dev.berth.generator.Environment;
import dev.berth.spec.quadlet.KeyCatalog;
import dev.berth.spec.quadlet.KeySpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The distribution's documentation, generated from the same model that parses berth's command line, so that the man
 * pages and the completion can never disagree with {@code berth --help}: {@code berth(1)}, one {@code berth-COMMAND(1)}
 * per command, {@code berth-generator(8)}, {@code berth-keys(5)} from the Quadlet key catalogue, and bash (picocli's
 * {@link AutoComplete}), zsh and fish completion. Run by the {@code dist} build (packaging/build-dist):
 *
 * <pre>java -cp berth-cli.jar:lib/* dev.berth.cli.DistDocs OUTPUT_DIR [YYYY-MM-DD]</pre>
 *
 * writes {@code OUTPUT_DIR/man/man{1,5,8}/*} and {@code OUTPUT_DIR/completion/{berth.bash,_berth,berth.fish}}. The
 * date defaults to today (UTC); the build passes the date of the last commit, so that a rebuild writes the same bytes.
 */
public final class DistDocs {

    private static final String MANUAL = "berth manual";
    private final CommandLine berth;
    private final String date;
    private final String version;

    DistDocs(CommandLine berth, String date, String version) {
        this.berth = berth;
        this.date = date;
        this.version = version;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: DistDocs OUTPUT_DIR [YYYY-MM-DD]");
            System.exit(2);
        }
        String date = args.length == 2 ? args[1] : LocalDate.now(ZoneOffset.UTC).toString();
        DistDocs docs = new DistDocs(fullCommandLine(), date, Version.get());
        docs.writeAll(Path.of(args[0]));
    }

    /** berth's command line with every command (not only the one being run, as {@link Berth#execute} builds it). */
    static CommandLine fullCommandLine() {
        Berth.Session session = new Berth.Session(new PrintStream(PrintStream.nullOutputStream()),
                new PrintStream(PrintStream.nullOutputStream()), Environment.system());
        CommandLine cmd = new CommandLine(new Berth(session));
        for (String name : Berth.COMMANDS) {
            cmd.addSubcommand(name, Berth.command(name, session));
        }
        return cmd;
    }

    /** Every file, by its path relative to the output directory. */
    Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("man/man1/berth.1", mainPage());
        for (CommandLine sub : commands()) {
            files.put("man/man1/berth-" + sub.getCommandName() + ".1", commandPage(sub));
        }
        files.put("man/man8/berth-generator.8", generatorPage());
        files.put("man/man5/berth-keys.5", keysPage());
        files.put("completion/berth.bash", AutoComplete.bash("berth", berth));
        files.put("completion/_berth", zsh());
        files.put("completion/berth.fish", fish());
        return files;
    }

    void writeAll(Path out) throws IOException {
        for (Map.Entry<String, String> f : files().entrySet()) {
            Path p = out.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** The documented commands ({@code help} is described in berth(1) instead of a page of its own). */
    private List<CommandLine> commands() {
        List<CommandLine> subs = new ArrayList<>();
        for (CommandLine sub : berth.getSubcommands().values()) {
            if (!sub.getCommandName().equals("help") && !sub.getCommandSpec().usageMessage().hidden()) {
                subs.add(sub);
            }
        }
        return subs;
    }

    // ---- man pages ----------------------------------------------------------------------------------------------

    private String mainPage() {
        CommandSpec spec = berth.getCommandSpec();
        Troff t = new Troff("berth", 1, date, version, MANUAL);
        t.section("Name").raw("berth \\- compile Podman Quadlet files into systemd units and run them under systemd");
        t.section("Synopsis").raw(Troff.bold("berth") + " [" + Troff.bold("--help") + "] ["
                + Troff.bold("--version") + "] " + Troff.italic("COMMAND") + " [" + Troff.italic("ARGS")
                + "...]");
        t.section("Description");
        paragraphs(t, spec.usageMessage().description());
        t.section("Commands");
        for (CommandLine sub : commands()) {
            t.tagged(Troff.ref("berth-" + sub.getCommandName(), 1), firstLine(sub.getCommandSpec()));
        }
        t.tagged(Troff.bold("berth help") + " [" + Troff.italic("COMMAND") + "]",
                "Prints the help of berth or of one command, as --help does.");
        options(t, spec);
        exitStatus(t, spec);
        t.paragraph("Every command's own page lists its exit statuses. The launcher itself exits 1 without starting "
                + "berth when it finds no Java 21 or newer (see ENVIRONMENT).");
        t.section("Environment");
        t.tagged(Troff.bold("NO_COLOR"), "When set to anything but the empty string, berth never colours its "
                + "output. Without it, help text is coloured only on a terminal, and never when TERM is dumb or unset.");
        t.tagged(Troff.bold("BERTH_JAVA") + ", " + Troff.bold("JAVA_HOME"), "The launchers run the first Java 21 "
                + "or newer of: the runtime bundled with the distribution (/usr/lib/berth/runtime), BERTH_JAVA (a "
                + "java executable; an older one is an error), JAVA_HOME/bin/java, java on PATH. With none of them, "
                + "they say so and exit 1.");
        t.tagged(Troff.bold("BERTH_HOME"), "The directory with berth's jars, instead of the one beside the launcher "
                + "(default /usr/lib/berth).");
        t.tagged(Troff.bold("QUADLET_UNIT_DIRS"), "Colon-separated absolute directories that replace the Quadlet "
                + "search path.");
        t.tagged(Troff.bold("XDG_CONFIG_HOME") + ", " + Troff.bold("XDG_RUNTIME_DIR") + ", " + Troff.bold("HOME"),
                "The rootless search path and install directory (--user).");
        t.section("Files");
        t.tagged(Troff.bold("/etc/containers/systemd/"), "Where berth apply installs Quadlet files (with --user: "
                + "~/.config/containers/systemd/). The search path also has /run/containers/systemd/ and "
                + "/usr/share/containers/systemd/.");
        t.tagged(Troff.bold("/etc/berth/berth.conf"), "berth's configuration, see " + "berth.conf(5).");
        t.tagged(Troff.bold("/usr/lib/systemd/system\\-generators/berth\\-generator"),
                "The generator systemd runs at boot and at every daemon-reload; "
                        + "user-generators/berth-user-generator for users' managers. See berth-generator(8).");
        t.section("Examples");
        examples(t, spec);
        seeAlso(t, "berth");
        return t.toString();
    }

    private String commandPage(CommandLine sub) {
        CommandSpec spec = sub.getCommandSpec();
        String name = "berth-" + sub.getCommandName();
        Troff t = new Troff(name, 1, date, version, MANUAL);
        t.section("Name").raw(Troff.escape(name) + " \\- " + Troff.escape(lowerFirst(firstLine(spec))));
        t.section("Synopsis");
        t.preformatted(List.of(synopsis(spec)));
        t.section("Description");
        paragraphs(t, spec.usageMessage().description());
        if (!spec.positionalParameters().isEmpty()) {
            t.section("Arguments");
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (!p.hidden()) {
                    t.tagged(Troff.italic(p.paramLabel()) + (p.arity().max() > 1 ? "..." : ""),
                            String.join(" ", p.description()));
                }
            }
        }
        options(t, spec);
        exitStatus(t, spec.usageMessage().exitCodeList().isEmpty() ? berth.getCommandSpec() : spec);
        List<String> footer = List.of(spec.usageMessage().footer());
        if (!footer.isEmpty()) {
            t.section("Examples");
            examples(t, spec);
        }
        seeAlso(t, name);
        return t.toString();
    }

    private String generatorPage() {
        Troff t = new Troff("berth-generator", 8, date, version, MANUAL);
        t.section("Name").raw("berth\\-generator, berth\\-user\\-generator \\- the systemd generator that "
                + "compiles Quadlet files into units");
        t.section("Synopsis");
        t.preformatted(List.of("/usr/lib/systemd/system-generators/berth-generator normal-dir [early-dir late-dir]",
                "/usr/lib/systemd/user-generators/berth-user-generator normal-dir [early-dir late-dir]",
                "berth-generator -dryrun [-user] [-v]"));
        t.section("Description");
        List<String> usage = GeneratorArgs.USAGE.lines().toList();
        t.preformatted(usage.subList(Math.min(2, usage.size()), usage.size()));
        t.section("Who generates");
        t.paragraph("Only one Quadlet generator may own the search path, so that no unit is ever written twice. "
                + "QuadletGenerator= in /etc/berth/berth.conf decides: with berth (the default), the package masks "
                + "Podman's podman-system-generator and podman-user-generator with links to /dev/null in "
                + "/etc/systemd/system-generators and /etc/systemd/user-generators (berth-select-generator(8) makes "
                + "and removes them); with podman, berth-generator exits at once and writes nothing. When berth is "
                + "to generate but Podman's generator is not masked, berth-generator writes nothing, says so in the "
                + "journal, and Podman's generator writes the units. See berth.conf(5).");
        t.section("Exit status");
        t.tagged(Troff.bold("0"), "every file generated (or berth is not the configured generator)");
        t.tagged(Troff.bold("1"), "a file could not be read, parsed, translated or written (every other file is "
                + "still generated), berth.conf names an unknown generator, or no Java 21 or newer was found");
        t.tagged(Troff.bold("2"), "usage error");
        t.section("See also");
        t.raw(String.join(", ", Troff.ref("berth", 1), Troff.ref("berth.conf", 5), Troff.ref("berth-keys", 5),
                Troff.ref("systemd.generator", 7), Troff.ref("podman-systemd.unit", 5)));
        return t.toString();
    }

    private String keysPage() {
        Troff t = new Troff("berth-keys", 5, date, version, MANUAL);
        t.section("Name").raw("berth\\-keys \\- the Quadlet keys berth reads, section by section");
        t.section("Description");
        t.paragraph("berth reads the Podman Quadlet file formats unchanged. This page lists every key of every "
                + "section berth knows, from the same catalogue that validates files (berth check), suggests fixes "
                + "for misspelt keys, and drives the translation. Each key names the podman argument it becomes and "
                + "the Podman release whose Quadlet introduced it. Sections other than these ([Unit], [Service], "
                + "[Install] ...) are passed to systemd as they are.");
        String current = "";
        for (KeySpec k : KeyCatalog.all()) {
            if (!k.section().equals(current)) {
                current = k.section();
                t.section("[" + current + "]");
            }
            StringBuilder text = new StringBuilder(k.description());
            if (!k.podmanArgument().isEmpty()) {
                text.append(" (podman ").append(k.podmanArgument()).append(")");
            }
            if (k.since() != null && !String.valueOf(k.since()).isEmpty()) {
                text.append(". Since Podman ").append(k.since()).append('.');
            }
            t.tagged(Troff.bold(k.name() + "="), text.toString());
        }
        t.section("See also");
        t.raw(String.join(", ", Troff.ref("berth", 1), Troff.ref("berth-check", 1),
                Troff.ref("podman-systemd.unit", 5), Troff.ref("systemd.unit", 5)));
        return t.toString();
    }

    private void options(Troff t, CommandSpec spec) {
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden()).toList();
        if (options.isEmpty()) {
            return;
        }
        t.section("Options");
        for (OptionSpec o : options) {
            StringBuilder tag = new StringBuilder();
            for (String n : o.names()) {
                if (!tag.isEmpty()) {
                    tag.append(", ");
                }
                tag.append(Troff.bold(n));
            }
            if (o.arity().max() > 0) {
                tag.append("=").append(Troff.italic(o.paramLabel()));
            }
            t.tagged(tag.toString(), String.join(" ", o.description()));
        }
    }

    private static void exitStatus(Troff t, CommandSpec spec) {
        Map<String, String> codes = spec.usageMessage().exitCodeList();
        if (codes.isEmpty()) {
            return;
        }
        t.section("Exit status");
        codes.forEach((code, meaning) -> t.tagged(Troff.bold(code.strip()), meaning));
    }

    private static void examples(Troff t, CommandSpec spec) {
        List<String> block = new ArrayList<>();
        for (String line : spec.usageMessage().footer()) {
            if (line.startsWith(" ")) {
                block.add(line.strip());
                continue;
            }
            if (!block.isEmpty()) {
                t.preformatted(block);
                block = new ArrayList<>();
            }
            t.paragraph(line);
        }
        if (!block.isEmpty()) {
            t.preformatted(block);
        }
    }

    private void seeAlso(Troff t, String self) {
        List<String> refs = new ArrayList<>();
        if (!self.equals("berth")) {
            refs.add(Troff.ref("berth", 1));
        }
        for (CommandLine sub : commands()) {
            String page = "berth-" + sub.getCommandName();
            if (!page.equals(self)) {
                refs.add(Troff.ref(page, 1));
            }
        }
        refs.add(Troff.ref("berth-generator", 8));
        refs.add(Troff.ref("berth-keys", 5));
        refs.add(Troff.ref("berth.conf", 5));
        refs.add(Troff.ref("systemctl", 1));
        refs.add(Troff.ref("podman-systemd.unit", 5));
        t.section("See also").raw(String.join(", ", refs));
    }

    private static void paragraphs(Troff t, String[] description) {
        for (String d : description) {
            t.paragraph(d.replace("%n", "\n").replace("%%", "%"));
        }
    }

    private static String firstLine(CommandSpec spec) {
        String[] d = spec.usageMessage().description();
        return d.length == 0 ? spec.name() : d[0].strip();
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
            s = Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String synopsis(CommandSpec spec) {
        CommandLine.Help help = new CommandLine.Help(spec,
                CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        return help.synopsis(0).strip().replaceAll("\\s+", " ");
    }

    // ---- completion ---------------------------------------------------------------------------------------------

    /** zsh: {@code _berth}, for a directory on {@code $fpath} (Debian: /usr/share/zsh/vendor-completions). */
    private String zsh() {
        StringBuilder z = new StringBuilder();
        z.append("#compdef berth\n# zsh completion for berth, generated from its command model (DistDocs).\n\n");
        z.append("_berth() {\n  local -a commands\n  commands=(\n");
        for (CommandLine sub : commands()) {
            z.append("    '").append(sub.getCommandName()).append(':').append(zshQuote(firstLine(sub
                    .getCommandSpec())).replace(":", "\\:")).append("'\n");
        }
        z.append("    'help:print the help of a command'\n  )\n");
        z.append("  if (( CURRENT == 2 )); then\n    _arguments '(- *)'{-h,--help}'[show help]' "
                + "'(- *)'{-V,--version}'[print the version]' ':command:->command'\n");
        z.append("    [[ $state == command ]] && _describe -t commands 'berth command' commands\n    return\n  fi\n");
        z.append("  local cmd=$words[2]\n  shift words\n  (( CURRENT-- ))\n  case $cmd in\n");
        for (CommandLine sub : commands()) {
            CommandSpec spec = sub.getCommandSpec();
            z.append("    ").append(sub.getCommandName()).append(")\n      _arguments -s");
            for (OptionSpec o : spec.options()) {
                if (o.hidden()) {
                    continue;
                }
                String desc = zshQuote(o.description().length == 0 ? "" : firstSentence(o.description()[0]))
                        .replace("[", "\\[").replace("]", "\\]");
                String exclusive = o.names().length > 1 ? "'(" + String.join(" ", o.names()) + ")'" : "";
                String names = o.names().length > 1 ? "{" + String.join(",", o.names()) + "}" : o.names()[0];
                z.append(" \\\n        ").append(exclusive).append(names);
                if (o.arity().max() > 0) {
                    z.append(o.names().length > 1 ? "" : "=").append("'[").append(desc).append("]:")
                            .append(zshQuote(o.paramLabel())).append(':').append(zshValues(o)).append('\'');
                } else {
                    z.append("'[").append(desc).append("]'");
                }
            }
            for (PositionalParamSpec p : spec.positionalParameters()) {
                String action = isPath(p) ? "_files" : " ";
                z.append(" \\\n        '").append(p.arity().max() > 1 ? "*" : "").append(':')
                        .append(zshQuote(p.paramLabel())).append(':').append(action).append('\'');
            }
            z.append("\n      ;;\n");
        }
        z.append("    help)\n      _describe -t commands 'berth command' commands\n      ;;\n  esac\n}\n\n");
        z.append("_berth \"$@\"\n");
        return z.toString();
    }

    private static String zshValues(OptionSpec o) {
        if (o.completionCandidates() != null) {
            List<String> values = new ArrayList<>();
            o.completionCandidates().forEach(v -> values.add(v.toLowerCase(java.util.Locale.ROOT)));
            if (!values.isEmpty()) {
                return "(" + String.join(" ", values) + ")";
            }
        }
        return isPath(o) ? "_files" : " ";
    }

    private static String zshQuote(String s) {
        return s.replace("'", "'\\''");
    }

    /** fish: {@code berth.fish}, for /usr/share/fish/vendor_completions.d. */
    private String fish() {
        StringBuilder f = new StringBuilder("# fish completion for berth, generated from its command model "
                + "(DistDocs).\n");
        StringBuilder names = new StringBuilder();
        for (CommandLine sub : commands()) {
            names.append(names.isEmpty() ? "" : " ").append(sub.getCommandName());
        }
        f.append("complete -c berth -f\n");
        f.append("complete -c berth -n '__fish_use_subcommand' -s h -l help -d 'show help'\n");
        f.append("complete -c berth -n '__fish_use_subcommand' -s V -l version -d 'print the version'\n");
        for (CommandLine sub : commands()) {
            f.append("complete -c berth -n '__fish_use_subcommand' -a ").append(sub.getCommandName())
                    .append(" -d '").append(fishQuote(firstSentence(firstLine(sub.getCommandSpec())))).append("'\n");
        }
        f.append("complete -c berth -n '__fish_use_subcommand' -a help -d 'print the help of a command'\n");
        f.append("complete -c berth -n '__fish_seen_subcommand_from help' -a '").append(names).append("'\n");
        for (CommandLine sub : commands()) {
            CommandSpec spec = sub.getCommandSpec();
            String when = "-n '__fish_seen_subcommand_from " + sub.getCommandName() + "'";
            for (OptionSpec o : spec.options()) {
                if (o.hidden()) {
                    continue;
                }
                f.append("complete -c berth ").append(when);
                for (String n : o.names()) {
                    if (n.startsWith("--")) {
                        f.append(" -l ").append(n.substring(2));
                    } else {
                        f.append(" -s ").append(n.substring(1));
                    }
                }
                if (o.arity().max() > 0) {
                    List<String> values = new ArrayList<>();
                    if (o.completionCandidates() != null) {
                        o.completionCandidates().forEach(v -> values.add(v.toLowerCase(java.util.Locale.ROOT)));
                    }
                    if (!values.isEmpty()) {
                        f.append(" -x -a '").append(String.join(" ", values)).append('\'');
                    } else if (isPath(o)) {
                        f.append(" -r -F");
                    } else {
                        f.append(" -x");
                    }
                }
                String desc = o.description().length == 0 ? "" : firstSentence(o.description()[0]);
                f.append(" -d '").append(fishQuote(desc)).append("'\n");
            }
            if (spec.positionalParameters().stream().anyMatch(p -> isPath(p))) {
                f.append("complete -c berth ").append(when).append(" -F\n");
            }
        }
        return f.toString();
    }

    private static String fishQuote(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'");
    }

    /** A path, or a list of them (the element type is picocli's first auxiliary type). */
    private static boolean isPath(ArgSpec arg) {
        for (Class<?> type : arg.auxiliaryTypes()) {
            if (type == Path.class || type == java.io.File.class) {
                return true;
            }
        }
        return arg.type() == Path.class || arg.type() == java.io.File.class;
    }

    private static String firstSentence(String s) {
        String t = s.strip();
        int dot = t.indexOf(". ");
        return dot > 0 ? t.substring(0, dot) : (t.endsWith(".") ? t.substring(0, t.length() - 1) : t);
    }
}
