package io.lambdoku.cli;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the arguments of an everyday command line to the command's fields from its {@link ArgShape}s, without
 * picocli: building picocli's model of a command costs a run ~20 ms, more than the rest of its parsing work.
 * It takes only the plain forms (an option's name then its value, {@code --name=value}, flags, positional
 * values); anything else (help, "--", clustered or abbreviated options, an option given twice, values that look
 * like options, a missing required argument, a value that does not convert) answers false, and the run
 * goes to picocli with a new command object, so picocli stays the judge of every error and every message.
 */
final class QuickParse {

    private QuickParse() {
    }

    /** True when every argument was bound as picocli would bind it; false leaves {@code command} to be discarded. */
    static boolean bind(List<ArgShape> shapes, Object command, String[] args) throws ReflectiveOperationException {
        Map<String, ArgShape> byName = new HashMap<>();
        List<ArgShape> positionals = new ArrayList<>();
        for (ArgShape s : shapes) {
            if (s.option()) {
                for (String n : s.names()) {
                    byName.put(n, s);
                    if (s.negatable() && n.startsWith("--")) {
                        byName.put("--no-" + n.substring(2), s);
                    }
                }
            } else {
                positionals.add(s);
            }
        }
        // identity: a record's own hashCode is bootstrapped through method handles, a few ms on a first call
        Map<ArgShape, List<Object>> values = new IdentityHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-")) {
                positional.add(a);
                continue;
            }
            String name = a;
            String inline = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 2) {
                name = a.substring(0, eq);
                inline = a.substring(eq + 1);
            }
            ArgShape s = byName.get(name);
            if (s == null || s.help() || (values.containsKey(s) && !s.multiValued())) {
                return false;
            }
            Object value;
            if (s.flag()) {
                if (inline != null || !(s.type().equals("boolean") || s.type().equals("java.lang.Boolean"))) {
                    return false;
                }
                value = !name.startsWith("--no-") || s.names().contains(name);
            } else {
                if (s.arity()[0] != 1 || s.arity()[1] != 1 || !s.split().isEmpty() || name.startsWith("--no-") && !s.names().contains(name)) {
                    return false;
                }
                String text = inline != null ? inline : i + 1 < args.length ? args[++i] : null;
                if (text == null || text.startsWith("-") && inline == null) {
                    return false;
                }
                value = convert(s.valueType(), text);
                if (value == null) {
                    return false;
                }
            }
            add(values, s, value);
        }
        if (!bindPositionals(positionals, positional, values)) {
            return false;
        }
        for (ArgShape s : shapes) {
            if (!values.containsKey(s)) {
                if (s.required() && s.option()) {
                    return false;
                }
                if (s.defaultValue() != null) {
                    Object value = convert(s.valueType(), s.defaultValue());
                    if (value == null) {
                        return false;
                    }
                    values.put(s, List.of(value));
                }
            }
        }
        // picocli creates a mixin's object whether or not its options are given; each is looked up once
        Map<String, Object> owners = new HashMap<>();
        for (ArgShape s : shapes) {
            if (!owners.containsKey(s.owner())) {
                owners.put(s.owner(), owner(command, s.owner()));
            }
        }
        for (Map.Entry<ArgShape, List<Object>> e : values.entrySet()) {
            ArgShape s = e.getKey();
            set(owners.get(s.owner()), s, s.multiValued() ? new ArrayList<>(e.getValue()) : e.getValue().get(0));
        }
        return true;
    }

    /**
     * One parameter taking them all (a list from index 0, or one optional value), or single values at fixed
     * indexes; other layouts are left to picocli.
     */
    private static boolean bindPositionals(List<ArgShape> shapes, List<String> args, Map<ArgShape, List<Object>> values) {
        if (shapes.isEmpty()) {
            return args.isEmpty();
        }
        if (shapes.size() == 1 && shapes.get(0).index()[0] == 0 && shapes.get(0).index()[1] == -1) {
            ArgShape s = shapes.get(0);
            int max = s.multiValued() ? s.arity()[1] : Math.min(1, s.arity()[1] < 0 ? 1 : s.arity()[1]);
            if (args.size() < s.arity()[0] || (max >= 0 && args.size() > max) || !s.split().isEmpty()) {
                return false;
            }
            return add(s, args, values);
        }
        int required = 0;
        for (ArgShape s : shapes) {
            if (s.multiValued() || s.index()[0] != s.index()[1] || s.arity()[1] != 1 || s.index()[0] >= shapes.size()
                    || shapes.get(s.index()[0]) != s) {
                return false;
            }
            required += s.arity()[0];
        }
        if (args.size() > shapes.size() || args.size() < required) {
            return false;
        }
        for (ArgShape s : shapes) {
            if (s.arity()[0] > 0 && s.index()[0] >= args.size()) {
                return false; // an optional parameter before a required one: picocli says which is missing
            }
        }
        for (int k = 0; k < args.size(); k++) {
            if (!add(shapes.get(k), List.of(args.get(k)), values)) {
                return false;
            }
        }
        return true;
    }

    private static boolean add(ArgShape s, List<String> args, Map<ArgShape, List<Object>> values) {
        for (String a : args) {
            Object value = convert(s.valueType(), a);
            if (value == null) {
                return false;
            }
            add(values, s, value);
        }
        return true;
    }

    private static void add(Map<ArgShape, List<Object>> values, ArgShape s, Object value) {
        List<Object> list = values.get(s);
        if (list == null) {
            list = new ArrayList<>();
            values.put(s, list);
        }
        list.add(value);
    }

    /** The value as picocli's built-in converter gives it, or null when this class does not convert to that type. */
    private static Object convert(String type, String text) {
        return switch (type) {
            case "java.lang.String" -> text;
            case "java.nio.file.Path" -> Path.of(text);
            case "int", "java.lang.Integer" -> text.matches("-?[0-9]{1,9}") ? Integer.valueOf(text) : null;
            case "long", "java.lang.Long" -> text.matches("-?[0-9]{1,18}") ? Long.valueOf(text) : null;
            default -> null;
        };
    }

    private static void set(Object owner, ArgShape s, Object value) throws ReflectiveOperationException {
        Field f = Class.forName(s.declaringClass(), false, QuickParse.class.getClassLoader()).getDeclaredField(s.field());
        f.setAccessible(true);
        f.set(owner, value);
    }

    /** The command itself, or its mixin field's object (created as picocli would when the field is still null). */
    private static Object owner(Object command, String mixin) throws ReflectiveOperationException {
        if (mixin.isEmpty()) {
            return command;
        }
        for (Class<?> c = command.getClass(); c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(mixin)) {
                    f.setAccessible(true);
                    Object value = f.get(command);
                    if (value == null) {
                        var constructor = f.getType().getDeclaredConstructor();
                        constructor.setAccessible(true);
                        value = constructor.newInstance();
                        f.set(command, value);
                    }
                    return value;
                }
            }
        }
        throw new NoSuchFieldException(mixin);
    }
}
