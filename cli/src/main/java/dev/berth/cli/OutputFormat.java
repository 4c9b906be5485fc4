package dev.berth.cli;

/** {@code --format}: lines for people and editors, or one JSON document for programs. */
enum OutputFormat {
    TEXT,
    JSON
}
