package io.lambdoku.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The character-by-character checks say what the regular expressions they replace on the everyday path say. */
class PlainNamesTest {

    /** Each class's edges and their neighbours in ASCII ('/' and ':' around digits, '@' '[' '`' '{' around letters). */
    private static final String ALPHABET = "aAzZ09_-.:$ é/@[`{";

    /** Every string of 1 to 3 characters of ALPHABET, and names around the 64-character limit. */
    private static List<String> corpus() {
        List<String> all = new ArrayList<>(List.of("", "a".repeat(63), "a".repeat(64), "a".repeat(65), "A1_-".repeat(16)));
        List<String> previous = List.of("");
        for (int length = 1; length <= 3; length++) {
            List<String> next = new ArrayList<>();
            for (String p : previous) {
                for (char c : ALPHABET.toCharArray()) {
                    next.add(p + c);
                }
            }
            all.addAll(next);
            previous = next;
        }
        return all;
    }

    @Test
    void functionAndEnvNamesMatchLambdasPatterns() {
        List<String> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThan(6000);
        for (String s : corpus) {
            assertThat(PlainNames.matches(s, 1, 64, "_-")).as(s).isEqualTo(s.matches("[a-zA-Z0-9_-]{1,64}"));
            assertThat(LambdaLimits.isEnvNameShaped(s)).as(s).isEqualTo(s.matches("[a-zA-Z][a-zA-Z0-9_]+"));
        }
    }

    @Test
    void aPlainNameParsesAsTheFunctionNamePatternReadsIt() {
        Pattern name = Pattern.compile(FunctionRef.NAME_PATTERN);
        for (String s : corpus()) {
            if (!PlainNames.matches(s, 1, 64, "_-")) {
                continue;
            }
            Matcher m = name.matcher(s);
            assertThat(m.matches()).as(s).isTrue();
            FunctionRef fromPattern = new FunctionRef(m.group(7), Optional.ofNullable(m.group(9)),
                    Optional.ofNullable(m.group(3)), Optional.ofNullable(m.group(5)), s);
            assertThat(FunctionRef.parse(s)).as(s).isEqualTo(fromPattern);
        }
    }
}
