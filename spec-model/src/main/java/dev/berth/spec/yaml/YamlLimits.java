package dev.berth.spec.yaml;

/**
 * What {@link SafeYaml} refuses to read. The defaults are far above any real spec or Compose file, and small
 * enough that a hostile document (a billion laughs, ten thousand nested brackets) fails in milliseconds with a
 * few megabytes: the tree holds only the nodes written in the file, and aliases are counted, never copied.
 *
 * @param maxBytes the largest file read at all
 * @param maxDepth how deeply collections may nest
 * @param maxNodes how many nodes the document may stand for with every alias expanded
 * @param maxAliases how many aliases the document may use
 */
public record YamlLimits(int maxBytes, int maxDepth, long maxNodes, int maxAliases) {

    public static final YamlLimits DEFAULT = new YamlLimits(4 * 1024 * 1024, 64, 200_000, 1_000);
}
