package dev.berth.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoPathsTest {

    @ParameterizedTest
    @CsvSource({"'',.", "/,/", "//a//b/,/a/b", "/a/./b/../c,/a/c", "/../a,/a", "a/../..,..", "./a/b/..,a",
            "%h/x/../y,%h/y"})
    void cleanIsGoFilepathClean(String path, String clean) {
        assertEquals(clean, GoPaths.clean(path));
    }

    @ParameterizedTest
    @CsvSource({"/etc/containers/systemd/a.kube,/etc/containers/systemd", "/a.yaml,/", "%h/k/app.yaml,%h/k",
            "app.yaml,.", "/srv/x/,/srv/x"})
    void dirIsGoFilepathDir(String path, String dir) {
        assertEquals(dir, GoPaths.dir(path));
    }
}
