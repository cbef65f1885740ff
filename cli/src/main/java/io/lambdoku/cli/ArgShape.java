package io.lambdoku.cli;

import java.util.List;

/**
 * One option or positional parameter of a command, as picocli read it from the annotations: what
 * {@link QuickParse} needs to bind an argument to its field. Ranges are {min, max}, max -1 when unbounded.
 */
record ArgShape(boolean option, String owner, String declaringClass, String field, List<String> names, boolean negatable,
        boolean help, int[] index, int[] arity, String type, List<String> auxiliaryTypes, String split, String defaultValue,
        boolean required) {

    boolean flag() {
        return arity[0] == 0 && arity[1] == 0;
    }

    boolean multiValued() {
        return type.equals("java.util.List");
    }

    /** The type of one value: a list's element type, else the field's. */
    String valueType() {
        return multiValued() ? (auxiliaryTypes.isEmpty() ? "" : auxiliaryTypes.get(0)) : type;
    }
}
