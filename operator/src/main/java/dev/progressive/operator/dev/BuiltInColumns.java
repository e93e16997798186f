package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.progressive.operator.dev.Table.Column;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The Table columns a real API server prints for the built-in kinds users look at most: Deployments
 * (READY UP-TO-DATE AVAILABLE AGE), Pods (READY STATUS RESTARTS AGE), Services (TYPE CLUSTER-IP
 * EXTERNAL-IP PORT(S) AGE) and Events (LAST SEEN TYPE REASON OBJECT MESSAGE). Other kinds get kubectl's
 * own NAME and AGE.
 */
final class BuiltInColumns {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Column AGE = Column.of("Age", "string", "CreationTimestamp is the time the object was created.");

  private final List<Column> columns;
  private final Function<JsonNode, List<JsonNode>> cells;

  private BuiltInColumns(List<Column> columns, Function<JsonNode, List<JsonNode>> cells) {
    this.columns = columns;
    this.cells = cells;
  }

  /** The columns of a resource, if it is one of those above. */
  static Optional<BuiltInColumns> of(String group, String plural, Clock clock) {
    return Optional.ofNullable(switch (group + "/" + plural) {
      case "apps/deployments" -> deployments(clock);
      case "/pods" -> pods(clock);
      case "/services" -> services(clock);
      case "/events" -> events(clock);
      default -> null;
    });
  }

  ObjectNode table(JsonNode objectOrList) {
    return Table.of(columns, objectOrList, cells);
  }

  private static BuiltInColumns deployments(Clock clock) {
    return new BuiltInColumns(List.of(Column.nameColumn(),
        Column.of("Ready", "string", "Number of the pods that are ready out of those desired."),
        Column.of("Up-to-date", "integer", "Total number of pods that run the latest template."),
        Column.of("Available", "integer", "Total number of pods ready for at least minReadySeconds."),
        AGE,
        Column.wide("Containers", "Names of each container in the template."),
        Column.wide("Images", "Images referenced by each container in the template."),
        Column.wide("Selector", "Label selector for the pods.")), deployment -> {
          var status = deployment.path("status");
          var containers = deployment.path("spec").path("template").path("spec").path("containers");
          return List.of(name(deployment),
              text(status.path("readyReplicas").asInt(0) + "/" + deployment.path("spec").path("replicas").asInt(1)),
              NODES.numberNode(status.path("updatedReplicas").asInt(0)),
              NODES.numberNode(status.path("availableReplicas").asInt(0)),
              age(deployment, clock),
              text(join(containers, c -> c.path("name").asText())),
              text(join(containers, c -> c.path("image").asText())),
              text(labels(deployment.path("spec").path("selector").path("matchLabels"))));
        });
  }

  private static BuiltInColumns pods(Clock clock) {
    return new BuiltInColumns(List.of(Column.nameColumn(),
        Column.of("Ready", "string", "The aggregate readiness state of this pod for accepting traffic."),
        Column.of("Status", "string", "The aggregate status of the containers in this pod."),
        Column.of("Restarts", "string", "The number of times the containers in this pod have been restarted."),
        AGE,
        Column.wide("IP", "The IP address assigned to the pod."),
        Column.wide("Node", "The name of the node this pod runs on.")), pod -> {
          var statuses = pod.path("status").path("containerStatuses");
          long ready = StreamSupport.stream(statuses.spliterator(), false).filter(s -> s.path("ready").asBoolean()).count();
          int restarts = StreamSupport.stream(statuses.spliterator(), false).mapToInt(s -> s.path("restartCount").asInt()).sum();
          return List.of(name(pod),
              text(ready + "/" + pod.path("spec").path("containers").size()),
              text(podStatus(pod)),
              text(Integer.toString(restarts)),
              age(pod, clock),
              text(pod.path("status").path("podIP").asText("<none>")),
              text(pod.path("spec").path("nodeName").asText("<none>")));
        });
  }

  /** The reason a container waits or ended with, else the phase; Terminating once deleted. */
  private static String podStatus(JsonNode pod) {
    if (pod.path("metadata").has("deletionTimestamp")) {
      return "Terminating";
    }
    for (JsonNode status : pod.path("status").path("containerStatuses")) {
      for (String state : new String[] {"waiting", "terminated"}) {
        if (status.path("state").path(state).has("reason")) {
          return status.path("state").path(state).path("reason").asText();
        }
      }
    }
    return pod.path("status").path("phase").asText("Pending");
  }

  private static BuiltInColumns services(Clock clock) {
    return new BuiltInColumns(List.of(Column.nameColumn(),
        Column.of("Type", "string", "How the service is exposed."),
        Column.of("Cluster-IP", "string", "The IP address of the service inside the cluster."),
        Column.of("External-IP", "string", "The IP addresses on which the service is reachable from outside."),
        Column.of("Port(s)", "string", "The ports the service exposes."),
        AGE,
        Column.wide("Selector", "Route service traffic to pods with labels matching this selector.")), service -> {
          var spec = service.path("spec");
          String type = spec.path("type").asText("ClusterIP");
          return List.of(name(service), text(type), text(spec.path("clusterIP").asText("<none>")),
              text(externalIp(service, type)),
              text(spec.path("ports").isEmpty() ? "<none>" : join(spec.path("ports"), p -> p.path("port").asText()
                  + (p.has("nodePort") ? ":" + p.path("nodePort").asText() : "") + "/" + p.path("protocol").asText("TCP"))),
              age(service, clock),
              text(spec.path("selector").isEmpty() ? "<none>" : labels(spec.path("selector"))));
        });
  }

  private static String externalIp(JsonNode service, String type) {
    var addresses = new ArrayList<String>();
    service.path("spec").path("externalIPs").forEach(ip -> addresses.add(ip.asText()));
    service.path("status").path("loadBalancer").path("ingress").forEach(i -> addresses.add(i.path("ip").asText(i.path("hostname").asText())));
    if (addresses.isEmpty()) {
      return type.equals("LoadBalancer") ? "<pending>" : "<none>";
    }
    return String.join(",", addresses);
  }

  private static BuiltInColumns events(Clock clock) {
    return new BuiltInColumns(List.of(
        Column.of("Last Seen", "string", "The time at which the most recent occurrence of this event was recorded."),
        Column.of("Type", "string", "Type of this event (Normal, Warning)."),
        Column.of("Reason", "string", "A short, machine understandable string that gives the reason for this event."),
        Column.of("Object", "string", "The object that this event is about."),
        Column.wide("Subobject", "The part of the object this event is about."),
        Column.wide("Source", "The component reporting this event."),
        Column.of("Message", "string", "A human-readable description of the status of this operation."),
        Column.wide("First Seen", "The time at which the event was first recorded."),
        Column.wide("Count", "The number of times this event has occurred."),
        new Column("Name", "string", "name", 1, "Name must be unique within a namespace.")), event -> {
          var involved = event.path("involvedObject");
          String last = event.path("lastTimestamp").asText(event.path("eventTime").asText(""));
          String first = event.path("firstTimestamp").asText(last);
          return List.of(text(last.isEmpty() ? "<unknown>" : Table.age(last, clock)),
              text(event.path("type").asText()), text(event.path("reason").asText()),
              text(involved.path("kind").asText().toLowerCase() + "/" + involved.path("name").asText()),
              text(involved.path("fieldPath").asText("")),
              text(event.path("source").path("component").asText(event.path("reportingComponent").asText(""))),
              text(event.path("message").asText()),
              text(first.isEmpty() ? "<unknown>" : Table.age(first, clock)),
              text(Integer.toString(event.path("count").asInt(1))),
              name(event));
        });
  }

  private static JsonNode name(JsonNode object) {
    return object.path("metadata").path("name");
  }

  private static JsonNode age(JsonNode object, Clock clock) {
    return text(Table.age(object.path("metadata").path("creationTimestamp").asText(""), clock));
  }

  private static JsonNode text(String text) {
    return NODES.textNode(text);
  }

  private static String join(JsonNode list, Function<JsonNode, String> part) {
    return StreamSupport.stream(list.spliterator(), false).map(part).collect(Collectors.joining(","));
  }

  private static String labels(JsonNode labels) {
    return labels.properties().stream().map((Map.Entry<String, JsonNode> l) -> l.getKey() + "=" + l.getValue().asText())
        .collect(Collectors.joining(","));
  }
}
