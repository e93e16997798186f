package dev.progressive.operator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.AgentType;
import dev.progressive.operator.common.SpecViolation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentNamesTest {
  private static final Path CRD = Path.of(System.getProperty("project.root", ".."), "crds",
      "progressiveagents.progressive.dev-v1.yml");

  @Test
  void theLongestNameWhoseChildrenFitIsAccepted() {
    var longest = "a".repeat(AgentNames.MAX_LENGTH);
    assertThat(AgentNames.check(longest)).isEmpty();
    assertThat(AgentNames.children(longest)).allSatisfy(child -> assertThat(child.length()).isLessThanOrEqualTo(63));
  }

  @Test
  void oneCharacterMoreIsInvalidSpecNamingTheLimit() {
    var name = "a".repeat(AgentNames.MAX_LENGTH + 1);
    assertThat(AgentNames.check(name)).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("metadata.name");
      assertThat(v.message()).contains("at most " + AgentNames.MAX_LENGTH, name + "-circuit-breaker", "63");
    });
  }

  @Test
  void aNameThatIsNoDnsLabelIsInvalid() {
    assertThat(AgentNames.check("my.agent")).extracting(SpecViolation::field).containsExactly("metadata.name");
    assertThat(AgentNames.check("9lives")).isNotEmpty();
  }

  @Test
  void theNamesCoverEveryChildAndTheCrdRuleSaysTheSameLimit() throws Exception {
    var agent = Agents.agent("npa", AgentType.NPA);
    assertThat(AgentChildren.desired(agent, Optional.empty())).extracting(HasMetadata::getMetadata)
        .allSatisfy(meta -> assertThat(AgentNames.children("npa")).contains(meta.getName()));
    assertThat(Files.readString(CRD)).contains("self.metadata.name.size() <= " + AgentNames.MAX_LENGTH);
  }
}
