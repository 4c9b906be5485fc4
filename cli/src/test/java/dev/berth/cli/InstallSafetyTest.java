package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 7, items 1, 2 and 5: what apply, remove and enable may read, write, delete and print. */
class InstallSafetyTest {

    @TempDir
    Path tmp;
    ApplyFixture m;

    @BeforeEach
    void machine() throws IOException {
        m = new ApplyFixture(tmp);
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    // Item 1: a symlinked drop-in directory is unlinked, its target never touched.
    @Test
    void removeUnlinksASymlinkedDropInDirectoryAndNeverTouchesItsTarget() throws IOException {
        m.installed("web.container", ApplyCommandTest.WEB);
        Path elsewhere = tmp.resolve("precious");
        ApplyFixture.write(elsewhere.resolve("keep.conf"), "[Container]\nLabel=a=b\n");
        ApplyFixture.write(elsewhere.resolve("data.txt"), "not berth's\n");
        Files.createSymbolicLink(m.install.resolve("web.container.d"), elsewhere);

        Run r = m.berth("remove", "web");

        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(Files.exists(elsewhere.resolve("keep.conf")), "the link's target is not berth's to delete");
        assertTrue(Files.exists(elsewhere.resolve("data.txt")));
        assertFalse(Files.exists(m.install.resolve("web.container.d"), LinkOption.NOFOLLOW_LINKS),
                "the link itself goes");
        assertFalse(Files.exists(m.install.resolve("web.container")));
    }

    // Item 1, the other direction: apply never writes through a link out of the install directory.
    @Test
    void applyRefusesToWriteThroughALinkOutOfTheInstallDirectory() throws IOException {
        m.installed("web.container", ApplyCommandTest.WEB);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(m.install.resolve("web.container.d"), elsewhere);
        m.source("web.container", ApplyCommandTest.WEB);
        m.source("web.container.d/10-x.conf", "[Container]\nLabel=a=b\n");

        Run r = m.berth("apply", m.src.toString());

        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("symbolic link"), r.err());
        assertFalse(Files.exists(elsewhere.resolve("10-x.conf")));
    }

    // Item 2: a link that leaves the source tree is refused, and nothing of its target is printed or installed.
    @Test
    void aLinkOutOfTheSourceTreeIsRefusedAndItsTargetNeverPrinted() throws IOException {
        Path secret = ApplyFixture.write(tmp.resolve("outside/shadow"), "root:$6$secret-hash:19000::::::\n");
        m.source("web.container", ApplyCommandTest.WEB);
        Files.createSymbolicLink(m.src.resolve("secret.env"), secret);
        Files.createDirectories(tmp.resolve("outside/ssh"));
        ApplyFixture.write(tmp.resolve("outside/ssh/ssh_host_key"), "PRIVATE KEY\n");
        Files.createSymbolicLink(m.src.resolve("ssh"), tmp.resolve("outside/ssh"));

        Run r = m.berth("apply", m.src.toString());

        assertEquals(1, r.status(), r.out() + r.err());
        assertFalse((r.out() + r.err()).contains("secret-hash"));
        assertFalse((r.out() + r.err()).contains("PRIVATE KEY"));
        assertTrue(r.err().contains(m.src.resolve("secret.env") + ": error: a symbolic link out of the source "
                + "tree"), r.err());
        assertTrue(r.err().contains(m.src.resolve("ssh") + ": error: a symbolic link out of the source tree"),
                r.err());
        assertFalse(Files.exists(m.install));
    }

    // Item 2: a link inside the source tree is fine: it installs what it points to.
    @Test
    void aLinkInsideTheSourceTreeInstallsItsTarget() throws IOException {
        m.source("web.container", ApplyCommandTest.WEB);
        Files.createSymbolicLink(m.src.resolve("other.container"), m.src.resolve("web.container"));
        Run r = m.berth("apply", m.src.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertEquals(ApplyCommandTest.WEB, Files.readString(m.install.resolve("other.container")));
        assertFalse(Files.isSymbolicLink(m.install.resolve("other.container")));
    }

    // Item 2: modes are kept (capped at 0644); a file that is not world-readable is 0600 and never printed.
    @Test
    void aPrivateFileStaysPrivateAndIsNotShownInTheDiff() throws IOException {
        m.source("web.container", ApplyCommandTest.WEB);
        Path env = m.source("db.env", "PASSWORD=hunter2\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
        Path wide = m.source("wide.env", "A=1\n");
        Files.setPosixFilePermissions(wide, PosixFilePermissions.fromString("rwxrwxrwx"));

        Run r = m.berth("apply", m.src.toString());

        assertEquals(0, r.status(), r.out() + r.err());
        assertEquals("rw-------", mode(m.install.resolve("db.env")));
        assertEquals("rw-r--r--", mode(m.install.resolve("wide.env")), "capped at 0644");
        assertEquals("rw-r--r--", mode(m.install.resolve("web.container")));
        assertFalse(r.out().contains("hunter2"), r.out());
        assertTrue(r.out().contains(m.install.resolve("db.env") + ": content changed (not shown: mode 0600)"),
                r.out());

        // Changed later: still not shown, still 0600; JSON has no content at all.
        Files.writeString(env, "PASSWORD=correct-horse\n");
        Run again = m.berth("apply", m.src.toString());
        assertEquals(0, again.status(), again.err());
        assertFalse(again.out().contains("hunter2") || again.out().contains("correct-horse"), again.out());
        assertEquals("rw-------", mode(m.install.resolve("db.env")));
    }

    // Item 2: an installed private file is not printed either, even when the new one is world-readable.
    @Test
    void anInstalledPrivateFileIsNotPrintedWhenReplaced() throws IOException {
        Path old = m.installed("db.env", "PASSWORD=hunter2\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-------"));
        m.source("db.env", "PASSWORD=\n");
        Run r = m.berth("apply", m.src.toString());
        assertEquals(0, r.status(), r.err());
        assertFalse(r.out().contains("hunter2"), r.out());
    }

    // Item 5: enable writes its choice into the admin's directory, never into /usr/share or /run.
    @Test
    void enableWritesItsChoiceIntoEtcEvenForAVendorFile() throws IOException {
        Path vendor = ApplyFixture.write(m.root.resolve("usr/share/containers/systemd/vendor.container"),
                "[Container]\nImage=localhost/x\n");
        ApplyFixture.write(m.root.resolve("run/containers/systemd/temp.container"),
                "[Container]\nImage=localhost/x\n");

        Run r = m.berth("enable", "vendor", "temp");

        assertEquals(0, r.status(), r.out() + r.err());
        assertFalse(Files.exists(vendor.resolveSibling("vendor.container.d")), "the vendor's tree is not the admin's");
        assertFalse(Files.exists(m.root.resolve("run/containers/systemd/temp.container.d")), "lost at reboot");
        assertTrue(Files.readString(m.install.resolve("vendor.container.d/50-berth-enable.conf"))
                .contains("WantedBy=multi-user.target"));
        assertTrue(Files.exists(m.install.resolve("temp.container.d/50-berth-enable.conf")));
        assertTrue(r.out().contains("[multi-user.target.wants/vendor.service]"), r.out());

        Run off = m.berth("disable", "vendor");
        assertEquals(0, off.status(), off.out() + off.err());
        assertFalse(Files.exists(m.install.resolve("vendor.container.d")));
    }

    // Item 6: a rootful apply validates users/<uid>/ files the way that user's generator reads them.
    @Test
    void aBrokenFileForAUserIsRefusedByARootfulApply() throws IOException {
        m.source("web.container", ApplyCommandTest.WEB);
        Path broken = m.source("users/1000/mine.container", "[Container]\nImage=localhost/x\nBadKey=1\n");
        Path shared = m.source("users/all.container", "[Container]\nNoSuchKey=1\nImage=localhost/x\n");

        Run r = m.berth("apply", m.src.toString());

        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.err().contains(broken + ":3:"), r.err());
        assertTrue(r.err().contains(shared + ":2:"), r.err());
        assertFalse(Files.exists(m.install.resolve("users/1000/mine.container")));
        assertFalse(Files.exists(m.install.resolve("web.container")), "nothing is installed");

        // A good one goes in.
        Files.writeString(broken, "[Container]\nImage=localhost/x\n");
        Files.writeString(shared, "[Container]\nImage=localhost/x\n");
        Run ok = m.berth("apply", m.src.toString());
        assertEquals(0, ok.status(), ok.out() + ok.err());
        assertTrue(Files.exists(m.install.resolve("users/1000/mine.container")));
    }
}
