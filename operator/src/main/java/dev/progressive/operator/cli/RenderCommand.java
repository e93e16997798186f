package dev.progressive.operator.cli;

import dev.progressive.operator.agent.AgentChildren;
import dev.progressive.operator.agent.SpecValidation;
import dev.progressive.operator.api.ObservabilityStack;
import dev.progressive.operator.api.ProgressiveAgent;
import dev.progressive.operator.cluster.NamespaceStack;
import dev.progressive.operator.common.SpecViolation;
import dev.progressive.operator.stack.StackChildren;
import dev.progressive.operator.stack.StackValidation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = "Print, as YAML, every object the operator would create for the custom resources in a"
        + " file or directory, on a cluster with prometheus-operator. Needs no cluster: a preview for GitOps reviews.")
final class RenderCommand implements Callable<Integer> {
  static final int INVALID = 1;
  private static final String V1ALPHA1 = ProgressiveAgent.GROUP + "/v1alpha1";

  @Spec CommandSpec spec;

  @Option(names = {"-f", "--filename"}, required = true, description = "A YAML file or a directory of them.")
  Path path;

  @Option(names = {"-n", "--namespace"}, defaultValue = "default",
      description = "Namespace for resources that name none (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(names = "--plain-prometheus", paramLabel = "<dir>",
      description = "Also write, into <dir>, what a Prometheus and Alertmanager without prometheus-operator need:"
          + " rules/*.yml, prometheus.yml (rule files and a kubernetes_sd scrape config) and alertmanager.yml"
          + " (credentials as files under /etc/alertmanager/secrets).")
  Path plainPrometheus;

  private boolean allValid = true;

  @Override
  public Integer call() throws IOException {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    var documents = Manifests.read(path, problem -> {
      err.println(problem);
      allValid = false;
    });
    var stacks = valid(documents, "ObservabilityStack", ObservabilityStack.class, err);
    var agents = valid(documents, "ProgressiveAgent", ProgressiveAgent.class, err);
    documents.stream().filter(d -> !V1ALPHA1.equals(d.apiVersion())
            || !List.of("ObservabilityStack", "ProgressiveAgent").contains(d.kind()))
        .forEach(d -> err.printf("%s: skipping %s %s, which the operator does not render%n", d.source(), d.apiVersion(), d.kind()));
    var serialization = new KubernetesSerialization();
    for (var stack : stacks) {
      StackChildren.desired(stack).forEach(child -> out.print(serialization.asYaml(child)));
    }
    for (var agent : agents) {
      var stack = NamespaceStack.governing(stacks.stream()
          .filter(s -> s.getMetadata().getNamespace().equals(agent.getMetadata().getNamespace())));
      AgentChildren.desired(agent, stack).forEach(child -> out.print(serialization.asYaml(child)));
    }
    out.flush();
    if (plainPrometheus != null) {
      PlainPrometheusFiles.write(plainPrometheus, agents, stacks).forEach(file -> err.printf("wrote %s%n", file));
    }
    return allValid ? 0 : INVALID;
  }

  /** The resources of one kind with a valid spec; the others are reported on stderr and left out. */
  private <T extends HasMetadata> List<T> valid(List<Manifests.Document> documents, String kind, Class<T> type, PrintWriter err) {
    var valid = new ArrayList<T>();
    for (var document : documents) {
      if (!kind.equals(document.kind()) || !V1ALPHA1.equals(document.apiVersion())) {
        continue;
      }
      var resource = convert(document, type, err);
      if (resource == null) {
        continue;
      }
      if (resource.getMetadata().getNamespace() == null) {
        resource.getMetadata().setNamespace(namespace);
      }
      var violations = violations(resource);
      violations.forEach(v -> err.printf("%s: %s %s: %s%n", document.source(), kind, resource.getMetadata().getName(), v));
      allValid &= violations.isEmpty();
      if (violations.isEmpty()) {
        valid.add(resource);
      }
    }
    return valid;
  }

  private <T> T convert(Manifests.Document document, Class<T> type, PrintWriter err) {
    try {
      return Manifests.convert(document, type);
    } catch (IllegalArgumentException e) {
      err.printf("%s: %s %s: cannot be read: %s%n", document.source(), document.kind(),
          document.body().path("metadata").path("name").asText("(no name)"), e.getMessage().lines().findFirst().orElse(""));
      allValid = false;
      return null;
    }
  }

  private static List<SpecViolation> violations(HasMetadata resource) {
    return resource instanceof ProgressiveAgent agent
        ? SpecValidation.validate(agent)
        : StackValidation.validate((ObservabilityStack) resource);
  }
}
