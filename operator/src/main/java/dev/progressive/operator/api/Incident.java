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
@Kind("Incident")
@Plural("incidents")
@Singular("incident")
@ShortNames("inc")
@Categories("progressive")
@JsonClassDescription("One firing alert and the playbook run it started: the audit trail of automatic incident response.")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Alert", jsonPath = ".spec.alertName", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Target", jsonPath = ".status.target", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Playbook", jsonPath = ".status.playbook", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class Incident extends ProgressiveResource<IncidentSpec, IncidentStatus> implements Namespaced {
  /** Label with the alert's fingerprint, so that a resolved notification finds its Incident. */
  public static final String FINGERPRINT_LABEL = ProgressiveAgent.GROUP + "/fingerprint";
  /** Label with the alert's name, as a label value may spell it. */
  public static final String ALERTNAME_LABEL = ProgressiveAgent.GROUP + "/alertname";

  @Override
  protected IncidentStatus initStatus() {
    return new IncidentStatus();
  }
}
