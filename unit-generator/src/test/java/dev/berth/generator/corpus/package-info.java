/**
 * The corpus harness: berth against the reference Quadlet 5.4.2 on the cases of
 * {@code unit-generator/src/test/corpus/} (see its README for the case layout).
 *
 * <h2>Levels</h2>
 * <ul>
 * <li><b>Level 1</b>, plain {@code mvn test} (no root, no test host): {@link CorpusGoldenTest} runs berth in-process
 *     on every case and compares with the recorded {@code reference.*} goldens; {@link KeyCoverageTest} checks that
 *     every catalogue key is used by some case and that the catalogue has the spec's key count per section.
 *     {@code mvn -o -B test -pl unit-generator -am -Dtest='CorpusGoldenTest' -Dsurefire.failIfNoSpecifiedTests=false}.</li>
 * <li><b>Level 2</b>, tagged {@code differential} (excluded by default): {@link ReferenceDifferentialTest} runs the
 *     live reference from the test-host rootfs and berth on every case, and checks the goldens are still current.
 *     As root: {@code mvn -B -Pdifferential -pl unit-generator -am test
 *     -Dberth.testhost.rootfs=$(bash packaging/testhost/rootfs.sh | tail -n 1)} ({@code -Dgroups=differential}
 *     activates the same profile), or {@code ./test.sh}. Without the property it fails; it never skips.</li>
 * </ul>
 * Both print {@code <label>: N/M identical (D documented deviations)} and write the full report, with a diff excerpt
 * per mismatch, to {@code unit-generator/target/corpus-report/}. {@code -Dberth.corpus.dir=<dir>} runs another
 * corpus directory.
 *
 * <h2>Verdicts</h2>
 * {@link CaseCheck} holds the rules per {@code reference=accepts|partial|rejects}; {@link UnitComparison} compares
 * two unit texts exactly except for the options Quadlet 5.4.2 emits in random (Go map) order, made precise in
 * {@link RandomOptionOrder}. A case may declare {@code deviation=<anchor>}, naming a heading of
 * {@code docs/compatibility.md}: it is then reported apart and does not count, but it fails when the heading is
 * missing.
 */
package dev.berth.generator.corpus;
