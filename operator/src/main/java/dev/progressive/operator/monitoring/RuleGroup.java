package dev.progressive.operator.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A named group of rules evaluated together, in order, every {@code interval}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RuleGroup(String name, String interval, List<Rule> rules) {

  public RuleGroup {
    rules = List.copyOf(rules);
  }
}
