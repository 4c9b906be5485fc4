package dev.berth.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * podman, run by argv. Each method is one podman command; JSON answers are read with Jackson. Errors carry
 * podman's own last line, which names the cause.
 */
public final class Podman {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Processes processes;
    private final String podman;

    public Podman(Processes processes, String podman) {
        this.processes = processes;
        this.podman = podman;
    }

    public static Podman system() {
        return new Podman(Processes.system(), "/usr/bin/podman");
    }

    /** The container's state; empty when there is no such container. */
    public Optional<ContainerInfo> inspect(String container) throws PodmanException {
        ProcessResult r = run("container", "inspect", container);
        if (!r.ok()) {
            if (r.stderr().contains("no such container")) {
                return Optional.empty();
            }
            throw failure("inspect " + container, r);
        }
        try {
            JsonNode c = JSON.readTree(r.stdout()).path(0);
            JsonNode state = c.path("State");
            return Optional.of(new ContainerInfo(c.path("Id").asText(), c.path("Name").asText(),
                    state.path("Status").asText(), c.path("ImageName").asText(), c.path("Image").asText(),
                    state.path("ConmonPid").asLong(), state.path("Pid").asLong()));
        } catch (IOException e) {
            throw new PodmanException("podman container inspect printed what is not JSON: " + e.getMessage(), r);
        }
    }

    /** The image's digest ({@code sha256:...}), or its ID when it has none; empty when there is no such image. */
    public Optional<String> imageDigest(String image) throws PodmanException {
        ProcessResult r = run("image", "inspect", "--format", "{{.Digest}}", image);
        if (!r.ok()) {
            return Optional.empty();
        }
        return Optional.of(r.stdout().strip()).filter(s -> !s.isEmpty());
    }

    /** {@code podman --version}'s number. */
    public String version() throws PodmanException {
        ProcessResult r = run("--version");
        if (!r.ok()) {
            throw failure("--version", r);
        }
        String v = r.stdout().strip();
        return v.substring(v.lastIndexOf(' ') + 1);
    }

    /**
     * {@code podman container checkpoint --export FILE --print-stats}: the stats JSON podman prints. CRIU's
     * refusal, or any other failure, is an exception whose message is podman's, with the CRIU log it names.
     */
    public JsonNode checkpoint(String container, Path export, CheckpointFlags flags) throws PodmanException {
        List<String> argv = new ArrayList<>(List.of("container", "checkpoint", "--export", export.toString(),
                "--compress", flags.compression(), "--print-stats"));
        if (flags.leaveRunning()) {
            argv.add("--leave-running");
        }
        if (flags.tcpEstablished()) {
            argv.add("--tcp-established");
        }
        if (flags.fileLocks()) {
            argv.add("--file-locks");
        }
        argv.add(container);
        ProcessResult r = run(argv.toArray(String[]::new));
        if (!r.ok()) {
            throw failure("checkpoint", r);
        }
        try {
            return JSON.readTree(r.stdout());
        } catch (IOException e) {
            return JSON.nullNode();
        }
    }

    /** {@code podman kill --signal KILL}: ends a container whatever it is doing, frozen included. */
    public void kill(String container) throws PodmanException {
        ProcessResult r = run("kill", "--signal", "KILL", container);
        if (!r.ok()) {
            throw failure("kill " + container, r);
        }
    }

    /** {@code podman save} of an image into an OCI archive. */
    public void saveImage(String image, Path file) throws PodmanException {
        ProcessResult r = run("save", "--format", "oci-archive", "-o", file.toString(), image);
        if (!r.ok()) {
            throw failure("save " + image, r);
        }
    }

    /** {@code podman load} of an archive {@link #saveImage} wrote. */
    public void loadImage(Path file) throws PodmanException {
        ProcessResult r = run("load", "-i", file.toString());
        if (!r.ok()) {
            throw failure("load " + file, r);
        }
    }

    /** Whether the image is in local storage. */
    public boolean imageExists(String image) throws PodmanException {
        return run("image", "exists", image).ok();
    }

    private ProcessResult run(String... args) throws PodmanException {
        List<String> argv = new ArrayList<>();
        argv.add(podman);
        argv.addAll(List.of(args));
        try {
            return processes.run(argv);
        } catch (IOException e) {
            throw new PodmanException("cannot run " + podman + ": " + e.getMessage(), null);
        }
    }

    private static PodmanException failure(String what, ProcessResult r) {
        return new PodmanException(CriuLog.explain(r), r);
    }
}
