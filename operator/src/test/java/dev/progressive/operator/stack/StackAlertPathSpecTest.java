package dev.progressive.operator.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.progressive.operator.common.SpecViolation;
import dev.progressive.operator.monitoring.Heartbeat;
import org.junit.jupiter.api.Test;

/** spec.alerting's heartbeatInterval and alertmanagerUrl: checked, and the interval reaches the routing and the rules. */
class StackAlertPathSpecTest {

  @Test
  void heartbeatIntervalMustBeADurationAndAlertmanagerUrlAnHttpUrl() {
    var stack = SampleStack.in("shop");
    stack.getSpec().getAlerting().setHeartbeatInterval("often");
    stack.getSpec().getAlerting().setAlertmanagerUrl("alertmanager:9093");

    assertThat(StackValidation.validate(stack)).extracting(SpecViolation::toString).containsExactlyInAnyOrder(
        "spec.alerting.heartbeatInterval: 'often' is not a duration, e.g. 30s or 1m",
        "spec.alerting.alertmanagerUrl: 'alertmanager:9093' is not an http(s) URL, e.g. http://service.namespace:8080");
  }

  @Test
  void heartbeatIntervalIsTheHeartbeatRoutesIntervalAndTheRuleIsInTheSystemRules() {
    var stack = SampleStack.in("shop");
    stack.getSpec().getAlerting().setHeartbeatInterval("20s");

    var heartbeat = StackAlerting.routing(stack).orElseThrow().childRoutes().getFirst();
    assertThat(heartbeat.matchers()).containsEntry("alertname", Heartbeat.ALERT);
    assertThat(heartbeat.groupInterval()).isEqualTo("20s");
    assertThat(heartbeat.repeatInterval()).isEqualTo("20s");
    assertThat(StackRules.rules(stack).groups()).anySatisfy(group ->
        assertThat(group.rules()).anySatisfy(rule -> assertThat(rule.alert()).isEqualTo(Heartbeat.ALERT)));
  }
}
