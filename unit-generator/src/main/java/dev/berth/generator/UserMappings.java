package dev.berth.generator;

import dev.berth.spec.Position;
import dev.berth.spec.quadlet.SectionReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who the container runs as and how its user namespace maps IDs: {@code User=}/{@code Group=}, {@code UserNS=},
 * {@code UIDMap=}/{@code GIDMap=}, {@code SubUIDMap=}/{@code SubGIDMap=}, and the deprecated {@code RemapUsers=},
 * {@code RemapUid=}, {@code RemapGid=}, {@code RemapUidSize=}. Used by .container, .pod and .kube files.
 */
public final class UserMappings {

    private static final List<String> EXPLICIT = List.of("UserNS", "UIDMap", "GIDMap", "SubUIDMap", "SubGIDMap");

    private UserMappings() {
    }

    /** {@code --user U} or {@code --user U:G}; a group without a user is an error. */
    public static void addUser(TranslationContext ctx, SectionReader section, PodmanCommand podman) {
        String user = section.nonEmpty("User");
        String group = section.nonEmpty("Group");
        if (user == null) {
            if (group != null) {
                ctx.error(section.positionOf("Group"), "Group= needs User=",
                        "add User=<user> (podman sets the group only together with the user)");
            }
            return;
        }
        podman.add("--user", group == null ? user : user + ":" + group);
    }

    /**
     * The ID mapping arguments: the explicit keys when any is set (the deprecated keys must then be absent),
     * else the deprecated {@code Remap*} keys. {@code supportManual} is false for kinds that reject
     * {@code RemapUsers=manual} (.kube).
     */
    public static void addMappings(TranslationContext ctx, SectionReader section, PodmanCommand podman,
                                   boolean supportManual) {
        boolean explicit = false;
        String userns = section.nonEmpty("UserNS");
        if (userns != null) {
            podman.add("--userns", userns);
            explicit = true;
        }
        List<String> uidMaps = section.words("UIDMap");
        podman.addEach("--uidmap", uidMaps);
        List<String> gidMaps = section.words("GIDMap");
        podman.addEach("--gidmap", gidMaps);
        explicit |= !uidMaps.isEmpty() || !gidMaps.isEmpty();
        String subUid = section.nonEmpty("SubUIDMap");
        if (subUid != null) {
            podman.add("--subuidname", subUid);
            explicit = true;
        }
        String subGid = section.nonEmpty("SubGIDMap");
        if (subGid != null) {
            podman.add("--subgidname", subGid);
            explicit = true;
        }
        // RemapUidSize alone does not count, as in Quadlet: it only sizes RemapUsers=auto.
        boolean remap = section.has("RemapUid") || section.has("RemapGid") || section.has("RemapUsers");
        if (!remap) {
            // The usual case. The rules below are in methods of their own, which then never run and so are never
            // compiled: the JIT compiler has enough to do while the generator runs.
            return;
        }
        if (explicit) {
            reportRemapWithExplicit(ctx, section);
            return;
        }
        addRemap(ctx, section, podman, supportManual);
    }

    private static void reportRemapWithExplicit(TranslationContext ctx, SectionReader section) {
        for (String key : List.of("RemapUid", "RemapGid", "RemapUsers")) {
            if (section.has(key)) {
                ctx.error(section.positionOf(key), "the deprecated " + key + "= cannot be combined with "
                                + explicitKeysSet(section),
                        "drop the Remap*= keys and express the mapping with UserNS=, UIDMap= and GIDMap=");
            }
        }
    }

    private static String explicitKeysSet(SectionReader section) {
        List<String> set = new ArrayList<>();
        for (String k : EXPLICIT) {
            if (section.has(k)) {
                set.add(k + "=");
            }
        }
        return String.join(", ", set);
    }

    private static void addRemap(TranslationContext ctx, SectionReader section, PodmanCommand podman,
                                 boolean supportManual) {
        List<String> uidMaps = section.words("RemapUid");
        List<String> gidMaps = section.words("RemapGid");
        // Quadlet reads RemapUsers= without trimming quotes or blanks.
        String mode = section.raw("RemapUsers").orElse("");
        Position at = section.positionOf("RemapUsers");
        switch (mode) {
            case "" -> {
                if (!uidMaps.isEmpty()) {
                    ctx.error(section.positionOf("RemapUid"), "RemapUid= needs RemapUsers=",
                            "set RemapUsers=manual, auto or keep-id, or better, use UIDMap= or UserNS=");
                }
                if (!gidMaps.isEmpty()) {
                    ctx.error(section.positionOf("RemapGid"), "RemapGid= needs RemapUsers=",
                            "set RemapUsers=manual, auto or keep-id, or better, use GIDMap= or UserNS=");
                }
            }
            case "manual" -> {
                if (!supportManual) {
                    ctx.error(at, "RemapUsers=manual is not supported here", "use auto or keep-id");
                    return;
                }
                podman.addEach("--uidmap", uidMaps);
                podman.addEach("--gidmap", gidMaps);
            }
            case "auto" -> {
                List<String> opts = new ArrayList<>();
                uidMaps.forEach(m -> opts.add("uidmapping=" + m));
                gidMaps.forEach(m -> opts.add("gidmapping=" + m));
                long size = remapUidSize(ctx, section);
                if (size > 0) {
                    opts.add("size=" + size);
                }
                podman.add("--userns", withOptions("auto", opts));
            }
            case "keep-id" -> {
                List<String> opts = new ArrayList<>();
                if (uidMaps.size() > 1) {
                    ctx.error(section.positionOf("RemapUid"), "RemapUsers=keep-id takes a single RemapUid=, not "
                            + uidMaps.size(), "keep only one RemapUid= value");
                    return;
                }
                if (gidMaps.size() > 1) {
                    ctx.error(section.positionOf("RemapGid"), "RemapUsers=keep-id takes a single RemapGid=, not "
                            + gidMaps.size(), "keep only one RemapGid= value");
                    return;
                }
                if (!uidMaps.isEmpty()) {
                    opts.add("uid=" + uidMaps.get(0));
                }
                if (!gidMaps.isEmpty()) {
                    opts.add("gid=" + gidMaps.get(0));
                }
                podman.add("--userns", withOptions("keep-id", opts));
            }
            default -> ctx.error(at, "RemapUsers=" + mode + " is not a known mode",
                    supportManual ? "use manual, auto or keep-id" : "use auto or keep-id");
        }
    }

    /**
     * {@code RemapUidSize=} read like Quadlet's number lookup (strtol-style: {@code 0x} hex, leading {@code 0}
     * octal). Quadlet ignores values it cannot read, and negative values; berth reports them.
     */
    static long remapUidSize(TranslationContext ctx, SectionReader section) {
        Optional<String> value = section.single("RemapUidSize");
        if (value.isEmpty()) {
            return 0;
        }
        Optional<Long> n = parseNumber(value.get());
        if (n.isEmpty() || n.get() < 0 || n.get() > 0xffffffffL) {
            ctx.error(section.lastEntry("RemapUidSize").get().valuePosition(),
                    "RemapUidSize=" + value.get() + " is not a number of IDs", "write a positive decimal number");
            return 0;
        }
        return n.get();
    }

    static Optional<Long> parseNumber(String v) {
        String s = v;
        boolean negative = false;
        if (s.startsWith("+")) {
            s = s.substring(1);
        } else if (s.startsWith("-")) {
            s = s.substring(1);
            negative = true;
        }
        try {
            long n;
            if (s.startsWith("0x") || s.startsWith("0X")) {
                n = Long.parseLong(s.substring(2), 16);
            } else if (s.startsWith("0")) {
                n = Long.parseLong(s, 8);
            } else {
                n = Long.parseLong(s, 10);
            }
            return Optional.of(negative ? -n : n);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String withOptions(String kind, List<String> opts) {
        return opts.isEmpty() ? kind : kind + ":" + String.join(",", opts);
    }
}
