package dev.berth.spec.syntax;

import dev.berth.spec.Position;

/** One logical line inside a section: a key assignment or a comment (blank lines count as comments). */
public sealed interface Line permits Entry, Comment {
    Position position();
}
