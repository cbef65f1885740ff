package io.lambdoku.core.infra;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.util.BitSet;
import java.util.List;

/**
 * One plain field of a cron expression ({@code , - * /} and names) as the set of values it allows.
 * The day fields' own wildcards ({@code ? L W #}) are {@link CronDays}' business.
 */
final class CronField {

    static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
            "NOV", "DEC");
    static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final BitSet values;

    private CronField(BitSet values) {
        this.values = values;
    }

    boolean allows(int value) {
        return value >= 0 && values.get(value);
    }

    /** The smallest allowed value at or above {@code from}, or -1. */
    int atOrAfter(int from) {
        return values.nextSetBit(Math.max(0, from));
    }

    /**
     * Parses {@code text} (the field called {@code name}) within min..max; {@code names} stand for
     * min, min+1, … (months from 1, days from 1 = SUN). Ranges may wrap (FRI-MON, 22-2), as in Quartz.
     */
    static CronField parse(String expression, String name, String text, int min, int max, List<String> names,
                           boolean steps) {
        BitSet set = new BitSet(max + 1);
        for (String item : text.split(",", -1)) {
            addItem(set, expression, name, item, min, max, names, steps);
        }
        return new CronField(set);
    }

    private static void addItem(BitSet set, String expression, String name, String item, int min, int max,
                                List<String> names, boolean steps) {
        String range = item;
        int step = 1;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            if (!steps) {
                throw invalid(expression, "the " + name + " field '" + item + "' uses '/', which that field does not allow");
            }
            range = item.substring(0, slash);
            step = number(expression, name, item.substring(slash + 1), 1, max, List.of());
        }
        int from;
        int to;
        if (range.equals("*")) {
            from = min;
            to = max;
        } else if (range.contains("-")) {
            String[] ends = range.split("-", -1);
            if (ends.length != 2) {
                throw invalid(expression, "the " + name + " field has a malformed range '" + item + "'");
            }
            from = number(expression, name, ends[0], min, max, names);
            to = number(expression, name, ends[1], min, max, names);
        } else {
            from = number(expression, name, range, min, max, names);
            to = slash >= 0 ? max : from; // 5/15: from 5 to the end of the field, every 15
        }
        int span = to >= from ? to - from : to + (max - min + 1) - from;
        for (int i = 0; i <= span; i += step) {
            set.set(min + Math.floorMod(from - min + i, max - min + 1));
        }
    }

    static int number(String expression, String name, String text, int min, int max, List<String> names) {
        int named = names.indexOf(text.toUpperCase(java.util.Locale.ROOT));
        if (named >= 0) {
            return min + named;
        }
        if (!text.matches("[0-9]{1,4}")) {
            throw invalid(expression, "the " + name + " field has '" + text + "' where a number "
                    + (names.isEmpty() ? "" : "or name ") + "was expected");
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw invalid(expression, "the " + name + " field's value " + value + " is outside " + min + "-" + max);
        }
        return value;
    }

    static InvalidParameterException invalid(String expression, String why) {
        return new InvalidParameterException("Schedule expression '" + expression + "' is not a valid cron: " + why + ".");
    }
}
