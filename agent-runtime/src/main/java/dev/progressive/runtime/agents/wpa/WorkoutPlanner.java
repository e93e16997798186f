package dev.progressive.runtime.agents.wpa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a week of sessions: each day trains a rotating pair of muscle groups, with the hardest
 * exercises the level allows first, and sets and reps set by the goal.
 */
final class WorkoutPlanner {
  static final List<String> LEVELS = List.of("beginner", "intermediate", "advanced");
  static final Map<String, int[]> SETS_AND_REPS = Map.of(
      "strength", new int[] {5, 5}, "endurance", new int[] {3, 15}, "general", new int[] {3, 10});
  private static final int MINUTES_PER_EXERCISE = 8;

  record PlannedExercise(String name, String muscleGroup, String equipment, String difficulty, int sets, int reps) {
  }

  record Session(int day, List<String> focus, List<PlannedExercise> exercises) {
  }

  record Plan(String goal, String fitnessLevel, List<String> equipment, int daysPerWeek,
              int sessionMinutes, List<Session> sessions) {
  }

  Plan plan(String goal, String fitnessLevel, List<String> equipment, int daysPerWeek, int sessionMinutes) {
    int level = LEVELS.indexOf(fitnessLevel);
    int perSession = Math.clamp(sessionMinutes / MINUTES_PER_EXERCISE, 3, 8);
    int[] setsReps = SETS_AND_REPS.get(goal);
    List<String> groups = ExerciseCatalog.MUSCLE_GROUPS;
    List<Session> sessions = new ArrayList<>();
    for (int day = 0; day < daysPerWeek; day++) {
      List<String> focus = List.of(groups.get((2 * day) % groups.size()), groups.get((2 * day + 1) % groups.size()));
      List<PlannedExercise> exercises = new ArrayList<>();
      List<List<Exercise>> pools = focus.stream()
          .map(g -> harderFirst(ExerciseCatalog.choices(g, level, equipment)))
          .toList();
      for (int i = 0; exercises.size() < perSession && i < perSession; i++) {
        for (List<Exercise> pool : pools) {
          if (i < pool.size() && exercises.size() < perSession) {
            Exercise e = pool.get(i);
            exercises.add(new PlannedExercise(e.name(), e.muscleGroup(), e.equipment(), e.difficulty(),
                setsReps[0], setsReps[1]));
          }
        }
      }
      sessions.add(new Session(day + 1, focus, exercises));
    }
    return new Plan(goal, fitnessLevel, equipment, daysPerWeek, sessionMinutes, sessions);
  }

  private static List<Exercise> harderFirst(List<Exercise> exercises) {
    return exercises.stream()
        .sorted((a, b) -> Integer.compare(b.level(), a.level()))
        .toList();
  }
}
