package dev.berth.spec.quadlet;

import static dev.berth.spec.quadlet.ValueKind.ARGS;
import static dev.berth.spec.quadlet.ValueKind.BOOLEAN;
import static dev.berth.spec.quadlet.ValueKind.KEY_VALUE;
import static dev.berth.spec.quadlet.ValueKind.LIST;
import static dev.berth.spec.quadlet.ValueKind.SINGLE;

import java.util.List;

/** The keys of {@code [Volume]}, in the order Quadlet emits their podman arguments. */
final class VolumeKeys {
    static final List<KeySpec> ALL = new KeyTable("Volume")
            .key("ContainersConfModule", LIST, "--module", "4.8",
                    "a containers.conf module to load, before the podman subcommand")
            .key("GlobalArgs", ARGS, "", "4.8",
                    "arguments placed between podman and the volume subcommand")
            .key("UID", SINGLE, "--uid", "6.0",
                    "owner UID of the volume's mount point")
            .key("GID", SINGLE, "--gid", "6.0",
                    "owner GID of the volume's mount point")
            .key("Driver", SINGLE, "--driver", "4.8",
                    "volume driver; 'image' mounts the image named by Image=")
            .key("Copy", BOOLEAN, "--opt copy", "4.4",
                    "copy the image's content at the mount point into the new volume (false gives --opt nocopy)")
            .key("Device", SINGLE, "--opt device=", "4.4",
                    "the device or path the volume mounts")
            .key("Type", SINGLE, "--opt type=", "4.4",
                    "file system type of Device=, as for mount -t")
            .key("User", SINGLE, "--opt o=uid=", "4.4",
                    "numeric UID that owns the mounted file system")
            .key("Group", SINGLE, "--opt o=gid=", "4.4",
                    "numeric GID that owns the mounted file system")
            .key("Options", SINGLE, "--opt o=", "4.4",
                    "mount options for Device=, as for mount -o")
            .key("Image", SINGLE, "--opt image=", "4.8",
                    "with Driver=image: the image to mount, or a .image/.build file")
            .key("Label", KEY_VALUE, "--label", "4.4",
                    "key=value labels set on the volume")
            .key("PodmanArgs", ARGS, "", "4.6",
                    "extra arguments appended to podman volume create")
            .key("VolumeName", SINGLE, "", "4.7",
                    "the volume's name (default: systemd-<file name>)")
            .key("ServiceName", SINGLE, "", "5.3",
                    "the generated service's name (default: <file name>-volume)")
            .build();

    private VolumeKeys() {
    }
}
