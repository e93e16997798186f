package dev.progressive.operator.packaging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The chart with its default values, or with one of its CI values files. */
record ChartVariant(String name, Optional<Path> values) {

  static List<ChartVariant> all() {
    var variants = new ArrayList<ChartVariant>();
    variants.add(new ChartVariant("defaults", Optional.empty()));
    Helm.ciValues().forEach(file -> variants.add(
        new ChartVariant(file.getFileName().toString().replace("-values.yaml", ""), Optional.of(file))));
    return variants;
  }

  /** The helm arguments that select this variant's values. */
  String[] helmArgs() {
    return values.map(file -> new String[] {"--values", file.toString()}).orElseGet(() -> new String[0]);
  }

  /** Renders the variant and parses what helm printed. */
  RenderedChart render(Helm helm, String... more) {
    var args = new ArrayList<>(List.of(helmArgs()));
    args.addAll(List.of(more));
    return RenderedChart.parse(helm.template(args.toArray(String[]::new)).succeeded());
  }

  @Override
  public String toString() {
    return name;
  }
}
