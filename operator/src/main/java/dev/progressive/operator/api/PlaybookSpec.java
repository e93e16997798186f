package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlaybookSpec {
  @Required
  @JsonPropertyDescription("Which alerts start this playbook.")
  private Trigger trigger;

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("The steps, run in order, one at a time.")
  private List<Step> steps = new ArrayList<>();

  @JsonPropertyDescription("Limits on how often and whether the playbook acts.")
  private Guardrails guardrails = new Guardrails();

  @Default("0")
  @JsonPropertyDescription("When several playbooks match an alert, the highest priority wins (then the same namespace, then the name).")
  private Integer priority = 0;

  public Trigger getTrigger() { return trigger; }
  public void setTrigger(Trigger trigger) { this.trigger = trigger; }
  public List<Step> getSteps() { return steps; }
  public void setSteps(List<Step> steps) { this.steps = steps; }
  public Guardrails getGuardrails() { return guardrails; }
  public void setGuardrails(Guardrails guardrails) { this.guardrails = guardrails; }
  public Integer getPriority() { return priority; }
  public void setPriority(Integer priority) { this.priority = priority; }
}
