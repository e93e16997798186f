package dev.progressive.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Three-way convergence of a shared map: what the operator dropped goes, what others added stays. */
class ManagedKeysTest {

  @Test
  void aKeyTheOperatorSetAndNoLongerWantsIsRemovedWhileOthersKeysStay() {
    var actual = Map.of("app", "npa", "release", "kube-prometheus-stack", "owner", "me");
    var converged = ManagedKeys.converge(actual, Map.of("app", "npa", "team", "platform"), Set.of("app", "release"));
    assertThat(converged).containsExactlyInAnyOrderEntriesOf(Map.of("app", "npa", "team", "platform", "owner", "me"));
  }

  @Test
  void theDesiredValueWinsOverWhatSomeoneElseWrote() {
    var converged = ManagedKeys.converge(Map.of("release", "old", "owner", "me"), Map.of("release", "new"), Set.of());
    assertThat(converged).containsExactlyInAnyOrderEntriesOf(Map.of("release", "new", "owner", "me"));
  }

  @Test
  void withoutARecordNothingIsRemoved() {
    assertThat(ManagedKeys.converge(Map.of("release", "a"), Map.of(), ManagedKeys.parse(null)))
        .containsExactlyEntriesOf(Map.of("release", "a"));
    assertThat(ManagedKeys.converge(null, Map.of("app", "x"), Set.of())).containsExactlyEntriesOf(Map.of("app", "x"));
  }

  @Test
  void aRecordIsSortedAndReadsBack() {
    var record = ManagedKeys.record(Set.of("release", "app.kubernetes.io/name", "team"));
    assertThat(record).isEqualTo("app.kubernetes.io/name,release,team");
    assertThat(ManagedKeys.parse(record)).containsExactlyInAnyOrder("release", "app.kubernetes.io/name", "team");
    assertThat(ManagedKeys.parse("")).isEmpty();
    assertThat(ManagedKeys.parse(" a , ,b")).containsExactlyInAnyOrder("a", "b");
  }

  @Property
  void everyDesiredEntryIsThere(@ForAll("maps") Map<String, String> actual, @ForAll("maps") Map<String, String> desired,
      @ForAll("keySets") Set<String> managed) {
    assertThat(ManagedKeys.converge(actual, desired, managed)).containsAllEntriesOf(desired);
  }

  @Property
  void aKeyTheOperatorManagedAndNoLongerWantsIsGone(@ForAll("maps") Map<String, String> actual,
      @ForAll("maps") Map<String, String> desired, @ForAll("keySets") Set<String> managed) {
    var converged = ManagedKeys.converge(actual, desired, managed);
    managed.stream().filter(k -> !desired.containsKey(k)).forEach(k -> assertThat(converged).doesNotContainKey(k));
  }

  @Property
  void aKeyOnlySomeoneElseSetKeepsItsValue(@ForAll("maps") Map<String, String> actual,
      @ForAll("maps") Map<String, String> desired, @ForAll("keySets") Set<String> managed) {
    var converged = ManagedKeys.converge(actual, desired, managed);
    actual.forEach((k, v) -> {
      if (!managed.contains(k) && !desired.containsKey(k)) {
        assertThat(converged).containsEntry(k, v);
      }
    });
    var expectedKeys = new HashSet<>(actual.keySet());
    expectedKeys.removeAll(managed);
    expectedKeys.addAll(desired.keySet());
    assertThat(converged.keySet()).isEqualTo(expectedKeys);
  }

  /** Once converged and recorded, the next reconcile with the same desired map changes nothing: no write. */
  @Property
  void convergingTwiceChangesNothing(@ForAll("maps") Map<String, String> actual,
      @ForAll("maps") Map<String, String> desired, @ForAll("keySets") Set<String> managed) {
    var once = ManagedKeys.converge(actual, desired, managed);
    var recorded = ManagedKeys.parse(ManagedKeys.record(desired.keySet()));
    assertThat(ManagedKeys.converge(once, desired, recorded)).isEqualTo(once);
  }

  /** A move from one desired map to another leaves exactly the new one plus what others added. */
  @Property
  void changingTheDesiredMapLeavesNothingOfTheOldOne(@ForAll("maps") Map<String, String> others,
      @ForAll("maps") Map<String, String> before, @ForAll("maps") Map<String, String> after) {
    var first = ManagedKeys.converge(others, before, Set.of());
    var second = ManagedKeys.converge(first, after, ManagedKeys.parse(ManagedKeys.record(before.keySet())));
    var expected = new HashMap<>(others);
    expected.keySet().removeAll(before.keySet());
    expected.putAll(after);
    assertThat(second).isEqualTo(expected);
  }

  @Provide
  Arbitrary<Map<String, String>> maps() {
    return Arbitraries.maps(keys(), Arbitraries.strings().alpha().ofMaxLength(3)).ofMaxSize(6);
  }

  @Provide
  Arbitrary<Set<String>> keySets() {
    return keys().set().ofMaxSize(6);
  }

  /** Few distinct keys, so that the maps and sets overlap often. */
  private static Arbitrary<String> keys() {
    return Arbitraries.of("app", "release", "team", "owner", "example.com/tier", "x");
  }
}
