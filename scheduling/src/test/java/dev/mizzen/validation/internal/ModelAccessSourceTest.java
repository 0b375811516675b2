package dev.mizzen.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checked-in sources behind {@link ModelAccess} are what {@link ModelAccessGenerator}
 * generates from the client-java on the class path. After a client-java upgrade, regenerate them:
 * {@code mvn -o -q -pl scheduling test -Dtest=ModelAccessSourceTest -Dmizzen.regenerate=true}.
 */
class ModelAccessSourceTest {
  private static final Path SOURCES = Path.of("src/main/java", ModelAccessGenerator.class.getPackageName().replace('.', '/'));

  @Test
  void theGeneratedSourcesAreCurrent() throws Exception {
    Map<String, String> generated = ModelAccessGenerator.sources();
    if (Boolean.getBoolean("mizzen.regenerate")) {
      write(generated);
    }
    assertThat(checkedIn()).as("generated files in " + SOURCES).isEqualTo(new TreeSet<>(generated.keySet()));
    for (Map.Entry<String, String> file : generated.entrySet()) {
      assertThat(Files.readString(SOURCES.resolve(file.getKey()), StandardCharsets.UTF_8))
          .as(file.getKey() + " is stale: regenerate it with"
              + " mvn -o -q -pl scheduling test -Dtest=ModelAccessSourceTest -Dmizzen.regenerate=true")
          .isEqualTo(file.getValue());
    }
  }

  private static TreeSet<String> checkedIn() throws IOException {
    try (Stream<Path> files = Files.list(SOURCES)) {
      TreeSet<String> names = new TreeSet<>();
      files.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("GeneratedModel"))
          .forEach(names::add);
      return names;
    }
  }

  private static void write(Map<String, String> generated) throws IOException {
    for (String stale : checkedIn()) {
      Files.delete(SOURCES.resolve(stale));
    }
    for (Map.Entry<String, String> file : generated.entrySet()) {
      Files.writeString(SOURCES.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
    }
  }
}
