package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class Guardrails {
  @Default("10m")
  @Pattern(Step.DURATION_PATTERN)
  @JsonPropertyDescription("After a run on an agent, further incidents on that agent are suppressed for this long.")
  private String cooldown = "10m";

  @Default("3")
  @Min(1)
  @Max(100)
  @JsonPropertyDescription("After this many runs of the playbook on an agent within 4h that its verify step found"
      + " ineffective, the playbook stops acting on that agent: the next Incident escalates at once instead.")
  private Integer maxIneffective = 3;

  @Default("3")
  @Min(1)
  @Max(60)
  @JsonPropertyDescription("Most runs of this playbook within any hour; more are suppressed.")
  private Integer maxRunsPerHour = 3;

  @Default("false")
  @JsonPropertyDescription("Record what the playbook would do without doing it.")
  private Boolean dryRun = false;

  @Default("5m")
  @Pattern(Step.DURATION_PATTERN)
  @JsonPropertyDescription("How long temporary mitigations stay after the alert resolved, before they are withdrawn.")
  private String revertAfter = "5m";

  public String getCooldown() { return cooldown; }
  public void setCooldown(String cooldown) { this.cooldown = cooldown; }
  public Integer getMaxIneffective() { return maxIneffective; }
  public void setMaxIneffective(Integer maxIneffective) { this.maxIneffective = maxIneffective; }
  public Integer getMaxRunsPerHour() { return maxRunsPerHour; }
  public void setMaxRunsPerHour(Integer maxRunsPerHour) { this.maxRunsPerHour = maxRunsPerHour; }
  public Boolean getDryRun() { return dryRun; }
  public void setDryRun(Boolean dryRun) { this.dryRun = dryRun; }
  public String getRevertAfter() { return revertAfter; }
  public void setRevertAfter(String revertAfter) { this.revertAfter = revertAfter; }
}
