package dev.progressive.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.progressive.operator.common.ChildChanges;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;

/**
 * Someone deletes an agent's Service; the operator recreates it and tells so in an Event. Done again after a
 * restart, the same Event is counted on the stored one, which the restarted operator has to read first: the
 * drill for the Event verbs that only repeats use.
 */
final class ServiceRecreation {
  private ServiceRecreation() {}

  /** Deletes the Service, then waits until it is back and its Event has been told {@code times} in all. */
  static void lose(KubernetesClient admin, GenericKubernetesResource agent, int times) {
    var namespace = agent.getMetadata().getNamespace();
    var name = agent.getMetadata().getName();
    var services = admin.services().inNamespace(namespace).withName(name);
    var uid = services.get().getMetadata().getUid();
    services.delete();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(services.get()).as("Service %s recreated", name).isNotNull()
          .satisfies(service -> assertThat(service.getMetadata().getUid()).isNotEqualTo(uid));
      assertThat(admin.v1().events().inNamespace(namespace).list().getItems())
          .filteredOn(event -> name.equals(event.getInvolvedObject().getName()))
          .filteredOn(event -> ChildChanges.CREATED.equals(event.getReason()))
          .filteredOn(event -> event.getMessage().startsWith("Created Service " + name))
          .as("the Event of the recreated Service")
          .extracting(Event::getCount).containsExactly(times);
    });
  }
}
