package dev.berth.spec.quadlet;

import java.util.List;
import java.util.Optional;

/**
 * A Quadlet version berth can generate for: its output is what that Podman release's Quadlet generates, keys and
 * behaviours included (except berth's documented deviations). A target names a minor release ({@code 5.4},
 * {@code 5.8}); the behaviour of its newest patch release is meant, so {@code 5.8} includes 5.8.2's fixes.
 *
 * <p>Every key carries the version that introduced it ({@link KeySpec#since()}), every behaviour that changed its
 * version in {@link QuadletBehaviour}; a target turns on what is not newer than itself.
 */
public record QuadletVersion(int major, int minor) implements Comparable<QuadletVersion> {

    /** The targets berth knows, oldest first: what Debian 13 ships (5.4) up to Podman 6.0. */
    public static final List<QuadletVersion> SUPPORTED = List.of(new QuadletVersion(5, 4), new QuadletVersion(5, 5),
            new QuadletVersion(5, 6), new QuadletVersion(5, 7), new QuadletVersion(5, 8), new QuadletVersion(6, 0));

    /** The default target: the newest supported. */
    public static final QuadletVersion NEWEST = SUPPORTED.get(SUPPORTED.size() - 1);

    /** {@code 5.4}, {@code 5.4.2} (the patch release is ignored) or {@code 6.0}; empty for anything else. */
    public static Optional<QuadletVersion> parse(String text) {
        // By hand, without regex, streams or lambdas: keys' versions are compared on the generator's path.
        String t = text.strip();
        int[] numbers = new int[3];
        int count = 0;
        int digits = 0;
        for (int i = 0; i <= t.length(); i++) {
            char c = i < t.length() ? t.charAt(i) : '.';
            if (c >= '0' && c <= '9' && digits < 4 && count < 3) {
                numbers[count] = numbers[count] * 10 + (c - '0');
                digits++;
            } else if (c == '.' && digits > 0 && count < 3) {
                count++;
                digits = 0;
            } else {
                return Optional.empty();
            }
        }
        return count < 2 ? Optional.empty() : Optional.of(new QuadletVersion(numbers[0], numbers[1]));
    }

    /** Of a {@link KeySpec#since()} or {@link QuadletBehaviour#since()} value: its major and minor release. */
    public static QuadletVersion of(String since) {
        return parse(since.indexOf('.') < 0 ? since + ".0" : since)
                .orElseThrow(() -> new IllegalArgumentException("not a version: " + since));
    }

    public boolean isSupported() {
        return SUPPORTED.contains(this);
    }

    /** Whether this target's Quadlet knows {@code key}. */
    public boolean knows(KeySpec key) {
        return atLeast(key.since());
    }

    /** Whether this target's Quadlet behaves as {@code b} says. */
    public boolean has(QuadletBehaviour b) {
        return compareTo(b.version()) >= 0;
    }

    /** Whether {@code since} (a version such as {@code 5.8.2}) is this minor release or an older one. */
    public boolean atLeast(String since) {
        return compareTo(of(since)) >= 0;
    }

    @Override
    public int compareTo(QuadletVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    /** The supported targets as written in the configuration: {@code 5.4, 5.5, ..., 6.0}. */
    public static String supportedList() {
        return String.join(", ", SUPPORTED.stream().map(QuadletVersion::toString).toList());
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
