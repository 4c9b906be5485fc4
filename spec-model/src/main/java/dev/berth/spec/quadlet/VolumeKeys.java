package dev.berth.spec.quadlet;

import static dev.berth.spec.quadlet.ValueKind.ARGS;
import static dev.berth.spec.quadlet.ValueKind.BOOLEAN;
import static dev.berth.spec.quadlet.ValueKind.KEY_VALUE;
import static dev.berth.spec.quadlet.ValueKind.LIST;
import static dev.berth.spec.quadlet.ValueKind.SINGLE;

import java.util.List;

/** The keys of {@code [Volume]}, in the order Quadlet emits their podman arguments. */
public final class VolumeKeys {
    private static final KeyTable T = new KeyTable("Volume");

    public static final KeySpec CONTAINERS_CONF_MODULE = T.step("ContainersConfModule", LIST, "--module", "4.8",
            "a containers.conf module to load, before the podman subcommand");
    public static final KeySpec GLOBAL_ARGS = T.step("GlobalArgs", ARGS, "", "4.8",
            "arguments placed between podman and the volume subcommand");
    public static final KeySpec UID = T.step("UID", SINGLE, "--uid", "6.0",
            "owner UID of the volume's mount point");
    public static final KeySpec GID = T.step("GID", SINGLE, "--gid", "6.0",
            "owner GID of the volume's mount point");
    public static final KeySpec DRIVER = T.step("Driver", SINGLE, "--driver", "4.8",
            "volume driver; 'image' mounts the image named by Image=");
    public static final KeySpec COPY = T.step("Copy", BOOLEAN, "--opt copy", "4.4",
            "copy the image's content at the mount point into the new volume (false gives --opt nocopy)");
    public static final KeySpec DEVICE = T.step("Device", SINGLE, "--opt device=", "4.4",
            "the device or path the volume mounts");
    public static final KeySpec TYPE = T.step("Type", SINGLE, "--opt type=", "4.4",
            "file system type of Device=, as for mount -t");
    public static final KeySpec USER = T.step("User", SINGLE, "--opt o=uid=", "4.4",
            "numeric UID that owns the mounted file system");
    public static final KeySpec GROUP = T.step("Group", SINGLE, "--opt o=gid=", "4.4",
            "numeric GID that owns the mounted file system");
    public static final KeySpec OPTIONS = T.step("Options", SINGLE, "--opt o=", "4.4",
            "mount options for Device=, as for mount -o");
    public static final KeySpec IMAGE = T.step("Image", SINGLE, "--opt image=", "4.8",
            "with Driver=image: the image to mount, or a .image/.build file");
    public static final KeySpec LABEL = T.step("Label", KEY_VALUE, "--label", "4.4",
            "key=value labels set on the volume");
    public static final KeySpec PODMAN_ARGS = T.step("PodmanArgs", ARGS, "", "4.6",
            "extra arguments appended to podman volume create");
    public static final KeySpec VOLUME_NAME = T.step("VolumeName", SINGLE, "", "4.7",
            "the volume's name (default: systemd-<file name>)");
    public static final KeySpec SERVICE_NAME = T.step("ServiceName", SINGLE, "", "5.3",
            "the generated service's name (default: <file name>-volume)");

    /** Every key of the section, in declaration order. */
    static final List<KeySpec> ALL = T.build();

    /** The section's keys by name, and its flags, built with the table (when the section is first used). */
    static final SectionKeys INDEX = new SectionKeys(ALL);

    private VolumeKeys() {
    }
}
