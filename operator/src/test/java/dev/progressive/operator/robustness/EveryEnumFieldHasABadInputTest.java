package dev.progressive.operator.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.api.Incident;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.api.RemediationPlaybook;
import io.fabric8.kubernetes.client.CustomResource;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bad-input table covers every enum-typed field of the four CRDs, so a new enum cannot go untested. */
class EveryEnumFieldHasABadInputTest {
  private static final String OURS = "dev.progressive.operator.";

  @Test
  void everyEnumFieldOfEveryCrdIsInTheTable() {
    var enumFields = new TreeSet<String>();
    for (var kind : List.of(ProgressiveAgent.class, ObservabilityStack.class, RemediationPlaybook.class, Incident.class)) {
      var sections = (ParameterizedType) kind.getGenericSuperclass();
      walk(sections.getActualTypeArguments()[0], "spec", enumFields);
      walk(sections.getActualTypeArguments()[1], "status", enumFields);
    }
    var covered = Stream.of(UnreadableResourcesIntegrationTest.AGENTS, UnreadableResourcesIntegrationTest.STACKS,
            UnreadableResourcesIntegrationTest.PLAYBOOKS, UnreadableResourcesIntegrationTest.INCIDENT_SPECS,
            UnreadableResourcesIntegrationTest.INCIDENT_STATUSES, UnreadableResourcesIntegrationTest.AGENT_STATUSES)
        .flatMap(List::stream).map(BadInput::path).toList();
    assertThat(enumFields).isNotEmpty().allSatisfy(path -> assertThat(covered).as("a bad input for %s", path).contains(path));
  }

  private static void walk(Type type, String path, Set<String> enumFields) {
    if (type instanceof ParameterizedType list && List.class.isAssignableFrom((Class<?>) list.getRawType())) {
      walk(list.getActualTypeArguments()[0], path + "[0]", enumFields);
      return;
    }
    if (!(type instanceof Class<?> cls) || !cls.getName().startsWith(OURS) || CustomResource.class.isAssignableFrom(cls)) {
      return;
    }
    if (cls.isEnum()) {
      enumFields.add(path);
      return;
    }
    for (Field field : cls.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        walk(field.getGenericType(), path + "." + field.getName(), enumFields);
      }
    }
  }
}
