package dev.berth.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What checkpoint and restore need to know of a generated container unit, read from the unit file systemd
 * loaded: the {@code podman run} line it starts, the container's name, its image, and whether its
 * {@code ExecStart=} already goes through the unit helper ({@code RestoreOnStart=latest}).
 *
 * @param unit          the service name
 * @param runLine       the {@code podman run ...} command line as written in the unit (specifiers unexpanded)
 * @param containerName the {@code --name} value, specifiers expanded for this unit
 * @param image         the image the unit runs, when it can be told ({@code Image=} of the source file)
 * @param throughHelper true when {@code ExecStart=} is the unit helper's
 */
public record ContainerUnit(String unit, String runLine, String containerName, Optional<String> image,
                            boolean throughHelper) {

    /** The helper generated units run (packaging/bin/berth-unit-helper). */
    public static final String HELPER = "/usr/lib/berth/berth-unit-helper";

    /** Reads the unit file; an exception says why the unit is not a container berth can checkpoint. */
    public static ContainerUnit read(String unit, Path unitFile, Optional<Path> source) throws CheckpointException {
        List<String> lines;
        try {
            lines = Files.readAllLines(unitFile);
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + unitFile + ": " + e.getMessage(), null);
        }
        String exec = null;
        for (String l : lines) {
            if (l.startsWith("ExecStart=")) {
                exec = l.substring("ExecStart=".length());
            }
        }
        if (exec == null || !exec.contains(" run ") || !exec.contains("--name")) {
            throw new CheckpointException(unit + " does not run a container with podman run (" + unitFile + ")",
                    "checkpoint and restore work on the units of .container files");
        }
        boolean helper = exec.startsWith(HELPER + " ");
        Optional<String> image = Optional.empty();
        String run = exec;
        if (helper) {
            // HELPER start MODE IMAGE -- RUNLINE
            String[] w = exec.split(" ", 6);
            if (w.length == 6 && w[4].equals("--")) {
                image = w[3].equals("-") ? Optional.empty() : Optional.of(w[3]);
                run = w[5];
            }
        }
        if (image.isEmpty() && source.isPresent()) {
            image = imageOf(source.get());
        }
        String name = nameOf(run, unit);
        return new ContainerUnit(unit, run, name, image, helper);
    }

    /** {@code --name X} of the run line, with systemd's {@code %N} and {@code %n} expanded for this unit. */
    static String nameOf(String run, String unit) {
        String[] words = run.split("\\s+");
        String name = "";
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("--name") && i + 1 < words.length) {
                name = words[i + 1];
                break;
            }
            if (words[i].startsWith("--name=")) {
                name = words[i].substring(7);
                break;
            }
        }
        String base = unit.endsWith(".service") ? unit.substring(0, unit.length() - 8) : unit;
        return name.replace("%N", base).replace("%n", unit).replace("%%", "%");
    }

    /** The last {@code Image=} of the source file's {@code [Container]} section, unless it names a Quadlet file. */
    static Optional<String> imageOf(Path source) {
        try {
            String section = "";
            String image = null;
            for (String raw : Files.readAllLines(source)) {
                String l = raw.strip();
                if (l.startsWith("[")) {
                    section = l;
                } else if (section.equals("[Container]") && l.startsWith("Image=")) {
                    image = l.substring(6).strip();
                }
            }
            return Optional.ofNullable(image).filter(i -> !i.isEmpty() && !i.endsWith(".image")
                    && !i.endsWith(".build"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** An image name as podman reports it: {@code docker.io/library/} before short names, {@code :latest} if untagged. */
    public static String normalImage(String image) {
        String n = image.contains("/") ? image : "docker.io/library/" + image;
        String last = n.substring(n.lastIndexOf('/') + 1);
        return last.contains(":") || last.contains("@") ? n : n + ":latest";
    }
}
