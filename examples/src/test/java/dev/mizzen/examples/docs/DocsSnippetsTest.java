package dev.mizzen.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Compiles every {@code ```java} block of {@code README.md} and {@code docs/*.md}, so the
 * documentation cannot drift from the API. One dynamic test per block, named
 * {@code docs/page.md:LINE} (the line of its opening fence); a failure lists javac's errors at
 * their lines in the Markdown file, then the block as it was compiled. Blocks are compiled
 * (javac's analysis, no class files), never run: {@code ReadmeExampleTest} runs the README's
 * example.
 *
 * <p>Blocks are fragments. Each one becomes a compilation unit by these rules, which a doc writer
 * should know:
 *
 * <ul>
 *   <li><b>Imports.</b> Every block sees a fixed preamble: every {@code dev.mizzen} package on
 *       the test class path ({@code import dev.mizzen.x.*}, found at run time); client-java's
 *       {@code io.kubernetes.client.openapi.models.*}, {@code .openapi.*},
 *       {@code .openapi.apis.*}, {@code .common.*}, {@code .custom.*}, {@code .util.*} and
 *       {@code .util.generic.dynamic.*}; {@code java.util.*}, {@code java.util.function.*},
 *       {@code java.nio.file.*}, {@code java.time.Duration}; JUnit's
 *       {@code org.junit.jupiter.api.*} and {@code .extension.*}; AssertJ's {@code Assertions}
 *       and {@code org.assertj.core.api.junit.jupiter.*}; and, statically, {@code assertThat} of
 *       both {@code MizzenAssertions} and AssertJ's {@code Assertions}, and
 *       {@code assertThatThrownBy}. A simple name that two of these packages define is settled
 *       by {@link #PREFERRED} (the DSL's {@code PodTemplate} and {@code PodSecurity}, not the
 *       policies' ones). A block may start with {@code import} lines of its own: they apply to
 *       it and to the later blocks of its page, and override a preferred type of the same
 *       simple name.
 *   <li><b>Statements or members.</b> A block whose first code line (after its imports) starts
 *       with {@code @}, {@code class}, {@code interface}, {@code enum}, {@code record},
 *       {@code public} or {@code abstract} is a list of member declarations (a test class, a
 *       test method) and goes into a class nested in the generated class. Any other block is a
 *       list of statements: the body of {@code void snippet() throws Exception}.
 *   <li><b>Names from elsewhere.</b> The generated class has a field for each name of
 *       {@link #GIVEN}, the names the pages use without declaring them ({@code client},
 *       {@code shop}, {@code web}, {@code passwordFromVault}, ...), and for each variable that an
 *       earlier block of the same page declares at its top level ({@code Secret credentials =
 *       ...}), with the type written there; the latest declaration of a name wins. So a page
 *       reads top to bottom, and a block's own declarations shadow the fields. A new free name
 *       goes into {@link #GIVEN} only when its meaning is plain from the page.
 *   <li><b>Elisions.</b> A line that is only {@code ...} is dropped, and {@code = ...;} becomes
 *       {@code = null;} ({@code ApiClient client = ...;}). Nothing else is rewritten: elide
 *       anywhere else only inside a comment.
 *   <li><b>Missing semicolons.</b> A statement block may list expressions without their final
 *       {@code ;} (alternatives one under the other, a builder call shown alone): before each
 *       line that starts at column 0, not with {@code .}, and at the end of the block, a
 *       {@code ;} is added after the previous code if that code ends an expression
 *       ({@code )}, {@code ]}, a name or a literal) outside any bracket. So continuation lines
 *       are indented or start with {@code .}, and every expression starts with its receiver
 *       ({@code Placement.spreadOver(...)}, not {@code .spreadOver(...)}).
 *   <li><b>Opting out.</b> A block that is deliberately not compilable Java (pseudo-code, an
 *       outline) has {@code <!-- not compiled: REASON -->} on the line right before its fence;
 *       its test is reported as skipped, with the reason. The reason is required. Opt-outs are
 *       for the rare block that is not meant as Java; a block that shows Mizzen's API compiles.
 * </ul>
 */
class DocsSnippetsTest {

  /** The repository's root: the nearest directory up from the working one with README.md and docs/. */
  private static final Path ROOT = root();

  /** Single-type imports for simple names that two imported packages define. */
  static final List<String> PREFERRED = List.of(
      "dev.mizzen.dsl.pod.PodTemplate",                 // not dev.mizzen.testkit.policy.PodTemplate
      "dev.mizzen.dsl.security.PodSecurity",            // not ...testkit.policy.podsecurity.PodSecurity
      "org.assertj.core.api.Assertions");               // not org.junit.jupiter.api.Assertions

  static final List<String> IMPORTS = List.of(
      "io.kubernetes.client.common.*",
      "io.kubernetes.client.custom.*",
      "io.kubernetes.client.openapi.*",
      "io.kubernetes.client.openapi.apis.*",
      "io.kubernetes.client.openapi.models.*",
      "io.kubernetes.client.util.*",
      "io.kubernetes.client.util.generic.dynamic.*",
      "java.nio.file.*",
      "java.time.Duration",
      "java.util.*",
      "java.util.function.*",
      "org.assertj.core.api.junit.jupiter.*",
      "org.junit.jupiter.api.*",
      "org.junit.jupiter.api.extension.*",
      "static dev.mizzen.testkit.assertions.MizzenAssertions.assertThat",
      "static org.assertj.core.api.Assertions.assertThat",
      "static org.assertj.core.api.Assertions.assertThatThrownBy");

  /** Names the pages use without declaring them, as fields (type, name). */
  static final Map<String, String> GIVEN = given(
      "ApiClient client",
      "App shop",
      "Deployment web",
      "Deployment webDeployment",
      "Service service",
      "Service webService",
      "Namespace namespace",
      "ConfigMap config",
      "HorizontalPodAutoscaler webAutoscaler",
      "V1Deployment deployment",
      "Rollouts rollouts",
      "List<KubernetesObject> objects",
      "IntOrString intOrString",
      "Amount amount",
      "String password",
      "String passwordFromVault",
      "byte[] keystoreBytes",
      "String certificatePem",
      "String privateKeyPem",
      "String token",
      "String dockerConfigJsonText",
      "Secret ghcrSecret",
      // For the integrator's sections (pod templates taking a Placement).
      "Placement placement",
      "V1PodSpec podSpec",
      "String component",
      "RenderContext context");

  private static final Pattern FENCE = Pattern.compile("^(\\s*)```(.*)$");
  private static final Pattern OPT_OUT = Pattern.compile("^\\s*<!--\\s*not compiled\\s*(?::\\s*(.*?))?\\s*-->\\s*$");
  private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;\\s*(//.*)?$");
  private static final Pattern MEMBERS = Pattern.compile("^(@|(class|interface|enum|record|public|abstract)\\b)");
  private static final Pattern ELIDED_VALUE = Pattern.compile("=\\s*\\.\\.\\.\\s*;");
  private static final String CLASS_NAME = "DocSnippet";
  private static final String METHOD_NAME = "snippet";

  private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
  private static StandardJavaFileManager fileManager;
  private static List<String> mizzenPackages;

  @AfterAll
  static void closeFileManager() throws IOException {
    if (fileManager != null) {
      fileManager.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyJavaBlockOfTheDocsCompiles() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path page : pages) {
      Map<String, String> declared = new LinkedHashMap<>();
      List<Line> imports = new ArrayList<>();
      for (Block block : blocks(page)) {
        String name = block.page() + ":" + block.fence();
        if (block.optOut() != null) {
          tests.add(DynamicTest.dynamicTest(name, () -> optedOut(block)));
          continue;
        }
        Map<String, String> fields = new LinkedHashMap<>(GIVEN);
        declared.forEach((n, type) -> {
          fields.remove(n);
          fields.put(n, type);
        });
        Unit unit = unit(block, List.copyOf(imports), fields);
        tests.add(DynamicTest.dynamicTest(name, () -> compile(unit)));
        imports.addAll(block.imports());
        declarations(unit).forEach((n, type) -> {
          declared.remove(n);
          declared.put(n, type);
        });
      }
    }
    assertThat(tests).as("java blocks found under " + ROOT).hasSizeGreaterThan(10);
    return tests.stream();
  }

  private static void optedOut(Block block) {
    if (block.optOut().isBlank()) {
      throw new AssertionFailedError(block.page() + ":" + (block.fence() - 1)
          + ": <!-- not compiled --> needs a reason: <!-- not compiled: why -->");
    }
    Assumptions.abort("not compiled: " + block.optOut());
  }

  // ---------------------------------------------------------------------------------------------
  // Markdown

  /** A line of a generated compilation unit, and the Markdown line it comes from (0: none). */
  record Line(String text, int origin) {}

  /** A {@code ```java} block: its imports and its other lines, without the fence's indentation. */
  record Block(String page, int fence, int indent, String optOut, List<Line> imports, List<Line> body) {}

  static List<Block> blocks(Path page) {
    List<String> lines;
    try {
      lines = Files.readAllLines(page, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = ROOT.relativize(page.toAbsolutePath().normalize()).toString().replace('\\', '/');
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      String indent = open.group(1);
      String info = open.group(2).trim();
      int end = i + 1;
      while (end < lines.size() && !lines.get(end).trim().equals("```")) {
        end++;
      }
      if (info.equals("java") || info.startsWith("java ")) {
        String optOut = null;
        if (i > 0) {
          Matcher marker = OPT_OUT.matcher(lines.get(i - 1));
          if (marker.matches()) {
            optOut = marker.group(1) == null ? "" : marker.group(1);
          }
        }
        List<Line> imports = new ArrayList<>();
        List<Line> body = new ArrayList<>();
        for (int j = i + 1; j < end; j++) {
          String text = lines.get(j);
          text = text.startsWith(indent) ? text.substring(indent.length()) : text.stripLeading();
          if (body.isEmpty() && IMPORT.matcher(text).matches()) {
            imports.add(new Line(text, j + 1));
          } else if (!body.isEmpty() || !text.isBlank()) {
            body.add(new Line(text, j + 1));
          }
        }
        blocks.add(new Block(name, i + 1, indent.length(), optOut, imports, body));
      }
      i = end;
    }
    return blocks;
  }

  // ---------------------------------------------------------------------------------------------
  // The compilation unit

  /** A generated compilation unit; {@code lines.get(n - 1)} is its line n. */
  record Unit(Block block, List<Line> lines, boolean statements) {
    String source() {
      return lines.stream().map(Line::text).collect(Collectors.joining("\n", "", "\n"));
    }
  }

  static Unit unit(Block block, List<Line> pageImports, Map<String, String> fields) {
    List<Line> own = new ArrayList<>(pageImports);
    own.addAll(block.imports());
    Set<String> ownSimpleNames = new TreeSet<>();
    for (Line line : own) {
      Matcher m = IMPORT.matcher(line.text());
      if (m.matches() && m.group(1) == null && !m.group(2).endsWith(".*")) {
        ownSimpleNames.add(simpleName(m.group(2)));
      }
    }
    List<Line> out = new ArrayList<>();
    for (String pkg : mizzenPackages()) {
      out.add(new Line("import " + pkg + ".*;", 0));
    }
    for (String type : PREFERRED) {
      if (!ownSimpleNames.contains(simpleName(type)) && onClassPath(type)) {
        out.add(new Line("import " + type + ";", 0));
      }
    }
    for (String imported : IMPORTS) {
      out.add(new Line("import " + imported + ";", 0));
    }
    out.addAll(own);
    out.add(new Line("", 0));
    out.add(new Line("class " + CLASS_NAME + " {", 0));
    fields.forEach((name, type) -> out.add(new Line("  " + type + " " + name + ";", 0)));

    List<Line> body = new ArrayList<>();
    for (Line line : block.body()) {
      String text = line.text();
      if (text.trim().equals("...")) {
        text = "";
      }
      body.add(new Line(ELIDED_VALUE.matcher(text).replaceAll("= null;"), line.origin()));
    }
    String first = body.stream().map(Line::text)
        .filter(t -> !t.isBlank() && !t.startsWith("//")).findFirst().orElse("");
    boolean statements = !MEMBERS.matcher(first).find();
    if (statements) {
      out.add(new Line("  void " + METHOD_NAME + "() throws Exception {", 0));
      out.addAll(addMissingSemicolons(body));
      out.add(new Line("  }", 0));
    } else {
      out.add(new Line("  class Members {", 0));     // so its fields may reuse a given name
      out.addAll(body);
      out.add(new Line("  }", 0));
    }
    out.add(new Line("}", 0));
    return new Unit(block, out, statements);
  }

  private static String simpleName(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }

  /** Every API package under dev.mizzen on the test class path: not {@code *.internal*}, which docs must not use. */
  private static synchronized List<String> mizzenPackages() {
    if (mizzenPackages == null) {
      Set<String> packages = new TreeSet<>();
      try {
        for (JavaFileObject file : fileManager().list(StandardLocation.CLASS_PATH, "dev.mizzen",
            EnumSet.of(JavaFileObject.Kind.CLASS), true)) {
          String binaryName = fileManager().inferBinaryName(StandardLocation.CLASS_PATH, file);
          if (binaryName.endsWith(".package-info") || binaryName.endsWith(".module-info")) {
            continue;       // javac does not take a package with only these for a package
          }
          packages.add(binaryName.substring(0, binaryName.lastIndexOf('.')));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      packages.remove(DocsSnippetsTest.class.getPackageName());
      packages.removeIf(p -> p.endsWith(".internal") || p.contains(".internal."));
      mizzenPackages = List.copyOf(packages);
    }
    return mizzenPackages;
  }

  private static boolean onClassPath(String className) {
    try {
      return fileManager().getJavaFileForInput(StandardLocation.CLASS_PATH, className,
          JavaFileObject.Kind.CLASS) != null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path root() {
    Path start = Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no README.md and docs/ in " + start + " or above");
  }

  private static synchronized StandardJavaFileManager fileManager() {
    if (fileManager == null) {
      fileManager = JAVAC.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
      try {
        fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH,
            Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(s -> !s.isEmpty()).map(Path::of).collect(Collectors.toList()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return fileManager;
  }

  /**
   * Adds the {@code ;} that a list of expressions leaves out: before each line that starts at
   * column 0 (and not with {@code .}), and at the end, after the previous code if it ends an
   * expression outside any bracket.
   */
  static List<Line> addMissingSemicolons(List<Line> body) {
    List<Line> out = new ArrayList<>(body);
    CodeScanner scanner = new CodeScanner();
    int last = -1;          // index of the last line with code
    int lastEnd = -1;       // where its code ends
    int depthAfterLast = 0;
    for (int i = 0; i < out.size(); i++) {
      String text = out.get(i).text();
      boolean startsStatement = !text.isEmpty() && !Character.isWhitespace(text.charAt(0))
          && !text.startsWith(".") && !scanner.inComment;
      int end = scanner.scan(text);
      if (end < 0) {
        continue;
      }
      if (startsStatement && last >= 0 && depthAfterLast == 0) {
        terminate(out, last, lastEnd);
      }
      last = i;
      lastEnd = end;
      depthAfterLast = scanner.depth;
    }
    if (last >= 0 && depthAfterLast == 0) {
      terminate(out, last, lastEnd);
    }
    return out;
  }

  private static void terminate(List<Line> lines, int index, int end) {
    Line line = lines.get(index);
    char c = line.text().charAt(end - 1);
    if (Character.isJavaIdentifierPart(c) || c == ')' || c == ']' || c == '"' || c == '\'') {
      lines.set(index, new Line(line.text().substring(0, end) + ";" + line.text().substring(end),
          line.origin()));
    }
  }

  /** Finds where a line's code ends, outside comments and literals, and tracks bracket depth. */
  static final class CodeScanner {
    boolean inComment;
    int depth;

    /** The index after the line's last code character, or -1 if it has none. */
    int scan(String text) {
      int end = -1;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (inComment) {
          if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
            inComment = false;
            i++;
          }
          continue;
        }
        if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
          break;
        }
        if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
          inComment = true;
          i++;
          continue;
        }
        if (c == '"' || c == '\'') {
          int j = i + 1;
          while (j < text.length() && text.charAt(j) != c) {
            j += text.charAt(j) == '\\' ? 2 : 1;
          }
          i = Math.min(j, text.length() - 1);
          end = i + 1;
          continue;
        }
        if (c == '(' || c == '[' || c == '{') {
          depth++;
        } else if (c == ')' || c == ']' || c == '}') {
          depth--;
        }
        if (!Character.isWhitespace(c)) {
          end = i + 1;
        }
      }
      return end;
    }
  }

  /** The variables a statement block declares at its top level: name to type, as written. */
  static Map<String, String> declarations(Unit unit) {
    Map<String, String> declared = new LinkedHashMap<>();
    if (!unit.statements()) {
      return declared;
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavacTask task = (JavacTask) JAVAC.getTask(null, null, diagnostics, List.of("-proc:none"), null,
        List.of(new Source(unit.source())));
    try {
      Iterable<? extends CompilationUnitTree> trees = task.parse();
      if (diagnostics.getDiagnostics().stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR)) {
        return declared;      // its own test reports it; the next blocks go on without its names
      }
      for (CompilationUnitTree tree : trees) {
        for (Tree type : tree.getTypeDecls()) {
          if (!(type instanceof ClassTree)) {
            continue;
          }
          for (Tree member : ((ClassTree) type).getMembers()) {
            if (member instanceof MethodTree && ((MethodTree) member).getName().contentEquals(METHOD_NAME)
                && ((MethodTree) member).getBody() != null) {
              for (StatementTree statement : ((MethodTree) member).getBody().getStatements()) {
                if (statement instanceof VariableTree && ((VariableTree) statement).getType() != null) {
                  VariableTree variable = (VariableTree) statement;
                  String typeName = variable.getType().toString();
                  if (!typeName.equals("var")) {
                    declared.put(variable.getName().toString(), typeName);
                  }
                }
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return declared;
  }

  // ---------------------------------------------------------------------------------------------
  // Compiling

  static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String code) {
      super(URI.create("string:///" + CLASS_NAME + ".java"), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }

  private static void compile(Unit unit) throws IOException {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavacTask task;
    synchronized (DocsSnippetsTest.class) {
      task = (JavacTask) JAVAC.getTask(null, fileManager(), diagnostics,
          List.of("-proc:none", "--release", "17", "-Xlint:none", "-nowarn"), null,
          List.of(new Source(unit.source())));
      task.parse();
      task.analyze();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(describe(unit, d));
      }
    }
    if (!errors.isEmpty()) {
      throw new AssertionFailedError(errors.size() + " javac error(s) in the java block at "
          + unit.block().page() + ":" + unit.block().fence() + " (see DocsSnippetsTest's Javadoc"
          + " for how a block is compiled)\n\n" + String.join("\n\n", errors)
          + "\n\n--- compiled as ---\n" + numbered(unit));
    }
  }

  private static String describe(Unit unit, Diagnostic<? extends JavaFileObject> d) {
    long n = d.getLineNumber();
    Line line = n >= 1 && n <= unit.lines().size() ? unit.lines().get((int) n - 1) : new Line("", 0);
    String where = line.origin() > 0
        ? unit.block().page() + ":" + line.origin() + ":" + (d.getColumnNumber() + unit.block().indent())
        : unit.block().page() + ":" + unit.block().fence() + " (generated line " + n + ")";
    String message = d.getMessage(Locale.ROOT);
    if (message.contains("is ambiguous")) {
      message += "\n  (two imported packages define this name: add the intended type to"
          + " DocsSnippetsTest.PREFERRED, or import it at the top of the block)";
    }
    return where + ": error: " + message + "\n    " + line.text().strip();
  }

  private static String numbered(Unit unit) {
    StringBuilder out = new StringBuilder();
    List<Line> lines = unit.lines();
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      if (line.origin() == 0 && line.text().startsWith("import ")) {
        continue;
      }
      out.append(String.format(Locale.ROOT, "%5s | %s%n",
          line.origin() > 0 ? String.valueOf(line.origin()) : "", line.text()));
    }
    return out.toString();
  }

  private static Map<String, String> given(String... declarations) {
    Map<String, String> given = new LinkedHashMap<>();
    for (String declaration : declarations) {
      int space = declaration.lastIndexOf(' ');
      given.put(declaration.substring(space + 1), declaration.substring(0, space));
    }
    return java.util.Collections.unmodifiableMap(given);
  }
}
