package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a run follows of its playbook, copied into the Incident when the run starts. The run never reads
 * the live playbook again, so editing or deleting it changes later Incidents only, and the step records
 * (by index) always point into the steps they were made from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlaybookSnapshot {
  private static final ObjectMapper JSON = new ObjectMapper();

  @JsonPropertyDescription("metadata.generation of the playbook when it was copied.")
  private Long playbookGeneration;

  @JsonPropertyDescription("The playbook's steps when the run started; status.steps records them by index.")
  private List<Step> steps = new ArrayList<>();

  @JsonPropertyDescription("The playbook's guardrails when the run started; revertAfter says when the mitigations"
      + " are withdrawn.")
  private Guardrails guardrails = new Guardrails();

  /** A deep copy: nothing the run holds is shared with the informer's cached playbook. */
  public static PlaybookSnapshot of(RemediationPlaybook playbook) {
    var spec = JSON.convertValue(playbook.getSpec(), PlaybookSpec.class);
    var snapshot = new PlaybookSnapshot();
    snapshot.setPlaybookGeneration(playbook.getMetadata().getGeneration());
    snapshot.setSteps(spec.getSteps());
    snapshot.setGuardrails(Optional.ofNullable(spec.getGuardrails()).orElseGet(Guardrails::new));
    return snapshot;
  }

  public Long getPlaybookGeneration() { return playbookGeneration; }
  public void setPlaybookGeneration(Long playbookGeneration) { this.playbookGeneration = playbookGeneration; }
  public List<Step> getSteps() { return steps; }
  public void setSteps(List<Step> steps) { this.steps = steps; }
  public Guardrails getGuardrails() { return guardrails; }
  public void setGuardrails(Guardrails guardrails) { this.guardrails = guardrails; }
}
