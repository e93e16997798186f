package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import dev.progressive.operator.common.ProgressiveResource;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

@Group(ProgressiveAgent.GROUP)
@Version("v1alpha1")
@Kind("ProgressiveAgent")
@Plural("progressiveagents")
@Singular("progressiveagent")
@ShortNames("pa")
@Categories("progressive")
@JsonClassDescription("One agent of the Progressive Framework: its Deployment, Service, monitoring and status.")
@ValidationRule(value = "self.metadata.name.size() <= 47 && self.metadata.name.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$')",
    message = "metadata.name must be a DNS label of at most 47 characters, so that every child's name and label fits 63")
@AdditionalPrinterColumn(name = "Type", jsonPath = ".spec.agentType", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Replicas", jsonPath = ".status.replicas", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.readyReplicas", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Scraped", jsonPath = ".status.monitoring.scraped", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Budget", jsonPath = ".status.slo.errorBudgetRemaining", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Rollout", jsonPath = ".status.rollout.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class ProgressiveAgent extends ProgressiveResource<ProgressiveAgentSpec, ProgressiveAgentStatus>
    implements Namespaced {
  public static final String GROUP = "progressive.dev";

  @Override
  protected ProgressiveAgentStatus initStatus() {
    return new ProgressiveAgentStatus();
  }
}
