package dev.berth.checkpoint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON file beside each archive ({@code STAMP.json} next to {@code STAMP.tar.zst}). The unit helper
 * (packaging/bin/berth-unit-helper) writes the same fields for a checkpoint taken by {@code CheckpointOnStop=}.
 *
 * @param unit          the systemd unit the container ran under
 * @param container     the container's name
 * @param archive       the archive's file name, in the same directory
 * @param image         the image the container ran, as podman names it
 * @param imageDigest   that image's digest
 * @param created       when the checkpoint was taken (ISO-8601, UTC)
 * @param podmanVersion podman's version
 * @param criuVersion   CRIU's version
 * @param kernel        the kernel release
 * @param specHash      {@code sha256:} of the unit's source file (the {@code .container} file), "" if unknown
 * @param size          the archive's size in bytes
 * @param compression   zstd, gzip or none
 * @param leftRunning   the container kept running ({@code --leave-running})
 * @param by            what took it: {@code berth checkpoint}, {@code CheckpointOnStop}, {@code berth migrate}
 * @param stats         podman's {@code --print-stats} document, CRIU's figures inside
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckpointMetadata(String unit, String container, String archive, String image, String imageDigest,
                                 String created, String podmanVersion, String criuVersion, String kernel,
                                 String specHash, long size, String compression, boolean leftRunning, String by,
                                 JsonNode stats) {

    /** CRIU's figures from {@link #stats}, zero where podman gave none. */
    public CriuStats criu() {
        return CriuStats.of(stats);
    }
}
