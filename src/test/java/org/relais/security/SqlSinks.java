package org.relais.security;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Finds every place where Java sources hand SQL text to the database and reports those whose text is not built
 * from compile-time constants alone. The sources are compiled (attributed, nothing written) with javac, so that a
 * call is recognised by the method it really invokes, not by its name: a String first argument of JdbcClient,
 * JdbcOperations, NamedParameterJdbcOperations, java.sql.Connection or java.sql.Statement is SQL.
 * <p>
 * SQL text is safe when it is a literal (text blocks included), a constant variable, a concatenation of those, or a
 * choice ({@code ? :}) between safe texts. A parameter of a private method is safe when every call passes safe text,
 * since nothing outside the class can call it; parameters of other methods could come from a request or a mail.
 */
final class SqlSinks {

    private static final List<String> SINK_TYPES = List.of(
            "org.springframework.jdbc.core.simple.JdbcClient",
            "org.springframework.jdbc.core.JdbcOperations",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations",
            "java.sql.Connection",
            "java.sql.Statement");

    private static final Path WORKING_DIRECTORY = Path.of("").toAbsolutePath();

    /** One place handing SQL to the database, with the reason its text is not provably constant (null if it is). */
    record Sink(String place, String call, String unsafeBecause) {
    }

    private final JavacTask task;
    private final Trees trees;
    private final Types types;
    private final List<TypeMirror> sinkTypes = new ArrayList<>();
    private final List<CompilationUnitTree> units = new ArrayList<>();
    private final Map<ExecutableElement, List<TreePath>> callsOf = new HashMap<>();
    private final Set<Element> referencedMethods = new HashSet<>();

    private SqlSinks(JavacTask task, List<CompilationUnitTree> units) {
        this.task = task;
        this.trees = Trees.instance(task);
        this.types = task.getTypes();
        this.units.addAll(units);
        for (String name : SINK_TYPES) {
            TypeElement type = task.getElements().getTypeElement(name);
            if (type == null) {
                throw new IllegalStateException(name + " is not on the class path given to javac");
            }
            sinkTypes.add(types.erasure(type.asType()));
        }
    }

    /** Compiles every source under {@code sourceRoot} against {@code classPath} and lists its SQL sinks. */
    static List<Sink> in(Path sourceRoot, String classPath) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8); Stream<Path> walk = Files.walk(sourceRoot)) {
            List<Path> sources = walk.filter(path -> path.toString().endsWith(".java")).toList();
            // attribution is all the check needs: javac stops before flow analysis and writes nothing
            JavacTask task = (JavacTask) compiler.getTask(null, files, diagnostics,
                    List.of("-proc:none", "-implicit:none", "-XDshould-stop.ifNoError=ATTR", "-classpath", classPath), null,
                    files.getJavaFileObjectsFromPaths(sources));
            List<CompilationUnitTree> units = new ArrayList<>();
            task.parse().forEach(units::add);
            task.analyze();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).map(Object::toString).toList();
            if (!errors.isEmpty()) {
                throw new IllegalStateException("the sources do not compile for the check: " + errors);
            }
            return new SqlSinks(task, units).sinks();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Sink> sinks() {
        List<TreePath> sqlArguments = new ArrayList<>();
        for (CompilationUnitTree unit : units) {
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                    Element method = trees.getElement(getCurrentPath());
                    if (method instanceof ExecutableElement executable) {
                        callsOf.computeIfAbsent(executable, m -> new ArrayList<>()).add(getCurrentPath());
                        if (takesSql(executable)) {
                            sqlArguments.add(new TreePath(getCurrentPath(), call.getArguments().get(0)));
                        }
                    }
                    return super.visitMethodInvocation(call, unused);
                }

                @Override
                public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
                    referencedMethods.add(trees.getElement(getCurrentPath()));
                    return super.visitMemberReference(reference, unused);
                }
            }.scan(unit, null);
        }
        return sqlArguments.stream()
                .map(argument -> new Sink(place(argument), argument.getParentPath().getLeaf().toString(),
                        unsafeBecause(argument, new HashSet<>())))
                .toList();
    }

    private boolean takesSql(ExecutableElement method) {
        if (method.getParameters().isEmpty()
                || !types.isSameType(method.getParameters().get(0).asType(), stringType())) {
            return false;
        }
        TypeMirror owner = types.erasure(method.getEnclosingElement().asType());
        return sinkTypes.stream().anyMatch(sink -> types.isSubtype(owner, sink));
    }

    /** Null when the expression at {@code path} is built from constants only, else why not. */
    private String unsafeBecause(TreePath path, Set<Element> parametersSeen) {
        Tree expression = path.getLeaf();
        if (expression instanceof LiteralTree) {
            return null;
        }
        if (expression instanceof ParenthesizedTree parenthesized) {
            return unsafeBecause(new TreePath(path, parenthesized.getExpression()), parametersSeen);
        }
        if (expression instanceof TypeCastTree cast) {
            return unsafeBecause(new TreePath(path, cast.getExpression()), parametersSeen);
        }
        if (expression instanceof BinaryTree binary && binary.getKind() == Tree.Kind.PLUS) {
            return firstUnsafe(parametersSeen, new TreePath(path, binary.getLeftOperand()),
                    new TreePath(path, binary.getRightOperand()));
        }
        if (expression instanceof ConditionalExpressionTree choice) {
            return firstUnsafe(parametersSeen, new TreePath(path, choice.getTrueExpression()),
                    new TreePath(path, choice.getFalseExpression()));
        }
        Element element = trees.getElement(path);
        if (element instanceof VariableElement variable) {
            if (variable.getConstantValue() != null) {
                return null;
            }
            if (variable.getKind() == ElementKind.PARAMETER) {
                return unsafeParameter(variable, parametersSeen);
            }
        }
        return "'" + expression + "' at " + place(path) + " is not built from constants";
    }

    private String firstUnsafe(Set<Element> parametersSeen, TreePath... parts) {
        for (TreePath part : parts) {
            String unsafe = unsafeBecause(part, parametersSeen);
            if (unsafe != null) {
                return unsafe;
            }
        }
        return null;
    }

    private String unsafeParameter(VariableElement parameter, Set<Element> parametersSeen) {
        if (!(parameter.getEnclosingElement() instanceof ExecutableElement method)
                || !method.getModifiers().contains(Modifier.PRIVATE)) {
            return "parameter '" + parameter + "' of " + parameter.getEnclosingElement()
                    + " can be given any text from outside its class";
        }
        if (referencedMethods.contains(method)) {
            return "parameter '" + parameter + "' of " + method + " comes from a method reference's caller";
        }
        if (!parametersSeen.add(parameter)) {
            return null;
        }
        int index = method.getParameters().indexOf(parameter);
        List<TreePath> calls = callsOf.getOrDefault(method, List.of());
        if (calls.isEmpty()) {
            return "parameter '" + parameter + "' of " + method + " is never given a value in the sources";
        }
        for (TreePath call : calls) {
            MethodInvocationTree invocation = (MethodInvocationTree) call.getLeaf();
            String unsafe = unsafeBecause(new TreePath(call, invocation.getArguments().get(index)), parametersSeen);
            if (unsafe != null) {
                return unsafe;
            }
        }
        return null;
    }

    private String place(TreePath path) {
        CompilationUnitTree unit = path.getCompilationUnit();
        long position = trees.getSourcePositions().getStartPosition(unit, path.getLeaf());
        Path file = Path.of(unit.getSourceFile().toUri());
        Path shown = file.startsWith(WORKING_DIRECTORY) ? WORKING_DIRECTORY.relativize(file) : file;
        return shown + ":" + unit.getLineMap().getLineNumber(position);
    }

    private TypeMirror stringType() {
        return task.getElements().getTypeElement("java.lang.String").asType();
    }
}
