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
@Kind("RemediationPlaybook")
@Plural("remediationplaybooks")
@Singular("remediationplaybook")
@ShortNames("playbook")
@Categories("progressive")
@JsonClassDescription("What to do, step by step and within guardrails, when an alert fires.")
@AdditionalPrinterColumn(name = "Alerts", jsonPath = ".spec.trigger.alertNames", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "DryRun", jsonPath = ".spec.guardrails.dryRun", type = AdditionalPrinterColumn.Type.BOOLEAN)
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class RemediationPlaybook extends ProgressiveResource<PlaybookSpec, PlaybookStatus> implements Namespaced {}
