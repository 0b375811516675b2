package dev.mizzen.testkit.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every rule the fuzzer counts as deliberately stricter is one docs/validation.md marks as such. */
class StricterRuleTest {

  @Test
  void everyStricterRuleIsARowOfTheDocsMarkedStricterOrMizzen() throws IOException {
    List<String> rows = tableRows();
    for (StricterRule rule : StricterRule.values()) {
      List<String> matching = rows.stream()
          .filter(row -> firstCell(row).startsWith(rule.docField()) && row.contains(rule.docWords())).toList();
      assertThat(matching).as("rows of docs/validation.md whose field starts with %s and that say '%s' (%s)",
          rule.docField(), rule.docWords(), rule).hasSize(1);
      assertThat(matching.get(0)).as("%s: a row marked 'stricter' or with Mizzen as its source, saying why", rule)
          .matches(row -> row.toLowerCase(Locale.ROOT).contains("stricter") || row.contains("Mizzen"));
    }
  }

  @Test
  void rowsAreFoundByTheirFieldCell() {
    assertThat(firstCell("| `a` | rule | source |")).isEqualTo("`a`");
  }

  static List<String> tableRows() throws IOException {
    Path root = Path.of(System.getProperty("mizzen.root", "../.."));
    return Files.readAllLines(root.resolve("docs/validation.md")).stream()
        .filter(line -> line.startsWith("| ") && !line.startsWith("| field") && !line.startsWith("|---"))
        .toList();
  }

  private static String firstCell(String row) {
    return row.substring(2, row.indexOf(" |", 2)).strip();
  }
}
