package dev.berth.generator.corpus;

/** What one run of Quadlet (recorded or live) printed, and how it exited. */
public record RunOutput(String stdout, String stderr, int exit) {
}
