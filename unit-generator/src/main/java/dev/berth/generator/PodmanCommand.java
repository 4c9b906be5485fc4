package dev.berth.generator;

import dev.berth.spec.syntax.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A podman command line being assembled as a list of words, never as one string, so that nothing a
 * user writes can change where one argument ends and the next begins. {@link #toExecLine()} quotes the words
 * so that systemd passes each one to podman unchanged.
 */
public final class PodmanCommand {
    private final List<String> words = new ArrayList<>();
    private final boolean spacesEscaped;

    public PodmanCommand(String podman) {
        this(podman, false);
    }

    /** @param spacesEscaped blanks in quoted words written as {@code \x20} (Quadlet 5.8 and later) */
    public PodmanCommand(String podman, boolean spacesEscaped) {
        words.add(podman);
        this.spacesEscaped = spacesEscaped;
    }

    public PodmanCommand add(String... args) {
        // A loop, not addAll(List.of(args)): that copies the arguments twice, for every flag of every file.
        for (String a : args) {
            words.add(Objects.requireNonNull(a));
        }
        return this;
    }

    /** A new command with the same words so far and the same way of writing them. */
    public PodmanCommand copy() {
        PodmanCommand c = new PodmanCommand(words.get(0), spacesEscaped);
        c.words.addAll(words.subList(1, words.size()));
        return c;
    }

    public PodmanCommand addAll(List<String> args) {
        words.addAll(args);
        return this;
    }

    /** {@code flag value}, once per value. */
    public PodmanCommand addEach(String flag, List<String> values) {
        for (int i = 0; i < values.size(); i++) { // no iterator: mostly called with an empty list
            words.add(flag);
            words.add(values.get(i));
        }
        return this;
    }

    public List<String> words() {
        return List.copyOf(words);
    }

    public String toExecLine() {
        return Words.join(words, spacesEscaped);
    }

    /** The same command with {@code prefix} before the program, as in {@code ExecStopPost=-/usr/bin/podman ...}. */
    public String toExecLine(String prefix) {
        List<String> copy = new ArrayList<>(words);
        copy.set(0, prefix + copy.get(0));
        return Words.join(copy, spacesEscaped);
    }
}
