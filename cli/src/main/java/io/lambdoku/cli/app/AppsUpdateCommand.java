package io.lambdoku.cli.app;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.UsageException;
import io.lambdoku.cli.release.OutcomeView;
import io.lambdoku.core.app.Apps;
import io.lambdoku.core.app.Concurrency;
import io.lambdoku.core.app.SettingsChange;
import io.lambdoku.core.release.ReleaseOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "apps:update", description = {"Change memory, timeout, handler or runtime in one release.",
        "--reserved-concurrency is no release: Lambda keeps it beside the function, outside its versions."})
public final class AppsUpdateCommand extends AppCommand {

    @Option(names = "--memory", paramLabel = "MB")
    Integer memory;

    @Option(names = "--timeout", paramLabel = "S")
    Integer timeout;

    @Option(names = "--handler")
    String handler;

    @Option(names = "--runtime")
    String runtime;

    @Option(names = "--reserved-concurrency", paramLabel = "N|none",
            description = "At most N environments at once, kept for this function; 0 throttles every invoke; none removes it.")
    String reservedConcurrency;

    private Optional<Optional<Integer>> reserved = Optional.empty();

    public AppsUpdateCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Optional<String> writes() {
        return Optional.of("apps:update");
    }

    @Override
    protected void beforeRuns(Session session) {
        if (reservedConcurrency != null) {
            reserved = Optional.of(reserved(reservedConcurrency));
        } else if (settings().isEmpty()) {
            throw new UsageException("Nothing to update: give --memory, --timeout, --handler, --runtime or --reserved-concurrency.");
        }
    }

    /** With --json, one object: the release's fields (when settings changed) and the reserved concurrency. */
    @Override
    protected int runFor(Session session, String function) {
        // the reservation first: AWS refuses one that leaves the account under 100 unreserved, and a refusal
        // must not follow a release already made; a release that then fails puts the old reservation back
        Concurrency concurrency = new Concurrency(session.api());
        Optional<Concurrency.ReservedChange> change = reserved.map(r -> concurrency.reserve(function, r));
        Optional<ReleaseOutcome> released;
        try {
            released = settings().isEmpty() ? Optional.empty()
                    : Optional.of(new Apps(session.api(), session.events()).update(function, settings()));
        } catch (RuntimeException e) {
            change.filter(Concurrency.ReservedChange::changed).ifPresent(c -> concurrency.reserve(function, c.before()));
            throw e;
        }
        if (session.output().json()) {
            Map<String, Object> json = released.map(OutcomeView::toJson).orElseGet(LinkedHashMap::new);
            json.putIfAbsent("function", function);
            change.ifPresent(c -> {
                json.put("reservedConcurrency", c.after().orElse(null));
                json.put("reservedConcurrencyChanged", c.changed());
            });
            session.output().json(json);
            return ExitCodes.OK;
        }
        released.ifPresent(r -> OutcomeView.print(session.output(), r));
        change.ifPresent(c -> session.output().line(describe(c)));
        return ExitCodes.OK;
    }

    private SettingsChange settings() {
        return new SettingsChange(Optional.ofNullable(memory), Optional.ofNullable(timeout), Optional.ofNullable(handler),
                Optional.ofNullable(runtime));
    }

    private static Optional<Integer> reserved(String text) {
        if (text.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        if (!text.matches("[0-9]{1,7}")) {
            throw new UsageException("--reserved-concurrency takes a whole number (0 throttles every invoke) or none, not '"
                    + text + "'.");
        }
        return Optional.of(Integer.parseInt(text));
    }

    static String describe(Concurrency.ReservedChange c) {
        if (!c.changed()) {
            return "No change: " + c.function() + " " + c.after().map(n -> "already has reserved concurrency " + n)
                    .orElse("has no reserved concurrency") + ".";
        }
        return c.after().map(n -> "Set reserved concurrency of " + c.function() + " to " + n
                        + (n == 0 ? ": every invoke is throttled." : "."))
                .orElse("Removed the reserved concurrency of " + c.function() + ": it draws on the account's unreserved"
                        + " concurrency again.");
    }
}
