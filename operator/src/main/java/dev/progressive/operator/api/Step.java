package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.action != 'scale' || has(self.replicas)", message = "a scale step needs replicas")
public class Step {
  public static final String DURATION_PATTERN = "^[0-9]+(ms|s|m|h)$";

  /** Whether a person must approve the step before it runs, whatever the guardrails say. */
  public enum Approval { required, none }

  @Required
  @JsonPropertyDescription("scale, circuitBreaker, quarantineUnhealthy, restart, diagnostics, notify, verify or escalate.")
  private StepAction action;

  @JsonPropertyDescription("Agent types the step acts on, in the Incident's namespace; empty means the alert's own agent.")
  private List<String> agentTypes = new ArrayList<>();

  @Min(1)
  @Max(100)
  @JsonPropertyDescription("For scale: the replicas to run while the incident lasts (never above scaling.maxReplicas).")
  private Integer replicas;

  @JsonPropertyDescription("For notify and escalate: the message.")
  private String message;

  @Pattern(DURATION_PATTERN)
  @JsonPropertyDescription("For verify: how long to let the system stabilise before checking, e.g. 60s (default 60s).")
  private String after;

  @Pattern(DURATION_PATTERN)
  @JsonPropertyDescription("For verify: how long after that to wait for the alert to resolve before the step fails (default 5m).")
  private String timeout;

  @JsonPropertyDescription("For notify and escalate: also post to this Slack or generic webhook.")
  private Sink sink;

  @Default("none")
  @JsonPropertyDescription("required: the step waits for a person to approve it (annotation progressive.dev/approval on"
      + " the Incident); none (default): it runs unless a guardrail (maxTargets, stormThreshold) asks for approval.")
  private Approval approval = Approval.none;

  public Step() {}

  public Step(StepAction action) {
    this.action = action;
  }

  public StepAction getAction() { return action; }
  public void setAction(StepAction action) { this.action = action; }
  public List<String> getAgentTypes() { return agentTypes; }
  public void setAgentTypes(List<String> agentTypes) { this.agentTypes = agentTypes; }
  public Integer getReplicas() { return replicas; }
  public void setReplicas(Integer replicas) { this.replicas = replicas; }
  public String getMessage() { return message; }
  public void setMessage(String message) { this.message = message; }
  public String getAfter() { return after; }
  public void setAfter(String after) { this.after = after; }
  public String getTimeout() { return timeout; }
  public void setTimeout(String timeout) { this.timeout = timeout; }
  public Sink getSink() { return sink; }
  public void setSink(Sink sink) { this.sink = sink; }
  public Approval getApproval() { return approval; }
  public void setApproval(Approval approval) { this.approval = approval; }
}
