package io.lambdoku.core.pipeline;

import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionRef;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.release.AtomicRelease;
import io.lambdoku.core.release.ReleaseOutcome;
import io.lambdoku.core.release.Update;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Moves the original lambdoku's pipeline into ours: it kept a function's downstreams in the config
 * var {@code DOWNSTREAM_LAMBDAS} (comma-separated names or ARNs), where they polluted the app's env
 * and rolled back with it; we keep them in the {@link Pipeline#TAG} tag. One release unsets the var.
 */
public final class PipelineImport {

    public static final String VARIABLE = "DOWNSTREAM_LAMBDAS";
    public static final String DESCRIPTION = "Import pipeline from " + VARIABLE;

    private final LambdaApi api;
    private final Pipeline pipeline;
    private final AtomicRelease releases;

    public PipelineImport(LambdaApi api, Events events) {
        this.api = api;
        this.pipeline = new Pipeline(api, events);
        this.releases = new AtomicRelease(api, events);
    }

    /** The release that unset the var, and the downstreams the function has now. */
    public record Imported(ReleaseOutcome outcome, List<String> downstreams) {
        public Imported {
            downstreams = List.copyOf(downstreams);
        }
    }

    public Imported run(String function) {
        if (!api.getFunction(function, FunctionConfig.LATEST).settings().environment().containsKey(VARIABLE)) {
            throw new InvalidParameterException(function + " has no " + VARIABLE
                    + " config var, so there is no pipeline to import; see 'lambdoku pipeline'.");
        }
        ReleaseOutcome outcome = releases.apply(function, this::moveToTag,
                "No change: " + VARIABLE + " is no longer set on " + function + ".");
        return new Imported(outcome, pipeline.downstreams(function));
    }

    /**
     * Tag first, env second: a failure in between leaves the var in place and running the import again
     * finishes it, where the other order could lose the list. Lambda's TagResource takes no RevisionId,
     * so the tag is merged into, never overwritten, which also makes the merge safe to repeat when a
     * lost race re-applies this change against a newer $LATEST.
     */
    private Optional<Update> moveToTag(FunctionConfig latest) {
        Map<String, String> env = new TreeMap<>(latest.settings().environment());
        String value = env.remove(VARIABLE);
        if (value == null) {
            return Optional.empty();
        }
        pipeline.merge(latest.name(), downstreamsIn(latest.name(), value));
        return Optional.of(Update.settings(latest.settings().withEnvironment(env), DESCRIPTION));
    }

    /** The names in the var, checked as pipeline:add checks one: valid, existing, not the function itself. */
    private List<String> downstreamsIn(String function, String value) {
        List<String> names = new ArrayList<>();
        for (String entry : value.split(",")) {
            if (!entry.isBlank()) {
                names.add(existing(function, entry.strip()));
            }
        }
        return names;
    }

    private String existing(String function, String entry) {
        String name;
        FunctionRef ref;
        try {
            ref = FunctionRef.parse(entry);
        } catch (InvalidParameterException e) {
            throw new InvalidParameterException(VARIABLE + " of " + function + " lists '" + entry
                    + "', which is not a function name or ARN; fix it with 'lambdoku config:set'.");
        }
        if (ref.qualifier().isPresent()) {
            // promotion publishes on the downstream's $LATEST; dropping the qualifier would promote elsewhere
            throw new InvalidParameterException(VARIABLE + " of " + function + " lists '" + entry + "', a version or"
                    + " alias; a downstream is a whole function, so list it without ':" + ref.qualifier().get() + "'.");
        }
        name = ref.name();
        if (name.equals(function)) {
            throw new InvalidParameterException(VARIABLE + " of " + function
                    + " lists the function itself; a function cannot be its own downstream.");
        }
        try {
            api.getFunction(name, FunctionConfig.LATEST);
        } catch (ResourceNotFoundException e) {
            throw new InvalidParameterException(VARIABLE + " of " + function + " lists " + entry
                    + ", which does not exist; create it or fix the var with 'lambdoku config:set'.");
        }
        return name;
    }
}
