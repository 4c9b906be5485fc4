package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.spec.quadlet.KeyCatalog;
import dev.berth.spec.quadlet.KeySpec;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The man pages and completion scripts the distribution ships, generated from the command model. */
class DistDocsTest {

    private final CommandLine berth = DistDocs.fullCommandLine();
    private final Map<String, String> files = new DistDocs(berth, "2026-01-02", "9.9").files();

    @Test
    void onePagePerCommandWithEveryOptionOfThatCommand() {
        for (String name : Berth.COMMANDS) {
            if (name.equals("help")) {
                continue;
            }
            String page = files.get("man/man1/berth-" + name + ".1");
            assertTrue(page != null, "no page for " + name);
            assertTrue(page.startsWith(".\\\" Generated"), page);
            assertTrue(page.contains(".TH \"BERTH-" + name.toUpperCase(java.util.Locale.ROOT)
                    + "\" \"1\" \"2026-01-02\" \"berth 9.9\""), page);
            for (OptionSpec o : berth.getSubcommands().get(name).getCommandSpec().options()) {
                for (String n : o.names()) {
                    assertTrue(page.contains("\\fB" + Troff.escape(n) + "\\fR"), name + " page lacks " + n);
                }
            }
            assertTrue(page.contains(".SH \"EXIT STATUS\""), name);
            assertTrue(files.get("man/man1/berth.1").contains("\\fBberth\\-" + Troff.escape(name) + "\\fR(1)"),
                    "berth(1) lists " + name);
        }
    }

    @Test
    void berthOneDocumentsEveryExitStatus() {
        String page = files.get("man/man1/berth.1");
        int section = page.indexOf(".SH \"EXIT STATUS\"");
        assertTrue(section > 0, page);
        String exit = page.substring(section, page.indexOf(".SH", section + 3));
        for (String code : berth.getCommandSpec().usageMessage().exitCodeList().keySet()) {
            assertTrue(exit.contains(".TP\n\\fB" + code.strip() + "\\fR\n"), code + " in\n" + exit);
        }
        assertTrue(exit.contains("\\fB3\\fR"), exit);
        assertTrue(page.contains("NO_COLOR"), page);
    }

    @Test
    void theKeysPageHasEveryKeyOfTheCatalogue() {
        String page = files.get("man/man5/berth-keys.5");
        for (KeySpec k : KeyCatalog.all()) {
            assertTrue(page.contains(".SH \"[" + k.section().toUpperCase(java.util.Locale.ROOT) + "]\""), k.section());
            assertTrue(page.contains("\\fB" + Troff.escape(k.name()) + "=\\fR"), k.toString());
        }
    }

    @Test
    void completionForBashZshAndFishNamesEveryCommandAndItsOptions() {
        String bash = files.get("completion/berth.bash");
        String zsh = files.get("completion/_berth");
        String fish = files.get("completion/berth.fish");
        assertTrue(zsh.startsWith("#compdef berth\n"), zsh);
        for (String name : Berth.COMMANDS) {
            assertTrue(bash.contains(name), "bash: " + name);
            assertTrue(fish.contains("-a " + name + " ") || name.equals("help") && fish.contains("-a help"), name);
            assertTrue(zsh.contains("'" + name + ":"), "zsh: " + name);
        }
        assertTrue(zsh.contains("--format='[Output format: text (default) or json]:FORMAT:(text json)'"), zsh);
        assertTrue(fish.contains("complete -c berth -n '__fish_seen_subcommand_from apply' -s n -l dry-run"), fish);
        assertTrue(fish.contains("-l format -x -a 'text json'"), fish);
    }

    @Test
    void troffEscapesWhatWouldOtherwiseBeRequestsOrTypography() {
        assertEquals("\\-\\-user a\\eb", Troff.escape("--user a\\b"));
        String t = new Troff("x", 1, "d", "v", "m").paragraph(".starts with a dot").paragraph("'quote").toString();
        assertTrue(t.contains("\n\\&.starts with a dot\n"), t);
        assertTrue(t.contains("\n\\&'quote\n"), t);
        assertFalse(new Troff("x", 1, "d", "v", "m").paragraph("  ").toString().contains(".PP"));
    }
}
