package io.lambdoku.cli.rollout;

import io.lambdoku.cli.UsageException;
import io.lambdoku.core.rollout.Rollout;
import io.lambdoku.core.rollout.RolloutException;
import io.lambdoku.core.rollout.Rollouts;
import java.util.List;
import java.util.Optional;

/** Which alias a rollout command means: --alias, else the app's only alias that ever had a rollout. */
final class AliasChoice {

    /** Enough history to see every alias of an app that rolls out now and then. */
    private static final int HISTORY = 200;

    private AliasChoice() {
    }

    static String of(Rollouts rollouts, String function, Optional<String> given) {
        if (given.isPresent()) {
            return given.get();
        }
        List<String> aliases = rollouts.history(function, HISTORY).stream().map(Rollout::alias).distinct().sorted().toList();
        if (aliases.isEmpty()) {
            throw new RolloutException("No rollout on " + function + " yet; start one with 'lambdoku rollout:start -a " + function
                    + " --alias ALIAS --to VERSION --strategy S'.");
        }
        if (aliases.size() > 1) {
            throw new UsageException(function + " has rollouts on " + String.join(", ", aliases) + "; pick one with --alias.");
        }
        return aliases.get(0);
    }

    /** The alias's newest rollout, or one sentence saying there is none. */
    static Rollout current(Rollouts rollouts, String function, String alias) {
        return rollouts.status(function, alias).orElseThrow(() -> new RolloutException("No rollout on alias " + alias + " of "
                + function + "; start one with 'lambdoku rollout:start -a " + function + " --alias " + alias
                + " --to VERSION --strategy S'."));
    }
}
