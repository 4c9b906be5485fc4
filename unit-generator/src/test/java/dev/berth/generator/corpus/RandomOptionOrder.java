package dev.berth.generator.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Where the reference's command lines have a random order, and a canonical form that forgets exactly that order.
 *
 * <p>Quadlet 5.4.2 emits a few sets of podman options by iterating a Go map ({@code lookupAndAddString},
 * {@code lookupAndAddAllStrings}, {@code lookupAndAddBoolean} in {@code pkg/systemd/quadlet/quadlet.go}), and
 * Go randomises map iteration on every run. Within one such set ("block") the options of different keys come
 * out in any order; all values of one key stay together and in file order (the key's values are a list), the
 * blocks themselves come in a fixed order, and everything else on the line is deterministic: the KEY=VALUE
 * options ({@code --env}, {@code --label}, {@code --annotation}, {@code --opt}) are sorted by key, and the
 * health-check options come from a slice, not a map.
 *
 * <p>The canonical form: split the value into words as printed (quoted words kept verbatim), find the podman
 * subcommand, then walk the words after it; an <em>option group</em> is a block option plus, for string and
 * list options, the one word that follows it (its value, even when that starts with {@code -}, as in
 * {@code --pids-limit -1}); boolean options ({@code --init} or {@code --init=false}) are one word. Each maximal run
 * of consecutive groups from the same block is sorted stably by option name. Two lines are equivalent iff their
 * canonical forms are equal. So a difference is tolerated only when it is a reordering of different keys
 * inside one block, in the position the block occupies; the program, the subcommand, every other option, its
 * position, the order of repeated values of one key, and the trailing image and arguments must all match.
 *
 * <p>Arity comes from the table, not from guessing "the next word unless it starts with -": a boolean option
 * right before a positional word ({@code network create --internal --ipv6 mynet}) would otherwise swallow it.
 */
public final class RandomOptionOrder {

    private record Block(int id, Map<String, Integer> arity) {
    }

    private record Subcommand(List<String> words, List<Block> blocks) {
        Block blockOf(String option) {
            for (Block b : blocks) {
                if (b.arity().containsKey(option)) {
                    return b;
                }
            }
            return null;
        }
    }

    private static final int VALUE = 1;
    private static final int FLAG = 0;

    /** The Go-map option sets of Quadlet 5.4.2, per podman subcommand, in emission order. */
    private static final List<Subcommand> REFERENCE_5_4_2 = List.of(
            new Subcommand(List.of("run"), List.of(
                    block(1, VALUE, "--tz", "--pids-limit", "--shm-size", "--entrypoint", "--workdir", "--ip", "--ip6",
                            "--hostname", "--stop-signal", "--stop-timeout", "--pull"),
                    block(2, VALUE, "--network-alias", "--ulimit", "--dns", "--dns-option", "--dns-search",
                            "--group-add", "--add-host", "--tmpfs"),
                    block(3, FLAG, "--init", "--env-host", "--read-only-tmpfs"))),
            new Subcommand(List.of("network", "create"), List.of(
                    block(1, FLAG, "--disable-dns", "--internal", "--ipv6"),
                    block(2, VALUE, "--driver", "--ipam-driver"),
                    block(3, VALUE, "--dns"))),
            new Subcommand(List.of("image", "pull"), List.of(
                    block(1, VALUE, "--arch", "--authfile", "--cert-dir", "--creds", "--decryption-key", "--os",
                            "--variant"),
                    block(2, FLAG, "--all-tags", "--tls-verify"))),
            new Subcommand(List.of("build"), List.of(
                    block(1, VALUE, "--arch", "--authfile", "--target", "--variant"),
                    block(2, FLAG, "--tls-verify", "--force-rm"),
                    block(3, VALUE, "--dns", "--dns-option", "--dns-search", "--group-add", "--tag"))),
            new Subcommand(List.of("pod", "create"), List.of(
                    block(1, VALUE, "--ip", "--ip6", "--shm-size"),
                    block(2, VALUE, "--network-alias", "--dns", "--dns-option", "--dns-search", "--add-host"))));

    /**
     * The Go-map option sets of Quadlet 5.8.6 (read from pkg/systemd/quadlet/quadlet.go at v5.8.2): the 5.4.2 sets
     * plus the newer keys, without {@code --entrypoint} (written on its own since 5.8), and the KEY=VALUE options,
     * whose keys 5.8 also takes from a map (each key's values still sorted).
     */
    private static final List<Subcommand> REFERENCE_5_8 = List.of(
            new Subcommand(List.of("run"), List.of(
                    block(1, VALUE, "--tz", "--pids-limit", "--shm-size", "--workdir", "--ip", "--ip6", "--hostname",
                            "--stop-signal", "--stop-timeout", "--pull", "--memory", "--retry", "--retry-delay"),
                    block(2, VALUE, "--network-alias", "--ulimit", "--dns", "--dns-option", "--dns-search",
                            "--group-add", "--add-host", "--tmpfs"),
                    block(3, FLAG, "--init", "--env-host", "--http-proxy", "--read-only-tmpfs"),
                    block(4, VALUE, "--env", "--label", "--annotation"))),
            new Subcommand(List.of("network", "create"), List.of(
                    block(1, FLAG, "--disable-dns", "--internal", "--ipv6"),
                    block(2, VALUE, "--driver", "--ipam-driver", "--interface-name"),
                    block(3, VALUE, "--dns"),
                    block(4, VALUE, "--opt", "--label"))),
            new Subcommand(List.of("image", "pull"), List.of(
                    block(1, VALUE, "--arch", "--authfile", "--cert-dir", "--creds", "--decryption-key", "--os",
                            "--policy", "--variant", "--retry", "--retry-delay"),
                    block(2, FLAG, "--all-tags", "--tls-verify"))),
            new Subcommand(List.of("artifact", "pull"), List.of(
                    block(1, VALUE, "--authfile", "--cert-dir", "--creds", "--decryption-key", "--retry",
                            "--retry-delay"),
                    block(2, FLAG, "--quiet", "--tls-verify"))),
            new Subcommand(List.of("build"), List.of(
                    block(1, VALUE, "--arch", "--authfile", "--ignorefile", "--target", "--variant", "--retry",
                            "--retry-delay"),
                    block(2, FLAG, "--tls-verify", "--force-rm"),
                    block(3, VALUE, "--dns", "--dns-option", "--dns-search", "--group-add", "--tag"),
                    block(4, VALUE, "--build-arg", "--env", "--label", "--annotation"))),
            new Subcommand(List.of("pod", "create"), List.of(
                    block(1, VALUE, "--ip", "--ip6", "--shm-size"),
                    block(2, VALUE, "--network-alias", "--dns", "--dns-option", "--dns-search", "--add-host",
                            "--hostname"))));

    private static Block block(int id, int arity, String... options) {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        for (String o : options) {
            m.put(o, arity);
        }
        return new Block(id, Map.copyOf(m));
    }

    private RandomOptionOrder() {
    }

    /** True when the two printed command lines differ at most by the reference's random option order. */
    public static boolean equivalent(String expected, String actual) {
        return equivalent(expected, actual, ReferenceVersion.V5_4);
    }

    /** {@link #equivalent(String, String)} by the random order of {@code reference}. */
    public static boolean equivalent(String expected, String actual, ReferenceVersion reference) {
        List<Subcommand> table = reference.latest() ? REFERENCE_5_8 : REFERENCE_5_4_2;
        return canonical(expected, table).equals(canonical(actual, table));
    }

    /** The words of a printed command line with the random-order runs sorted (see the class comment). */
    public static List<String> canonical(String commandLine) {
        return canonical(commandLine, REFERENCE_5_4_2);
    }

    private static List<String> canonical(String commandLine, List<Subcommand> table) {
        List<String> words = PrintedWords.split(commandLine);
        Located at = locate(words, table);
        if (at == null) {
            return words;
        }
        List<String> out = new ArrayList<>(words.subList(0, at.start()));
        List<List<String>> run = new ArrayList<>();
        Block runBlock = null;
        int i = at.start();
        while (i < words.size()) {
            String word = words.get(i);
            Block b = at.sub().blockOf(word);
            int arity = b == null ? 0 : b.arity().get(word);
            if (b == null && word.endsWith("=false")) {
                // "--flag=false" is how a boolean option set to false is printed.
                String option = optionName(word);
                Block flagBlock = at.sub().blockOf(option);
                if (flagBlock != null && flagBlock.arity().get(option) == FLAG) {
                    b = flagBlock;
                }
            }
            if (b == null) {
                flush(run, out);
                runBlock = null;
                out.add(word);
                i++;
                continue;
            }
            if (runBlock != b) {
                flush(run, out);
                runBlock = b;
            }
            int end = Math.min(words.size(), i + 1 + arity);
            run.add(List.copyOf(words.subList(i, end)));
            i = end;
        }
        flush(run, out);
        return out;
    }

    private record Located(Subcommand sub, int start) {
    }

    /** The earliest subcommand of the table on the line; options are canonicalised only after it. */
    private static Located locate(List<String> words, List<Subcommand> table) {
        Located best = null;
        for (Subcommand sub : table) {
            int n = sub.words().size();
            for (int i = 1; i + n <= words.size(); i++) {
                if (words.subList(i, i + n).equals(sub.words())) {
                    if (best == null || i + n < best.start()) {
                        best = new Located(sub, i + n);
                    }
                    break;
                }
            }
        }
        return best;
    }

    private static void flush(List<List<String>> run, List<String> out) {
        run.sort(Comparator.comparing(g -> optionName(g.get(0))));
        run.forEach(out::addAll);
        run.clear();
    }

    private static String optionName(String word) {
        return word.endsWith("=false") ? word.substring(0, word.length() - "=false".length()) : word;
    }
}
