package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Every command line QuickParse takes must leave the command exactly as picocli leaves it: for every command,
 * command lines made from its own options and parameters are bound both ways and the fields compared.
 */
class QuickParseTest {

    private final PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    private final Launch launch = new Launch(Map.of(), Path.of("."), nowhere, nowhere);

    @Test
    void everyCommandLineItTakesBindsAsPicocliDoes() throws Exception {
        int commands = 0;
        int taken = 0;
        int lines = 0;
        for (String name : CommandRegistry.NAMES) {
            Object probe = CommandRegistry.create(name, launch);
            CommandSpec spec = CommandSpec.forAnnotatedObject(probe);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            if (!SpecFile.write(spec, probe, new DataOutputStream(bytes))) {
                continue;
            }
            commands++;
            List<ArgShape> shapes = SpecFile.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            for (List<String> line : commandLines(spec)) {
                lines++;
                String[] args = line.toArray(String[]::new);
                Object quick = CommandRegistry.create(name, launch);
                if (!QuickParse.bind(shapes, quick, args)) {
                    continue;
                }
                taken++;
                Object picocli = CommandRegistry.create(name, launch);
                CommandLine cl = new CommandLine(picocli);
                cl.setExpandAtFiles(false);
                if (((BaseCommand) picocli).takesSecrets()) {
                    cl.setUnmatchedOptionsArePositionalParams(true);
                }
                cl.parseArgs(args); // a line QuickParse took must be one picocli takes
                assertThat(state(quick)).as("%s %s", name, line).isEqualTo(state(picocli));
            }
        }
        assertThat(commands).as("commands with a shape").isGreaterThanOrEqualTo(55);
        assertThat(taken).as("command lines taken of %d", lines).isGreaterThan(lines / 2);
    }

    @Test
    void takesTheEverydayFormsAndLeavesTheRestToPicocli() throws Exception {
        assertThat(bind("config", "-a", "bench")).isTrue();
        assertThat(bind("config", "--app=bench", "--json")).isTrue();
        assertThat(bind("config:set", "-a", "bench", "K=V", "L=two words")).isTrue();
        assertThat(bind("releases", "-a", "one", "-a", "two")).isTrue();
        assertThat(bind("formation:set", "web", "--no-public")).isTrue();

        assertThat(bind("config", "-abench")).as("clustered").isFalse();
        assertThat(bind("config", "-a")).as("value missing").isFalse();
        assertThat(bind("config", "-a", "--json")).as("value that is an option").isFalse();
        assertThat(bind("config", "--backend", "local", "--backend", "aws")).as("given twice").isFalse();
        assertThat(bind("config", "--", "-a")).as("end of options").isFalse();
        assertThat(bind("config", "--bogus")).as("unknown").isFalse();
        assertThat(bind("config", "extra")).as("a parameter it has none of").isFalse();
        assertThat(bind("config:get", "-a", "x")).as("a required parameter missing").isFalse();
        assertThat(bind("config:set", "-a", "x", "-K=V")).as("a secret-bearing argument that looks like an option").isFalse();
        assertThat(bind("alias:set", "-a", "x", "live", "3", "4")).as("one parameter too many").isFalse();
    }

    @Test
    void shapesWhosePicocliMeaningItDoesNotModelAreLeftToPicocli() throws Exception {
        assertThat(describable(new TrueFlag())).as("a flag that starts true (picocli toggles it)").isFalse();
        assertThat(describable(new NegatableNamedNo())).as("a negatable --no-x (its negative form is --x)").isFalse();
        assertThat(describable(new VariableDefault())).as("a default with a variable, resolved per run").isFalse();

        OptionalThenRequired quick = new OptionalThenRequired();
        List<ArgShape> shapes = shapes(quick);
        assertThat(QuickParse.bind(shapes, new OptionalThenRequired(), new String[] {"x"})).as("picocli: B is missing").isFalse();
        assertThat(QuickParse.bind(shapes, quick, new String[] {"x", "y"})).isTrue();
        OptionalThenRequired picocli = new OptionalThenRequired();
        new CommandLine(picocli).parseArgs("x", "y");
        assertThat(state(quick)).isEqualTo(state(picocli)).containsEntry("a", "x").containsEntry("b", "y");
    }

    @Command(name = "t")
    static final class TrueFlag {
        @Option(names = "--cache")
        boolean cache = true;
    }

    @Command(name = "t")
    static final class NegatableNamedNo {
        @Option(names = "--no-cache", negatable = true)
        boolean noCache;
    }

    @Command(name = "t")
    static final class VariableDefault {
        @Option(names = "--x", defaultValue = "${env:HOME}")
        String x;
    }

    @Command(name = "t")
    static final class OptionalThenRequired {
        @Parameters(index = "0", arity = "0..1")
        String a;

        @Parameters(index = "1")
        String b;
    }

    private static boolean describable(Object command) throws IOException {
        return SpecFile.write(CommandSpec.forAnnotatedObject(command), command, new DataOutputStream(new ByteArrayOutputStream()));
    }

    private static List<ArgShape> shapes(Object command) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(SpecFile.write(CommandSpec.forAnnotatedObject(command), command, new DataOutputStream(bytes))).isTrue();
        return SpecFile.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    private boolean bind(String name, String... args) throws Exception {
        Object probe = CommandRegistry.create(name, launch);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(SpecFile.write(CommandSpec.forAnnotatedObject(probe), probe, new DataOutputStream(bytes))).isTrue();
        List<ArgShape> shapes = SpecFile.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        return QuickParse.bind(shapes, CommandRegistry.create(name, launch), args);
    }

    /** No arguments; each option alone in each of its forms; all of them at once with 0-3 parameters. */
    private static List<List<String>> commandLines(CommandSpec spec) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of());
        List<String> all = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp()) {
                continue;
            }
            for (String n : o.names()) {
                if (o.arity().max == 0) {
                    lines.add(List.of(n));
                    if (o.negatable() && n.startsWith("--")) {
                        lines.add(List.of("--no-" + n.substring(2)));
                    }
                } else {
                    lines.add(List.of(n, sample(o, 1)));
                    if (n.startsWith("--")) {
                        lines.add(List.of(n + "=" + sample(o, 2)));
                    }
                    if (o.isMultiValue()) {
                        lines.add(List.of(n, sample(o, 1), n, sample(o, 2)));
                    }
                }
            }
            all.add(o.longestName());
            if (o.arity().max != 0) {
                all.add(sample(o, 3));
            }
        }
        for (int params = 0; params <= 3; params++) {
            List<String> line = new ArrayList<>(all);
            List<String> alone = new ArrayList<>();
            for (int i = 0; i < params; i++) {
                String value = spec.positionalParameters().isEmpty() ? "p" + i : sample(spec.positionalParameters().get(
                        Math.min(i, spec.positionalParameters().size() - 1)), i);
                line.add(value);
                alone.add(value);
            }
            lines.add(line);
            lines.add(alone);
        }
        return lines;
    }

    private static String sample(ArgSpec arg, int n) {
        Class<?> type = arg.isMultiValue() && arg.auxiliaryTypes().length > 0 ? arg.auxiliaryTypes()[0] : arg.type();
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return String.valueOf(7 + n);
        }
        if (type == Path.class) {
            return "dir/file" + n;
        }
        return arg instanceof PositionalParamSpec ? "K" + n + "=v" + n : "value " + n;
    }

    /** Every field of the command and of its mixins, by name. */
    private static Map<String, Object> state(Object command) throws IllegalAccessException {
        Map<String, Object> state = new LinkedHashMap<>();
        for (Class<?> c = command.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType() == Launch.class || f.isSynthetic()) {
                    continue;
                }
                f.setAccessible(true);
                Object value = f.get(command);
                if (f.isAnnotationPresent(Mixin.class) && value != null) {
                    state.put(f.getName(), state(value));
                } else {
                    state.put(f.getName(), value);
                }
            }
        }
        return state;
    }
}
