package dev.berth.cli;

import dev.berth.spec.yaml.BerthYamlSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code berth schema}. */
@Command(name = "schema",
        mixinStandardHelpOptions = true,
        versionProvider = Berth.VersionProvider.class,
        description = {
            "Prints the JSON Schema of berth's YAML format (.berth.yaml files), generated from the key catalogue.",
            "",
            "Editors with a YAML language server complete and validate spec files with it: save it (berth schema "
                    + "> berth.schema.json) and add '# yaml-language-server: $schema=berth.schema.json' at the top "
                    + "of a spec. See docs/yaml.md."},
        footerHeading = "%nExamples:%n",
        footer = {"  berth schema > berth.schema.json"})
final class SchemaCommand implements Callable<Integer> {

    private final Berth.Session session;

    SchemaCommand(Berth.Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        session.out().print(BerthYamlSchema.json());
        session.out().flush();
        return 0;
    }
}
