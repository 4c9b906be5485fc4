package dev.berth.spec.quadlet;

/**
 * How a key's value is read. The names match how users think about the value; the comments name the
 * Quadlet lookup each one reproduces.
 */
public enum ValueKind {
    /** The last assignment wins; surrounding quotes are trimmed (Quadlet {@code Lookup}). */
    SINGLE,
    /** Every assignment is one item, in order; an empty assignment clears the list ({@code LookupAll}). */
    LIST,
    /** Every assignment is split at blanks, quotes removed, backslashes kept ({@code LookupAllStrv}). */
    WORDS,
    /** Every assignment is split like a command line, with C escapes decoded ({@code LookupAllArgs}). */
    ARGS,
    /** The last assignment is split like a command line ({@code LookupLastArgs}). */
    COMMAND,
    /** Command-line split, each word {@code key=value}; later keys override ({@code LookupAllKeyVal}). */
    KEY_VALUE,
    /** {@code 1|yes|true|on} are true, {@code 0|no|false|off} false ({@code LookupBoolean}). */
    BOOLEAN
}
