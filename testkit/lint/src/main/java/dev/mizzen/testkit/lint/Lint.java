package dev.mizzen.testkit.lint;

import dev.mizzen.testkit.policy.Finding;
import dev.mizzen.validation.ObjectRef;
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
 * the whole set). Policy findings an exemption covers are kept, marked exempted
 * ({@link LintReport#exempted()}), and do not count. Used by the {@code mizzen lint} command;
 * usable from tools and tests.
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

  /**
   * Reads and lints {@code files}; an unreadable file (missing, or bad YAML/JSON) is reported, not
   * thrown. Files are read and schema-checked in parallel (the order of findings does not change);
   * the policy then runs once over the objects of all files.
   */
  public LintReport files(List<Path> files) {
    return combine(files.parallelStream().map(Lint::readAndCheck).toList());
  }

  /** Lints already parsed manifests. */
  public LintReport manifests(List<ManifestFile> manifests) {
    return combine(manifests.parallelStream().map(Lint::check).toList());
  }

  /** One file's share of the work: its objects, their schema findings, or why it is unreadable. */
  private record FileResult(int count, List<LintFinding> findings, List<ManifestObject> objects,
      List<KubernetesObject> typed, String unreadable) {}

  private static FileResult readAndCheck(Path file) {
    try {
      return check(ManifestFile.read(file));
    } catch (UncheckedIOException e) {
      return new FileResult(0, List.of(), List.of(), List.of(), file + ": " + e.getCause().getMessage());
    }
  }

  private static FileResult check(ManifestFile manifest) {
    if (!manifest.isReadable()) {
      String reason = manifest.parseError().map(error -> error.location() + ": " + error.message())
          .orElse(manifest.source() + ": unreadable");
      return new FileResult(0, List.of(), List.of(), List.of(), reason);
    }
    List<LintFinding> findings = new ArrayList<>();
    for (SchemaFinding problem : manifest.problems()) {
      findings.add(schemaFinding(problem));
    }
    List<KubernetesObject> typed = new ArrayList<>();
    List<ManifestObject> sources = new ArrayList<>();
    for (ManifestObject object : manifest.objects()) {
      for (SchemaFinding finding : SchemaCheck.check(object)) {
        findings.add(schemaFinding(finding));
      }
      object.object().ifPresent(o -> {
        typed.add(o);
        sources.add(object);
      });
    }
    return new FileResult(manifest.objects().size(), findings, sources, typed, null);
  }

  private LintReport combine(List<FileResult> results) {
    List<LintFinding> findings = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    List<KubernetesObject> typed = new ArrayList<>();
    Map<String, ManifestObject> byRef = new HashMap<>();
    int objects = 0;
    for (FileResult result : results) {
      if (result.unreadable() != null) {
        unreadable.add(result.unreadable());
        continue;
      }
      findings.addAll(result.findings());
      objects += result.count();
      typed.addAll(result.typed());
      for (int i = 0; i < result.typed().size(); i++) {
        byRef.putIfAbsent(ObjectRef.of(result.typed().get(i)).toString(), result.objects().get(i));
      }
    }
    for (Finding finding : policy.checkIncludingExempted(typed)) {
      ManifestObject source = byRef.get(finding.object());
      SourceLocation location = source == null ? SourceLocation.of("?") : source.location(finding.path());
      findings.add(new LintFinding(finding.ruleId(), finding.severity(), finding.object(),
          finding.path(), finding.message(), location, finding.exemption()));
    }
    return new LintReport(findings, unreadable, objects);
  }

  private static LintFinding schemaFinding(SchemaFinding finding) {
    return new LintFinding(finding.ruleId(), finding.severity(), finding.object(),
        finding.path(), finding.message(), finding.location());
  }
}
