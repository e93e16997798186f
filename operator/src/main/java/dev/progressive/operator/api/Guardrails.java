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

  @Default("3")
  @Min(1)
  @JsonPropertyDescription("A step that would change more agents than this waits for a person to approve it.")
  private Integer maxTargets = 3;

  @Default("5")
  @Min(1)
  @JsonPropertyDescription("When more Incidents than this were opened in the namespace within stormWindow, every"
      + " disruptive step (restart, quarantineUnhealthy) waits for a person to approve it.")
  private Integer stormThreshold = 5;

  @Default("10m")
  @Pattern(Step.DURATION_PATTERN)
  @JsonPropertyDescription("The window in which stormThreshold counts the namespace's new Incidents.")
  private String stormWindow = "10m";

  @Default("15m")
  @Pattern(Step.DURATION_PATTERN)
  @JsonPropertyDescription("How long a step waits for approval; undecided after that, the run ends Escalated.")
  private String approvalTimeout = "15m";

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
  public Integer getMaxTargets() { return maxTargets; }
  public void setMaxTargets(Integer maxTargets) { this.maxTargets = maxTargets; }
  public Integer getStormThreshold() { return stormThreshold; }
  public void setStormThreshold(Integer stormThreshold) { this.stormThreshold = stormThreshold; }
  public String getStormWindow() { return stormWindow; }
  public void setStormWindow(String stormWindow) { this.stormWindow = stormWindow; }
  public String getApprovalTimeout() { return approvalTimeout; }
  public void setApprovalTimeout(String approvalTimeout) { this.approvalTimeout = approvalTimeout; }
}
