package io.lambdoku.local.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The filter pattern syntax of CloudWatch Logs for unstructured events, as lambdoku matches it. */
class FilterPatternTest {

    @Test
    void aBlankPatternMatchesEverything() {
        assertThat(FilterPattern.parse("").matches("anything")).isTrue();
        assertThat(FilterPattern.parse("   ").matches("")).isTrue();
    }

    @Test
    void everyTermMustAppearCaseSensitively() {
        FilterPattern p = FilterPattern.parse("ERROR Exception");
        assertThat(p.matches("[ERROR] IllegalStateException: boom")).isTrue();
        assertThat(p.matches("[ERROR] boom")).isFalse();
        assertThat(p.matches("[error] IllegalStateException")).isFalse();
    }

    @Test
    void aQuotedPhraseMatchesAsAWhole() {
        FilterPattern p = FilterPattern.parse("\"Task timed out\"");
        assertThat(p.matches("2026-01-01 Task timed out after 3.00 seconds")).isTrue();
        assertThat(p.matches("Task out timed")).isFalse();
        assertThat(FilterPattern.parse("\"say \\\"hi\\\"\"").matches("they say \"hi\" here")).isTrue();
    }

    @Test
    void questionMarkedTermsMatchAnyOfThem() {
        FilterPattern p = FilterPattern.parse("?ERROR ?WARN");
        assertThat(p.matches("WARN low disk")).isTrue();
        assertThat(p.matches("ERROR disk full")).isTrue();
        assertThat(p.matches("INFO fine")).isFalse();
    }

    @Test
    void aDashExcludesATermOrPhrase() {
        FilterPattern p = FilterPattern.parse("ERROR -Exiting -\"shutting down\"");
        assertThat(p.matches("ERROR disk full")).isTrue();
        assertThat(p.matches("ERROR Exiting now")).isFalse();
        assertThat(p.matches("ERROR shutting down")).isFalse();
        assertThat(FilterPattern.parse("-DEBUG").matches("INFO x")).isTrue();
    }

    @Test
    void percentSignsEncloseARegularExpression() {
        FilterPattern p = FilterPattern.parse("%status=5[0-9]{2}%");
        assertThat(p.matches("GET / status=503")).isTrue();
        assertThat(p.matches("GET / status=404")).isFalse();
    }

    @Test
    void patternsThisEmulatorCannotMatchAreRefusedNotIgnored() {
        assertThatThrownBy(() -> FilterPattern.parse("{ $.level = \"error\" }")).isInstanceOf(LogsError.class)
                .hasMessageContaining("JSON and space-delimited filter patterns");
        assertThatThrownBy(() -> FilterPattern.parse("[ip, user]")).isInstanceOf(LogsError.class);
        assertThatThrownBy(() -> FilterPattern.parse("\"open")).isInstanceOf(LogsError.class)
                .hasMessageContaining("not closed");
        assertThatThrownBy(() -> FilterPattern.parse("%[%")).isInstanceOf(LogsError.class)
                .hasMessageContaining("regular expression");
    }
}
