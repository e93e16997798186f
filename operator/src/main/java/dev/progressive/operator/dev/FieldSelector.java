package dev.progressive.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A list's fieldSelector ({@code involvedObject.name=npa,type!=Normal}). The mock matches metadata.name and
 * metadata.namespace only, and nothing for any other field (so `kubectl describe` found no Events); the
 * dev API hands it those two and matches the others itself, on the object's field at that path.
 */
record FieldSelector(List<Term> terms) {
  private static final Set<String> MOCK_FIELDS = Set.of("metadata.name", "metadata.namespace");
  // Event fields the API server selects on under a shorter name.
  private static final Map<String, String> ALIASES = Map.of("source", "source.component");

  record Term(String field, boolean equal, String value) {
    boolean matches(JsonNode object) {
      JsonNode node = object;
      for (String part : ALIASES.getOrDefault(field, field).split("\\.")) {
        node = node.path(part);
      }
      String actual = node.isValueNode() ? node.asText() : "";
      return equal == actual.equals(value);
    }

    @Override
    public String toString() {
      return field + (equal ? "=" : "!=") + value;
    }
  }

  static FieldSelector parse(String selector) {
    var terms = new ArrayList<Term>();
    for (String term : selector.split(",")) {
      int notEqual = term.indexOf("!=");
      int equal = term.indexOf('=');
      if (notEqual > 0) {
        terms.add(new Term(term.substring(0, notEqual).trim(), false, term.substring(notEqual + 2).trim()));
      } else if (equal > 0) {
        int value = term.startsWith("==", equal) ? equal + 2 : equal + 1;
        terms.add(new Term(term.substring(0, equal).trim(), true, term.substring(value).trim()));
      }
    }
    return new FieldSelector(List.copyOf(terms));
  }

  /** The terms the mock matches itself, as a selector; empty when there are none. */
  String forMock() {
    return terms.stream().filter(t -> MOCK_FIELDS.contains(t.field())).map(Term::toString).collect(Collectors.joining(","));
  }

  /** Whether it has terms besides those {@link #forMock} gives. */
  boolean hasRest() {
    return !terms.stream().allMatch(t -> MOCK_FIELDS.contains(t.field()));
  }

  boolean matchesTheRest(JsonNode object) {
    return terms.stream().filter(t -> !MOCK_FIELDS.contains(t.field())).allMatch(t -> t.matches(object));
  }
}
