package dev.progressive.operator.delivery;

import dev.progressive.operator.api.Delivery;
import dev.progressive.operator.api.Monitoring;
import dev.progressive.operator.api.ProgressiveAgentSpec;
import dev.progressive.operator.api.Slo;

/** Agent specs that differ only in what delivery reads: spec.delivery and the SLO's availability. */
final class AgentSpecs {
  private AgentSpecs() {}

  static ProgressiveAgentSpec spec(Delivery delivery, Double availability) {
    var spec = new ProgressiveAgentSpec();
    spec.setDelivery(delivery);
    if (availability != null) {
      var slo = new Slo();
      slo.setAvailability(availability);
      var monitoring = new Monitoring();
      monitoring.setSlo(slo);
      spec.setMonitoring(monitoring);
    }
    return spec;
  }
}
