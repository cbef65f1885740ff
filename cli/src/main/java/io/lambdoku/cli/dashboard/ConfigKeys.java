package io.lambdoku.cli.dashboard;

import io.lambdoku.core.secret.Fingerprints;
import io.lambdoku.core.secret.SealedSet;
import java.util.Map;

/**
 * An app's config keys with their values masked: a sealed var shows the fingerprint taken when it was sealed, a
 * plaintext one its fingerprint under the app's key (what 'releases:info' shows). No value reaches the page, not even
 * in an attribute: enough to see that a value changed, never what it is.
 */
final class ConfigKeys {

    private ConfigKeys() {
    }

    /** {@code fingerprints}: the app's ({@code Fingerprints.forApp}). */
    static void render(Html h, String app, Map<String, String> environment, Fingerprints fingerprints) {
        SealedSet sealed = SealedSet.of(environment);
        Map<String, String> vars = SealedSet.userVars(environment);
        if (vars.isEmpty()) {
            h.element("p", "No config vars.", "class", "muted");
            return;
        }
        h.open("table", "class", "config", "id", "config").open("thead").open("tr");
        h.element("th", "Key", "scope", "col").element("th", "Value", "scope", "col");
        h.close().close().open("tbody");
        new java.util.TreeMap<>(vars).forEach((key, value) -> {
            h.open("tr").element("th", key, "scope", "row", "class", "key").open("td");
            if (sealed.contains(key)) {
                h.text("sealed · fingerprint ").element("code", sealed.fingerprint(key).orElse("?"));
            } else {
                h.element("span", "••••••", "aria-label", "hidden value").text(" · fingerprint ").element("code", fingerprints.of(value));
            }
            h.close().close();
        });
        h.close().close();
        h.open("p", "class", "muted").text("Values are hidden. 'lambdoku config -a " + app
                + "' shows them; 'lambdoku config:get --reveal' decrypts a sealed one.").close();
    }
}
