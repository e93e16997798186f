package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import dev.progressive.operator.common.ProgressiveResource;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
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
@Kind("ObservabilityStack")
@Plural("observabilitystacks")
@Singular("observabilitystack")
@ShortNames("obs")
@Categories("progressive")
@JsonClassDescription("The monitoring and response stack of a namespace: system alert rules, SLO alerts, Alertmanager"
    + " routing, dashboards, the Loki datasource and tracing for the ProgressiveAgents in it. One per namespace.")
@AdditionalPrinterColumn(name = "Tracing", jsonPath = ".spec.tracing.backend", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Dashboards", jsonPath = ".spec.dashboards.delivery", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class ObservabilityStack extends ProgressiveResource<ObservabilityStackSpec, ObservabilityStackStatus> implements Namespaced {
  @Override
  protected ObservabilityStackSpec initSpec() {
    return new ObservabilityStackSpec();
  }

  @Override
  protected ObservabilityStackStatus initStatus() {
    return new ObservabilityStackStatus();
  }
}
