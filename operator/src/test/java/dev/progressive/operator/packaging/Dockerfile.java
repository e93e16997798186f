package dev.progressive.operator.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The repository's Dockerfile, read into its stages and their instructions (no line continuations). */
record Dockerfile(List<Dockerfile.Stage> stages) {
  private static final Pattern FROM = Pattern.compile("FROM\\s+(\\S+)\\s+AS\\s+(\\S+)", Pattern.CASE_INSENSITIVE);

  record Instruction(String keyword, String arguments) {}

  record Stage(String name, String image, List<Instruction> instructions) {
    List<String> arguments(String keyword) {
      return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }
  }

  static Dockerfile read(Path file) {
    try {
      var stages = new ArrayList<Stage>();
      for (var line : Files.readAllLines(file)) {
        var trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        var from = FROM.matcher(trimmed);
        if (from.matches()) {
          stages.add(new Stage(from.group(2), from.group(1), new ArrayList<>()));
        } else if (!stages.isEmpty()) {
          var parts = trimmed.split("\\s+", 2);
          stages.getLast().instructions().add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : ""));
        }
      }
      return new Dockerfile(stages);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Optional<Stage> stage(String name) {
    return stages.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
