package dev.berth.generator;

import java.nio.file.Path;

/**
 * One symbolic link that enables a generated unit, as {@code systemctl enable} would make it.
 *
 * @param link where the link goes, relative to the output directory ({@code multi-user.target.wants/web.service})
 * @param target what it points to, relative to the link's directory ({@code ../web.service})
 */
public record InstallLink(Path link, String target) {
}
