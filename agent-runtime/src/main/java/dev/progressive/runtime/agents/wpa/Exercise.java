package dev.progressive.runtime.agents.wpa;

/**
 * An exercise in the built-in catalog.
 *
 * @param equipment what it needs, {@code none} for bodyweight
 * @param level     the lowest fitness level it suits (0 beginner, 1 intermediate, 2 advanced)
 */
record Exercise(String name, String muscleGroup, String equipment, int level) {

  String difficulty() {
    return WorkoutPlanner.LEVELS.get(level);
  }
}
