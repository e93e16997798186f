package dev.progressive.runtime.agents.wpa;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The fitness data source: a fixed table with two bodyweight beginner options per muscle group. */
final class ExerciseCatalog {
  static final Set<String> EQUIPMENT =
      Set.of("dumbbells", "barbell", "kettlebell", "resistance_band", "pull_up_bar");
  static final List<String> MUSCLE_GROUPS = List.of("legs", "chest", "back", "shoulders", "core", "cardio");

  private static final List<Exercise> EXERCISES = List.of(
      new Exercise("Bodyweight squat", "legs", "none", 0),
      new Exercise("Walking lunge", "legs", "none", 0),
      new Exercise("Glute bridge", "legs", "none", 0),
      new Exercise("Goblet squat", "legs", "dumbbells", 0),
      new Exercise("Back squat", "legs", "barbell", 1),
      new Exercise("Kettlebell swing", "legs", "kettlebell", 1),
      new Exercise("Pistol squat", "legs", "none", 2),
      new Exercise("Push-up", "chest", "none", 0),
      new Exercise("Incline push-up", "chest", "none", 0),
      new Exercise("Dumbbell bench press", "chest", "dumbbells", 0),
      new Exercise("Barbell bench press", "chest", "barbell", 1),
      new Exercise("Archer push-up", "chest", "none", 2),
      new Exercise("Superman hold", "back", "none", 0),
      new Exercise("Reverse snow angel", "back", "none", 0),
      new Exercise("Band row", "back", "resistance_band", 0),
      new Exercise("Dumbbell row", "back", "dumbbells", 0),
      new Exercise("Pull-up", "back", "pull_up_bar", 1),
      new Exercise("Deadlift", "back", "barbell", 2),
      new Exercise("Pike push-up", "shoulders", "none", 1),
      new Exercise("Arm circles", "shoulders", "none", 0),
      new Exercise("Wall slide", "shoulders", "none", 0),
      new Exercise("Dumbbell shoulder press", "shoulders", "dumbbells", 0),
      new Exercise("Band pull-apart", "shoulders", "resistance_band", 0),
      new Exercise("Overhead press", "shoulders", "barbell", 1),
      new Exercise("Plank", "core", "none", 0),
      new Exercise("Dead bug", "core", "none", 0),
      new Exercise("Hanging knee raise", "core", "pull_up_bar", 1),
      new Exercise("Dragon flag", "core", "none", 2),
      new Exercise("Jumping jacks", "cardio", "none", 0),
      new Exercise("High knees", "cardio", "none", 0),
      new Exercise("Burpees", "cardio", "none", 1),
      new Exercise("Kettlebell snatch", "cardio", "kettlebell", 2));

  private ExerciseCatalog() {
  }

  static List<Exercise> choices(String muscleGroup, int level, Collection<String> equipment) {
    return EXERCISES.stream()
        .filter(e -> e.muscleGroup().equals(muscleGroup) && e.level() <= level)
        .filter(e -> e.equipment().equals("none") || equipment.contains(e.equipment()))
        .toList();
  }
}
