package dev.progressive.operator.cli;

import dev.progressive.operator.agent.AgentChildren;
import dev.progressive.operator.agent.ProgressiveAgent;
import dev.progressive.operator.agent.SpecValidation;
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
    description = "Print, as YAML, every object the operator would create for the custom resources in a"
        + " file or directory. Needs no cluster: a preview for GitOps reviews.")
final class RenderCommand implements Callable<Integer> {
  static final int INVALID = 1;

  @Spec CommandSpec spec;

  @Option(names = {"-f", "--filename"}, required = true, description = "A YAML file or a directory of them.")
  Path path;

  @Option(names = {"-n", "--namespace"}, defaultValue = "default",
      description = "Namespace for resources that name none (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Override
  public Integer call() throws IOException {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    var serialization = new KubernetesSerialization();
    boolean allValid = true;
    for (var document : Manifests.read(path)) {
      if (!isAgent(document)) {
        err.printf("%s: skipping %s %s, which the operator does not render%n",
            document.source(), document.apiVersion(), document.kind());
        continue;
      }
      var children = children(Manifests.convert(document, ProgressiveAgent.class), document.source(), err);
      allValid &= children != null;
      if (children != null) {
        children.forEach(child -> out.print(serialization.asYaml(child)));
      }
    }
    out.flush();
    return allValid ? 0 : INVALID;
  }

  private static boolean isAgent(Manifests.Document document) {
    return "ProgressiveAgent".equals(document.kind())
        && (ProgressiveAgent.GROUP + "/v1alpha1").equals(document.apiVersion());
  }

  /** The agent's children, or null (after saying why on stderr) when its spec is invalid. */
  private List<HasMetadata> children(ProgressiveAgent agent, Path source, PrintWriter err) {
    if (agent.getMetadata().getNamespace() == null) {
      agent.getMetadata().setNamespace(namespace);
    }
    var violations = SpecValidation.validate(agent.getSpec());
    if (!violations.isEmpty()) {
      violations.forEach(v -> err.printf("%s: ProgressiveAgent %s: %s%n", source, agent.getMetadata().getName(), v));
      return null;
    }
    return new ArrayList<>(AgentChildren.desired(agent));
  }
}
