package dev.progressive.runtime.agents.npa;

import java.util.Set;

/**
 * One serving of a dish in the built-in catalog.
 *
 * @param excludedBy the dietary restrictions this dish breaks ({@code vegan} for honey, and so on)
 */
record Food(String name, Meal meal, int calories, double proteinG, double carbsG, double fatG,
            Set<String> excludedBy) {

  enum Meal { BREAKFAST, MAIN, SNACK }

  boolean allowedFor(java.util.Collection<String> restrictions) {
    return restrictions.stream().noneMatch(excludedBy::contains);
  }
}
