package io.lambdoku.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void textAndAttributeValuesAreEscaped() {
        Html h = new Html();
        h.open("p", "title", "\"><script>alert(1)</script>").text("<script>alert('x') & co</script>").close();

        assertThat(h.render()).isEqualTo("<p title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">"
                + "&lt;script&gt;alert(&#39;x&#39;) &amp; co&lt;/script&gt;</p>");
    }

    @Test
    void namesMustBeNamesAndUrlsNoScripts() {
        assertThatThrownBy(() -> new Html().open("p onclick=x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Html().empty("a", "on click", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Html().open("a", "href", " JavaScript:alert(1)")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNullValueLeavesTheAttributeOut() {
        assertThat(new Html().element("a", "x", "href", "/", "aria-current", null).render()).isEqualTo("<a href=\"/\">x</a>");
    }

    @Test
    void unclosedElementsAreAMistakeCaughtAtRender() {
        assertThatThrownBy(() -> new Html().open("div").render()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pathsEncodeEachSegment() {
        assertThat(Html.path("apps", "a b/c?d")).isEqualTo("/apps/a%20b%2Fc%3Fd");
        assertThat(Html.path()).isEqualTo("/");
    }
}
