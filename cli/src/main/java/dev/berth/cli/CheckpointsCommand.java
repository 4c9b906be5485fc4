package dev.berth.cli;

import dev.berth.checkpoint.Archive;
import dev.berth.checkpoint.CheckpointMetadata;
import dev.berth.checkpoint.CheckpointStore;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
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
        List<Row> rows = new ArrayList<>();
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
            console.document(new Document(rows));
        } else if (rows.isEmpty()) {
            console.note("no checkpoints in " + store.root());
        } else {
            Table t = new Table("UNIT", "ARCHIVE", "CREATED", "SIZE", "IMAGE", "BY");
            for (Row r : rows) {
                t.add(r.unit(), r.path(), r.created().orElse(""), r.size().map(n -> n / 1024 + " KiB").orElse(""),
                        r.image().orElse(""), r.by().orElse(""));
            }
            t.lines().forEach(console::out);
        }
        return Console.OK;
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

    /** The JSON answer of {@code berth checkpoints}: one row per archive. */
    record Document(List<Row> checkpoints) {
    }

    /** One archive; the fields from its metadata are null when it has none (or it is unreadable). */
    record Row(String unit, String path, Optional<String> created, Optional<Long> size, Optional<String> image,
               Optional<String> by, Optional<CheckpointMetadata> metadata) {
    }

    /** The JSON answer of {@code berth checkpoints prune}. */
    record Removed(List<String> removed) {
    }

    private static Row row(String unit, Archive a) {
        Optional<CheckpointMetadata> md = a.metadata();
        return new Row(unit, a.path().toString(), md.map(CheckpointMetadata::created),
                md.map(CheckpointMetadata::size), md.map(CheckpointMetadata::image), md.map(CheckpointMetadata::by),
                md);
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
                console.document(new Removed(removed));
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
