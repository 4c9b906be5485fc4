package dev.berth.spec;

/**
 * A place in a source file, 1-based, as compilers print it: {@code file:line:col}.
 * The column counts Unicode code points, so it matches what an editor shows.
 */
public record Position(String file, int line, int column) implements Comparable<Position> {

    public Position {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
    }

    /** A position for a whole file, used when no line applies (for example an unreadable file). */
    public static Position ofFile(String file) {
        return new Position(file, 0, 0);
    }

    public Position atColumn(int newColumn) {
        return new Position(file, line, newColumn);
    }

    @Override
    public int compareTo(Position other) {
        int c = file.compareTo(other.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, other.line);
        return c != 0 ? c : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return file + ":" + line + ":" + column;
    }
}
