package dev.mizzen.examples.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Prints the median (and min, max) of every measured iteration of each benchmark in a JMH JSON
 * result file, and the ratio of each to the first: {@code BenchReport FILE}.
 */
public final class BenchReport {
  private BenchReport() {}

  public static void main(String[] args) throws IOException {
    JsonArray results = JsonParser.parseString(Files.readString(Path.of(args[0]))).getAsJsonArray();
    Double baseline = null;
    System.out.printf("%-45s %12s %12s %12s %8s %6s%n", "benchmark", "median", "min", "max", "unit", "n");
    List<String> lines = new ArrayList<>();
    double[] medians = new double[results.size()];
    for (int i = 0; i < results.size(); i++) {
      JsonObject result = results.get(i).getAsJsonObject();
      JsonObject metric = result.getAsJsonObject("primaryMetric");
      List<Double> values = new ArrayList<>();
      for (JsonElement fork : metric.getAsJsonArray("rawData")) {
        for (JsonElement value : fork.getAsJsonArray()) {
          values.add(value.getAsDouble());
        }
      }
      Collections.sort(values);
      double median = values.size() % 2 == 1 ? values.get(values.size() / 2)
          : (values.get(values.size() / 2 - 1) + values.get(values.size() / 2)) / 2;
      medians[i] = median;
      String name = result.get("benchmark").getAsString();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      lines.add(String.format("%-45s %12.1f %12.1f %12.1f %8s %6d", name, median, values.get(0),
          values.get(values.size() - 1), metric.get("scoreUnit").getAsString(), values.size()));
      if (baseline == null && name.contains("clientJava")) {
        baseline = median;
      }
    }
    lines.forEach(System.out::println);
    if (baseline != null) {
      for (int i = 0; i < results.size(); i++) {
        String name = results.get(i).getAsJsonObject().get("benchmark").getAsString();
        System.out.printf("%s / client-java direct: %.2fx%n", name.substring(name.lastIndexOf('.') + 1), medians[i] / baseline);
      }
    }
  }
}
