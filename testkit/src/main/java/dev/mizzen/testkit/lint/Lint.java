package dev.mizzen.testkit.lint;

import dev.mizzen.testkit.policy.Finding;
import dev.mizzen.testkit.policy.KubernetesObjects;
import dev.mizzen.testkit.policy.Policy;
import dev.mizzen.testkit.schema.ManifestFile;
import dev.mizzen.testkit.schema.ManifestObject;
import dev.mizzen.testkit.schema.SchemaCheck;
import dev.mizzen.testkit.schema.SchemaFinding;
import dev.mizzen.testkit.schema.SourceLocation;
import io.kubernetes.client.common.KubernetesObject;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lints manifest files: the strict schema check of every object (rule ids {@code schema/...}),
 * then a {@link Policy} over all typed objects of all files together (so cross-object rules see
 * the whole set). Used by the {@code mizzen lint} command; usable from tools and tests.
 *
 * <pre>{@code
 * LintReport report = Lint.with(Policies.all()).files(List.of(Path.of("shop.yaml")));
 * report.exitCode();   // 0 clean, 1 error-level findings, 2 unreadable input
 * }</pre>
 */
public final class Lint {
  private final Policy policy;

  private Lint(Policy policy) {
    this.policy = policy;
  }

  /** A lint that applies {@code policy} after the schema check. */
  public static Lint with(Policy policy) {
    return new Lint(policy);
  }

  /** Reads and lints {@code files}; an unreadable file (missing, or bad YAML/JSON) is reported, not thrown. */
  public LintReport files(List<Path> files) {
    List<ManifestFile> manifests = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (Path file : files) {
      try {
        manifests.add(ManifestFile.read(file));
      } catch (UncheckedIOException e) {
        unreadable.add(file + ": " + e.getCause().getMessage());
      }
    }
    return manifests(manifests, unreadable);
  }

  /** Lints already parsed manifests. */
  public LintReport manifests(List<ManifestFile> manifests) {
    return manifests(manifests, new ArrayList<>());
  }

  private LintReport manifests(List<ManifestFile> manifests, List<String> unreadable) {
    List<LintFinding> findings = new ArrayList<>();
    List<KubernetesObject> typed = new ArrayList<>();
    Map<String, ManifestObject> byRef = new HashMap<>();
    int objects = 0;
    for (ManifestFile manifest : manifests) {
      manifest.parseError().ifPresent(error -> unreadable.add(error.location() + ": " + error.message()));
      if (!manifest.isReadable()) {
        continue;
      }
      for (SchemaFinding problem : manifest.problems()) {
        findings.add(schemaFinding(problem));
      }
      for (ManifestObject object : manifest.objects()) {
        objects++;
        for (SchemaFinding finding : SchemaCheck.check(object)) {
          findings.add(schemaFinding(finding));
        }
        object.object().ifPresent(o -> {
          typed.add(o);
          byRef.putIfAbsent(KubernetesObjects.ref(o), object);
        });
      }
    }
    for (Finding finding : policy.check(typed)) {
      ManifestObject source = byRef.get(finding.object());
      SourceLocation location = source == null ? SourceLocation.of("?") : source.location(finding.path());
      findings.add(new LintFinding(finding.ruleId(), LintFinding.severity(finding.severity()), finding.object(),
          finding.path(), finding.message(), location));
    }
    return new LintReport(findings, unreadable, objects);
  }

  private static LintFinding schemaFinding(SchemaFinding finding) {
    return new LintFinding(finding.ruleId(), LintFinding.severity(finding.severity()), finding.object(),
        finding.path(), finding.message(), finding.location());
  }
}
