/**
 * The web dashboard ('lambdoku dashboard', and at / of 'local serve').
 *
 * <p>Adding a page: write a {@link io.lambdoku.cli.dashboard.Page} that registers its routes
 * ({@code routes.get("/apps/{app}", this::show)}), add it to {@code Pages.all()} (one line), and a nav entry to
 * {@code Layout.NAV} if it is a top-level page. Render with {@link io.lambdoku.cli.dashboard.Html}, which escapes
 * every text and attribute value, inside {@link io.lambdoku.cli.dashboard.Layout#page}. Read the backend through
 * {@code dashboard.fetch().get("Releases", () -> ...)} and render the result with {@code Layout.fetched}, so a
 * slow backend shows "Releases timed out after 3 s." in place instead of holding the page.
 *
 * <p>Actions: a GET page shows the plan (the core engine behind the command's --dry-run) with a Confirm button
 * ({@code Layout.postButton}, which carries the CSRF token); the POST route does it and answers
 * {@code Reply.seeOther(result page)}. POST routes never run without the session's CSRF token (checked by the
 * server before any handler). Never render a config value: keys and sealed fingerprints only.
 *
 * <p>Live parts: {@code routes.live("topic", signatureSupplier)} and a region
 * {@code h.open("section", "id", "x", "data-live", dashboard.liveRegion("topic"))}: the script re-fetches the page
 * and swaps the region in whenever the signature changes (server-sent events).
 */
package io.lambdoku.cli.dashboard;
