package dev.berth.generator;

/**
 * The few facts about the machine a translation may ask for. Kept behind an interface so the translation
 * stays pure: tests pass a fixed answer, the generator passes the real file system.
 */
public interface HostView {

    /** Whether a path exists now ({@code AddDevice=-/dev/x} only adds devices that exist). */
    boolean exists(String path);

    static HostView real() {
        return path -> java.nio.file.Files.exists(java.nio.file.Path.of(path));
    }

    static HostView nothingExists() {
        return path -> false;
    }
}
