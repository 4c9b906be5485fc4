package dev.berth.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.berth.checkpoint.Archive;
import dev.berth.install.ManagedUnit;
import dev.berth.checkpoint.CheckpointException;
import dev.berth.checkpoint.CheckpointMetadata;
import dev.berth.checkpoint.CheckpointRequest;
import dev.berth.checkpoint.CheckpointResult;
import dev.berth.checkpoint.CheckpointStore;
import dev.berth.checkpoint.Coordinator;
import dev.berth.checkpoint.RestoreResult;
import dev.berth.runtime.CheckpointFlags;
import dev.berth.runtime.Podman;
import dev.berth.runtime.PodmanException;
import dev.berth.systemd.Systemd;
import dev.berth.systemd.SystemdException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth migrate NAME --to DIR} and {@code berth migrate --from DIR}. */
@Command(name = "migrate",
        mixinStandardHelpOptions = true,
        versionProvider = Berth.VersionProvider.class,
        description = {
            "Moves a running container to another host, through a directory you copy (scp, rsync, Ansible): "
                    + "berth invents no transport.",
            "",
            "--to DIR checkpoints NAME (the unit ends inactive, Result=success, and is not restarted) and moves "
                    + "into DIR (0700) everything the target needs: the archive and its metadata (no longer in this "
                    + "host's store, so RestoreOnStart= cannot bring the container back here), the unit's Quadlet "
                    + "file (spec/), the image when it is local (image.tar), and migration.json. Once the target "
                    + "runs it, 'berth remove NAME' here keeps an [Install]ed unit from starting fresh at boot.",
            "--from DIR, on the target, loads the image, installs the Quadlet file (as berth apply does), "
                    + "and restores the container under its unit. Root only."},
        footerHeading = "%nExamples:%n",
        footer = {"  berth migrate web --to /var/tmp/web.migration",
                  "  rsync -a /var/tmp/web.migration/ target:/var/tmp/web.migration/",
                  "  ssh target berth migrate --from /var/tmp/web.migration"})
final class MigrateCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Berth.Session session;

    @Mixin
    ManagerOptions manager = new ManagerOptions();

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The unit to move (with --to).")
    String name;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Direction direction;

    static final class Direction {
        @Option(names = "--to", paramLabel = "DIR", description = "Export NAME into DIR (created, 0700).")
        Path to;

        @Option(names = "--from", paramLabel = "DIR", description = "Install and restore what DIR holds.")
        Path from;
    }

    MigrateCommand(Berth.Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Console console = new Console(session, manager.format);
        if (manager.user) {
            return CheckpointSupport.refuseUser(console);
        }
        if (direction.to != null && name == null) {
            return console.fail("usage", Optional.empty(), "--to needs the NAME of the unit to move",
                    Optional.of("berth migrate web --to DIR"));
        }
        try (Systemd systemd = session.connect(false)) {
            Coordinator c = CheckpointSupport.coordinator(session, systemd);
            if (direction.to != null) {
                return exportTo(console, c, direction.to);
            }
            return importFrom(console, systemd, c, direction.from);
        } catch (SystemdException e) {
            return console.fail(e);
        } catch (CheckpointException e) {
            return CheckpointSupport.fail(console, name == null ? "" : name, e);
        } catch (IOException | PodmanException e) {
            return console.fail("migrate", Optional.ofNullable(name), e.getMessage(), Optional.empty());
        }
    }

    private int exportTo(Console console, Coordinator c, Path dir)
            throws CheckpointException, SystemdException, IOException, PodmanException {
        Optional<UnitNameResolver.Found> found = CheckpointSupport.resolve(session, name, console);
        if (found.isEmpty()) {
            return Console.FAILED;
        }
        String unit = found.get().unit();
        ManagedUnit managed = found.get().from();
        if (Files.exists(dir) && Files.list(dir).findAny().isPresent()) {
            return console.fail("migrate", Optional.of(name), dir + " is not empty",
                    Optional.of("name a new or empty directory"));
        }
        Files.createDirectories(dir.getParent() == null ? Path.of(".") : dir.toAbsolutePath().getParent());
        if (!Files.isDirectory(dir)) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        CheckpointResult r = c.checkpoint(unit, new CheckpointRequest(new CheckpointFlags("zstd", false, false, false),
                Optional.empty(), "berth migrate"));
        Archive a = r.archive();
        CheckpointStore.copyInto(a.path(), createPrivate(dir.resolve(a.path().getFileName().toString())));
        CheckpointStore.copyInto(a.metadataPath(), createPrivate(dir.resolve(a.metadataPath().getFileName().toString())));
        // A move, not a copy: left in this host's store, the archive would be the "latest" a RestoreOnStart= unit
        // here restores at its next start, and the container would then run on both hosts. DIR holds it now (and
        // 'berth migrate --from DIR' here brings it back).
        c.store().remove(a);
        Path spec = dir.resolve("spec");
        Files.createDirectory(spec, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path source = managed.sourcePath();
        Files.copy(source, spec.resolve(source.getFileName()));
        CheckpointMetadata m = a.metadata().orElseThrow();
        Podman podman = Podman.system();
        boolean imageSaved = false;
        if (m.image() != null && !m.image().isEmpty() && podman.imageExists(m.image())) {
            Path image = dir.resolve("image.tar");
            podman.saveImage(m.image(), image);
            imageSaved = true;
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("unit", unit);
        manifest.put("source", source.getFileName().toString());
        manifest.put("archive", a.path().getFileName().toString());
        manifest.put("image", m.image());
        manifest.put("imageArchive", imageSaved ? "image.tar" : null);
        CheckpointStore.writePrivate(dir.resolve("migration.json"), JSON.writeValueAsBytes(manifest));
        if (console.json()) {
            manifest.put("directory", dir.toString());
            manifest.put("activeState", r.after().activeState());
            console.document(manifest);
        } else {
            console.out("exported " + unit + " into " + dir + " (" + (m.size() / 1024) + " KiB checkpoint"
                    + (imageSaved ? ", image " + m.image() : "") + "); " + unit + " is " + r.after().activeState()
                    + "; copy the directory to the target and run 'berth migrate --from DIR' there");
        }
        return Console.OK;
    }

    private int importFrom(Console console, Systemd systemd, Coordinator c, Path dir)
            throws CheckpointException, SystemdException, IOException, PodmanException {
        Path manifestFile = dir.resolve("migration.json");
        if (!Files.isRegularFile(manifestFile)) {
            return console.fail("migrate", Optional.empty(), dir + " has no migration.json",
                    Optional.of("name a directory 'berth migrate NAME --to DIR' wrote"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = JSON.readValue(manifestFile.toFile(), Map.class);
        String unit = (String) manifest.get("unit");
        name = unit;
        Path archive = dir.resolve((String) manifest.get("archive"));
        CheckpointMetadata meta = CheckpointStore.readMetadata(dir.resolve(
                archive.getFileName().toString().replaceAll("\\.tar.*$", ".json"))).orElseThrow(
                    () -> new CheckpointException("the metadata of " + archive + " is missing or unreadable", null));
        if (manifest.get("imageArchive") != null) {
            Podman.system().loadImage(dir.resolve((String) manifest.get("imageArchive")));
        }
        int applied = SpecInstall.apply(session).install(dir.resolve("spec"));
        if (applied != 0) {
            return console.fail("migrate", Optional.of(unit), "installing the unit's files from " + dir.resolve("spec")
                    + " failed (see above); nothing was restored", Optional.empty());
        }
        if (systemd.state(unit).active()) {
            // apply starts units enabled by [Install]: the migrated state replaces that fresh start
            systemd.stop(unit);
        }
        Archive adopted = c.store().adopt(unit, archive, meta);
        RestoreResult r = c.restore(unit, adopted.path().toString(), "fail");
        RestoreCommand.print(console, unit, r);
        return Console.OK;
    }

    private static Path createPrivate(Path file) throws IOException {
        return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
}
