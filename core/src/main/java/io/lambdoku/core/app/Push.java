package io.lambdoku.core.app;

import io.lambdoku.core.deploy.HandlerCheck;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.release.AtomicRelease;
import io.lambdoku.core.release.ReleaseOutcome;
import io.lambdoku.core.release.Update;
import java.util.Optional;

/** New code as one release "Push <sha8>"; the same code again makes no release. */
public final class Push {

    private final AtomicRelease releases;

    public Push(LambdaApi api, Events events) {
        this.releases = new AtomicRelease(api, events);
    }

    /**
     * The handler $LATEST names must be in the new code, as deploy checks it: an empty zip or one
     * without the handler would otherwise make a release that can only fail.
     */
    public ReleaseOutcome push(String function, CodeZip code) {
        String description = "Push " + code.sha256Hex().substring(0, 8);
        return releases.apply(function, latest -> {
            if (latest.codeSha256().equals(code.codeSha256())) {
                return Optional.empty();
            }
            HandlerCheck.check(latest.settings().runtime(), latest.settings().handler(), code);
            return Optional.of(Update.code(code, description));
        },
                "No change: " + function + " already runs this code (" + code.sha256Hex().substring(0, 8) + ").");
    }
}
