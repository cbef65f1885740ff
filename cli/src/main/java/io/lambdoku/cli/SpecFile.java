package io.lambdoku.cli;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IAnnotatedElement;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Range;

/**
 * A command's options and parameters as picocli read them from its annotations, written once per build and
 * read back as {@link ArgShape}s for {@link QuickParse}. Reading the annotations and building picocli's model
 * costs a run ~20-30 ms (the JDK parses each annotation into a generated proxy class); reading this costs
 * under one. It holds only what binding needs: help and errors always come from picocli. Commands that use
 * picocli beyond options bound to fields (an injected spec, argument groups, custom converters) have no
 * file and always go to picocli.
 */
final class SpecFile {

    /** Changes when the format does; the files live in the per-build cache, so no older reader meets them. */
    private static final int FORMAT = 2;

    private SpecFile() {
    }

    /** Writes {@code spec} (built from {@code command}'s annotations), or returns false when it cannot be described. */
    static boolean write(CommandSpec spec, Object command, DataOutput out) throws IOException {
        if (!describable(spec)) {
            return false;
        }
        List<ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        List<String[]> owners = new ArrayList<>();
        for (ArgSpec arg : args) {
            Optional<String[]> owner = owner(arg, spec, command);
            if (owner.isEmpty()) {
                return false;
            }
            owners.add(owner.get());
        }
        out.writeInt(FORMAT);
        out.writeInt(args.size());
        for (int i = 0; i < args.size(); i++) {
            ArgSpec arg = args.get(i);
            out.writeBoolean(arg.isOption());
            out.writeUTF(owners.get(i)[0]);
            out.writeUTF(owners.get(i)[1]);
            out.writeUTF(owners.get(i)[2]);
            if (arg instanceof OptionSpec o) {
                writeStrings(out, o.names());
                out.writeBoolean(o.negatable());
                out.writeBoolean(o.usageHelp() || o.versionHelp());
            } else {
                writeRange(out, ((PositionalParamSpec) arg).index());
            }
            writeRange(out, arg.arity());
            out.writeUTF(arg.type().getName());
            writeStrings(out, java.util.Arrays.stream(arg.auxiliaryTypes()).map(Class::getName).toArray(String[]::new));
            out.writeUTF(arg.splitRegex());
            out.writeBoolean(arg.defaultValue() != null);
            if (arg.defaultValue() != null) {
                out.writeUTF(arg.defaultValue());
            }
            out.writeBoolean(arg.required());
        }
        return true;
    }

    /** The options and parameters {@code in} describes. */
    static List<ArgShape> read(DataInput in) throws IOException {
        if (in.readInt() != FORMAT) {
            throw new IOException("unknown spec format");
        }
        int n = in.readInt();
        List<ArgShape> args = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean option = in.readBoolean();
            String owner = in.readUTF();
            String declaringClass = in.readUTF();
            String field = in.readUTF();
            String[] names = option ? readStrings(in) : new String[0];
            boolean negatable = option && in.readBoolean();
            boolean help = option && in.readBoolean();
            int[] index = option ? new int[] {0, 0} : readRange(in);
            int[] arity = readRange(in);
            String type = in.readUTF();
            String[] aux = readStrings(in);
            String split = in.readUTF();
            String defaultValue = in.readBoolean() ? in.readUTF() : null;
            boolean required = in.readBoolean();
            args.add(new ArgShape(option, owner, declaringClass, field, List.of(names), negatable, help, index, arity, type,
                    List.of(aux), split, defaultValue, required));
        }
        return args;
    }

    private static boolean describable(CommandSpec spec) {
        if (!spec.specElements().isEmpty() || !spec.argGroups().isEmpty() || !spec.subcommands().isEmpty()
                || !spec.unmatchedArgsBindings().isEmpty() || !spec.parentCommandElements().isEmpty()) {
            return false;
        }
        for (CommandSpec mixin : spec.mixins().values()) {
            if (!mixin.mixins().isEmpty() || !mixin.specElements().isEmpty()) {
                return false;
            }
        }
        List<ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        for (ArgSpec arg : args) {
            if (arg.converters().length > 0 || arg.parameterConsumer() != null || arg.interactive()
                    || !(arg.userObject() instanceof Field)
                    || (arg instanceof OptionSpec o && !o.fallbackValue().isEmpty())
                    // picocli toggles a flag that starts true; a variable in a default is resolved per run
                    || Boolean.TRUE.equals(arg.initialValue()) || "true".equalsIgnoreCase(arg.defaultValue())
                    || declaredDefault(arg).contains("${")
                    // a negatable --no-x's negative form is --x, not --no-no-x
                    || (arg instanceof OptionSpec o && o.negatable() && java.util.Arrays.stream(o.names()).anyMatch(n -> n.startsWith("--no-")))) {
                return false;
            }
        }
        return true;
    }

    /** The default as written in the annotation: picocli's model holds it with variables already resolved. */
    private static String declaredDefault(ArgSpec arg) {
        Field field = (Field) arg.userObject();
        Option option = field.getAnnotation(Option.class);
        Parameters parameters = field.getAnnotation(Parameters.class);
        return option != null ? option.defaultValue() : parameters != null ? parameters.defaultValue() : "";
    }

    /** {mixin field name or "", declaring class, field name} of the field {@code arg} is bound to. */
    private static Optional<String[]> owner(ArgSpec arg, CommandSpec spec, Object command) {
        Field field = (Field) arg.userObject();
        for (Map.Entry<String, CommandSpec> mixin : spec.mixins().entrySet()) {
            if (mixin.getValue().args().stream().anyMatch(a -> a.userObject() == field)) {
                IAnnotatedElement element = spec.mixinAnnotatedElements().get(mixin.getKey());
                if (element == null || !(element.userObject() instanceof Field)) {
                    return Optional.empty();
                }
                return Optional.of(new String[] {((Field) element.userObject()).getName(), field.getDeclaringClass().getName(),
                    field.getName()});
            }
        }
        if (!field.getDeclaringClass().isInstance(command)) {
            return Optional.empty();
        }
        return Optional.of(new String[] {"", field.getDeclaringClass().getName(), field.getName()});
    }

    /** {min, max}, max -1 when unbounded. */
    private static void writeRange(DataOutput out, Range r) throws IOException {
        out.writeInt(r.min());
        out.writeInt(r.isVariable() ? -1 : r.max());
    }

    private static int[] readRange(DataInput in) throws IOException {
        return new int[] {in.readInt(), in.readInt()};
    }

    private static void writeStrings(DataOutput out, String[] values) throws IOException {
        out.writeInt(values.length);
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    private static String[] readStrings(DataInput in) throws IOException {
        String[] values = new String[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readUTF();
        }
        return values;
    }
}
