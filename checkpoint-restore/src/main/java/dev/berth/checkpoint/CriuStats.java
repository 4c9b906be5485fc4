package dev.berth.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * CRIU's figures for one dump, as podman's {@code --print-stats} reports them (times in microseconds).
 *
 * @param podmanMicros   the whole podman checkpoint
 * @param runtimeMicros  the OCI runtime's checkpoint (CRIU and its setup)
 * @param freezingMicros time to freeze the process tree
 * @param frozenMicros   time the tree stayed frozen
 * @param memdumpMicros  time to collect the memory pages
 * @param memwriteMicros time to write them
 * @param pagesScanned   pages examined
 * @param pagesWritten   pages written (4 KiB each)
 */
public record CriuStats(long podmanMicros, long runtimeMicros, long freezingMicros, long frozenMicros,
                        long memdumpMicros, long memwriteMicros, long pagesScanned, long pagesWritten) {

    public static CriuStats of(JsonNode stats) {
        if (stats == null || stats.isNull() || stats.isMissingNode()) {
            return new CriuStats(0, 0, 0, 0, 0, 0, 0, 0);
        }
        JsonNode c = stats.path("container_statistics").path(0);
        JsonNode criu = c.path("criu_statistics");
        return new CriuStats(stats.path("podman_checkpoint_duration").asLong(),
                c.path("runtime_checkpoint_duration").asLong(), criu.path("freezing_time").asLong(),
                criu.path("frozen_time").asLong(), criu.path("memdump_time").asLong(),
                criu.path("memwrite_time").asLong(), criu.path("pages_scanned").asLong(),
                criu.path("pages_written").asLong());
    }

    /** One line for people: {@code freezing 0.10 ms, frozen 83.1 ms, ...}. */
    public String describe() {
        return "podman " + ms(podmanMicros) + ", CRIU: freezing " + ms(freezingMicros) + ", frozen "
                + ms(frozenMicros) + ", memory dump " + ms(memdumpMicros) + ", memory write " + ms(memwriteMicros)
                + ", pages written " + pagesWritten + " of " + pagesScanned + " scanned ("
                + (pagesWritten * 4096 / 1024) + " KiB)";
    }

    private static String ms(long micros) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", micros / 1000.0);
    }
}
