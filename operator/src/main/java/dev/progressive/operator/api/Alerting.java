package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** The credentials and mail settings of the seed's receivers; every secret by reference. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Alerting {
  @Required
  @JsonPropertyDescription("Mail server of the email receivers.")
  private Smtp smtp;

  @Required
  @JsonPropertyDescription("Secret key holding the Slack incoming webhook URL the Slack receivers post to.")
  private SecretKey slackWebhook;

  @Required
  @JsonPropertyDescription("Secret keys holding the PagerDuty routing keys.")
  private PagerDuty pagerDuty;

  @Default("1m")
  @Pattern(Step.DURATION_PATTERN)
  @JsonSetter(nulls = Nulls.SKIP)
  @JsonPropertyDescription("How often Alertmanager delivers the operator's ProgressiveHeartbeat alert (the group_interval and"
      + " repeat_interval of its route). The AlertPath condition turns False after three intervals without one.")
  private String heartbeatInterval = "1m";

  @Pattern(ObservabilityStackSpec.HTTP_URL_PATTERN)
  @JsonPropertyDescription("Alertmanager's URL, e.g. http://alertmanager-operated.monitoring:9093. When set, the operator"
      + " checks that its configuration holds the operator's webhook receiver (AlertPath reason ReceiverMissing).")
  private String alertmanagerUrl;

  public String getHeartbeatInterval() { return heartbeatInterval; }
  public void setHeartbeatInterval(String heartbeatInterval) { this.heartbeatInterval = heartbeatInterval; }
  public String getAlertmanagerUrl() { return alertmanagerUrl; }
  public void setAlertmanagerUrl(String alertmanagerUrl) { this.alertmanagerUrl = alertmanagerUrl; }
  public Smtp getSmtp() { return smtp; }
  public void setSmtp(Smtp smtp) { this.smtp = smtp; }
  public SecretKey getSlackWebhook() { return slackWebhook; }
  public void setSlackWebhook(SecretKey slackWebhook) { this.slackWebhook = slackWebhook; }
  public PagerDuty getPagerDuty() { return pagerDuty; }
  public void setPagerDuty(PagerDuty pagerDuty) { this.pagerDuty = pagerDuty; }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Smtp {
    public static final String SMARTHOST_PATTERN = "^[^:\\s]+:[0-9]+$";

    @Required
    @Pattern(SMARTHOST_PATTERN)
    @JsonPropertyDescription("host:port of the SMTP server, e.g. smtp.example.com:587.")
    private String smarthost;

    @Required
    @JsonPropertyDescription("Sender address.")
    private String from;

    @JsonPropertyDescription("SMTP user name.")
    private String username;

    @JsonPropertyDescription("Secret key holding the SMTP password.")
    private SecretKey password;

    public String getSmarthost() { return smarthost; }
    public void setSmarthost(String smarthost) { this.smarthost = smarthost; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public SecretKey getPassword() { return password; }
    public void setPassword(SecretKey password) { this.password = password; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class PagerDuty {
    @Required
    @JsonPropertyDescription("Routing key of the MCA's critical alerts.")
    private SecretKey mca;

    @Required
    @JsonPropertyDescription("Routing key of the SRE team (SLA violations).")
    private SecretKey sre;

    public SecretKey getMca() { return mca; }
    public void setMca(SecretKey mca) { this.mca = mca; }
    public SecretKey getSre() { return sre; }
    public void setSre(SecretKey sre) { this.sre = sre; }
  }
}
