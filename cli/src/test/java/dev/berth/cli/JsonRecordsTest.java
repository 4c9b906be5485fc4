package dev.berth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The records behind the JSON reports write the keys, nulls and omissions the reports have always had. */
class JsonRecordsTest {

    @Test
    void showWritesTheAskedPropertiesOnlyAndNullForThoseWithoutAValue() {
        ShowCommand.Row row = ShowCommand.Row.of(List.of(
                new ShowCommand.Property("Id", Optional.of("web.service")),
                new ShowCommand.Property("Description", Optional.empty()),
                new ShowCommand.Property("MainPID", Optional.of(0L)),
                new ShowCommand.Property("Image", Optional.of("localhost/web"))));
        assertEquals("{\"Id\":\"web.service\",\"Description\":null,\"MainPID\":0,\"Image\":\"localhost/web\"}",
                Json.line(row));
    }

    @Test
    void restoreWritesAnAbsentColdReasonAsNull() {
        assertEquals("{\"unit\":\"web.service\",\"archive\":\"/a.tar\",\"restored\":true,\"coldReason\":null,"
                        + "\"activeState\":\"active\",\"mainPid\":42}",
                Json.line(new RestoreCommand.Document("web.service", "/a.tar", true, Optional.empty(), "active", 42)));
    }

    @Test
    void checkpointsWriteAnArchiveWithoutMetadataWithNulls() {
        assertEquals("{\"checkpoints\":[{\"unit\":\"web.service\",\"path\":\"/a.tar\",\"created\":null,\"size\":null,"
                        + "\"image\":null,\"by\":null,\"metadata\":null}]}",
                Json.line(new CheckpointsCommand.Document(List.of(new CheckpointsCommand.Row("web.service", "/a.tar",
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())))));
    }

    @Test
    void catWritesAFileNotShownAsNullText() {
        assertEquals("{\"units\":[{\"name\":\"web.service\",\"files\":[{\"path\":\"/f\",\"text\":null}],"
                        + "\"generated\":null}]}",
                Json.line(new CatCommand.Document(List.of(new CatCommand.Row("web.service",
                        List.of(new CatCommand.FileJson("/f", Optional.empty())), Optional.empty())))));
    }

    @Test
    void aJobThatSucceededWritesNullProblemFixAndStateAndNoLogs() {
        assertEquals("{\"name\":\"web.service\",\"given\":\"web\",\"job\":\"start\",\"result\":\"done\","
                        + "\"succeeded\":true,\"problem\":null,\"fix\":null,\"state\":null,\"logs\":[]}",
                Json.line(new JobCommand.Row("web.service", "web", "start", "done", true, Optional.empty(),
                        Optional.empty(), Optional.empty(), List.of())));
    }

    @Test
    void aUnitStateWritesEveryPropertyAndNullForThoseSystemdLeftUnset() {
        dev.berth.systemd.UnitState dead = new dev.berth.systemd.UnitState("web.service", "", "loaded", "inactive",
                "dead", "", 0, 2, 0, Optional.empty(), Optional.empty(), Optional.empty());
        assertEquals("{\"loadState\":\"loaded\",\"activeState\":\"inactive\",\"subState\":\"dead\","
                        + "\"result\":null,\"mainPid\":null,\"since\":null,\"uptimeSeconds\":null,\"restarts\":2,"
                        + "\"execMainStatus\":0,\"fragmentPath\":null,\"sourcePath\":null}",
                Json.line(UnitStates.json(dead, java.time.Instant.EPOCH)));
    }
}
