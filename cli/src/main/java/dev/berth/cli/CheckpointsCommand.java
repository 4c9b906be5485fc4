package dev.berth.cli;

import dev.berth.checkpoint.Archive;
import dev.berth.checkpoint.CheckpointMetadata;
import dev.berth.checkpoint.CheckpointStore;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth checkpoints [NAME]} and {@code berth checkpoints prune}. */
@Command(name = "checkpoints",
        mixinStandardHelpOptions = true,
        versionProvider = Berth.VersionProvider.class,
        subcommands = CheckpointsCommand.Prune.class,
        description = {
            "Lists the checkpoints in /var/lib/berth/checkpoints: of one unit, or of all. One line each: unit, "
                    + "archive, time, size, image, what took it.",
            "",
            "JSON: {\"checkpoints\": [{\"path\", ...metadata}]}."},
        footerHeading = "%nExamples:%n",
        footer = {"  berth checkpoints", "  berth checkpoints web", "  berth checkpoints prune --keep 3 web",
                  "  berth checkpoints prune --older-than 7d"})
final class CheckpointsCommand implements Callable<Integer> {

    private final Berth.Session session;

    @Mixin
    ManagerOptions manager = new ManagerOptions();

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "Only this unit's checkpoints.")
    String name;

    CheckpointsCommand(Berth.Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Console console = new Console(session, manager.format);
        CheckpointStore store = CheckpointSupport.store(session);
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            for (String unit : units(session, store, name, console)) {
                for (Archive a : store.list(unit)) {
                    rows.add(row(unit, a));
                }
            }
        } catch (IOException e) {
            return console.fail("io", Optional.empty(), "cannot read " + store.root() + ": " + e.getMessage(),
                    Optional.empty());
        } catch (IllegalArgumentException e) {
            return Console.FAILED;
        }
        if (console.json()) {
            console.document(Map.of("checkpoints", rows));
        } else if (rows.isEmpty()) {
            console.note("no checkpoints in " + store.root());
        } else {
            Table t = new Table("UNIT", "ARCHIVE", "CREATED", "SIZE", "IMAGE", "BY");
            for (Map<String, Object> r : rows) {
                t.add(str(r.get("unit")), str(r.get("path")), str(r.get("created")),
                        r.get("size") == null ? "" : (((Number) r.get("size")).longValue() / 1024) + " KiB",
                        str(r.get("image")), str(r.get("by")));
            }
            t.lines().forEach(console::out);
        }
        return Console.OK;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    static List<String> units(Berth.Session session, CheckpointStore store, String name, Console console)
            throws IOException {
        if (name == null) {
            return store.units();
        }
        Optional<UnitNameResolver.Found> f = CheckpointSupport.resolve(session, name, console);
        if (f.isEmpty()) {
            throw new IllegalArgumentException(name);
        }
        return List.of(f.get().unit());
    }

    private static Map<String, Object> row(String unit, Archive a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", unit);
        m.put("path", a.path().toString());
        Optional<CheckpointMetadata> md = a.metadata();
        m.put("created", md.map(CheckpointMetadata::created).orElse(null));
        m.put("size", md.map(CheckpointMetadata::size).orElse(null));
        m.put("image", md.map(CheckpointMetadata::image).orElse(null));
        m.put("by", md.map(CheckpointMetadata::by).orElse(null));
        m.put("metadata", md.orElse(null));
        return m;
    }

    /** {@code berth checkpoints prune}. */
    @Command(name = "prune", mixinStandardHelpOptions = true, versionProvider = Berth.VersionProvider.class,
            description = "Removes checkpoints (archive and metadata): beyond the newest --keep N of each unit, "
                    + "and those older than --older-than. One of the two is required.")
    static final class Prune implements Callable<Integer> {

        @picocli.CommandLine.ParentCommand
        CheckpointsCommand parent;

        @Mixin
        ManagerOptions manager = new ManagerOptions();

        @Parameters(paramLabel = "NAME", arity = "0..1", description = "Only this unit's checkpoints.")
        String name;

        @Option(names = "--keep", paramLabel = "N", description = "Keep the newest N of each unit.")
        Integer keep;

        @Option(names = "--older-than", paramLabel = "AGE", description = "Remove those older than AGE: 30m, 12h, 7d.")
        String olderThan;

        @Override
        public Integer call() {
            Console console = new Console(parent.session, manager.format);
            if (keep == null && olderThan == null) {
                return console.fail("usage", Optional.empty(), "prune needs --keep N or --older-than AGE",
                        Optional.of("for example: berth checkpoints prune --keep 3"));
            }
            Optional<Duration> age;
            try {
                age = Optional.ofNullable(olderThan).map(Prune::age);
            } catch (DateTimeParseException | NumberFormatException e) {
                return console.fail("usage", Optional.empty(), "--older-than " + olderThan + " is not an age",
                        Optional.of("use a number and m, h or d: 30m, 12h, 7d"));
            }
            CheckpointStore store = CheckpointSupport.store(parent.session);
            List<String> removed = new ArrayList<>();
            try {
                for (String unit : units(parent.session, store, name, console)) {
                    for (Archive a : store.prune(unit, Optional.ofNullable(keep), age)) {
                        removed.add(a.path().toString());
                    }
                }
            } catch (IOException e) {
                return console.fail("io", Optional.empty(), e.getMessage(), Optional.empty());
            } catch (IllegalArgumentException e) {
                return Console.FAILED;
            }
            if (console.json()) {
                console.document(Map.of("removed", removed));
            } else {
                removed.forEach(r -> console.out("removed " + r));
                console.note(removed.size() + (removed.size() == 1 ? " checkpoint" : " checkpoints") + " removed");
            }
            return Console.OK;
        }

        static Duration age(String s) {
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            return switch (s.charAt(s.length() - 1)) {
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException(s);
            };
        }
    }
}
