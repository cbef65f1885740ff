package io.lambdoku.core.lambda;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user or a client names a function by, parsed once as Lambda parses FunctionName: a name,
 * {@code name:QUALIFIER}, a partial ARN ({@code ACCOUNT:function:NAME[:Q]}) or a full function,
 * version or alias ARN. The qualifier is what the identifier itself says; {@link #withQualifier}
 * merges it with a separate Qualifier parameter as AWS does.
 */
public record FunctionRef(String name, Optional<String> qualifier, Optional<String> region, Optional<String> account,
                          String given) {

    /** The FunctionName pattern of the Lambda API reference (GetFunction, Invoke, DeleteFunction, ...). */
    public static final String NAME_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?"
            + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
    public static final String QUALIFIER_PATTERN = "(|[a-zA-Z0-9$_-]+)";
    private static final int MAX_GIVEN = 170;

    public FunctionRef {
        qualifier = qualifier == null ? Optional.empty() : qualifier;
        region = region == null ? Optional.empty() : region;
        account = account == null ? Optional.empty() : account;
    }

    /** Compiled on first use: a plain name, what most commands are given, needs neither (see parse). */
    private static final class Patterns {
        static final Pattern NAME = Pattern.compile(NAME_PATTERN);
        static final Pattern QUALIFIER = Pattern.compile(QUALIFIER_PATTERN);
    }

    /** Parses as Lambda does; a malformed identifier is a {@link ValidationException}, as on AWS. */
    public static FunctionRef parse(String given) {
        if (given == null || given.isEmpty()) {
            throw ValidationException.pattern("No function named; give a name or an ARN.", "", "functionName", NAME_PATTERN);
        }
        if (given.length() > MAX_GIVEN) {
            throw ValidationException.constraint("'" + given + "' is too long for a function name or ARN (at most "
                    + MAX_GIVEN + " characters).", given, "functionName",
                    "Member must have length less than or equal to " + MAX_GIVEN);
        }
        if (PlainNames.matches(given, 1, 64, "_-")) { // NAME_PATTERN's group 7 alone, and a valid name
            return new FunctionRef(given, Optional.empty(), Optional.empty(), Optional.empty(), given);
        }
        Matcher m = Patterns.NAME.matcher(given);
        boolean fullArn = m.matches() && m.group(1) != null;
        if (!m.matches() || (fullArn && (m.group(3) == null || m.group(5) == null || m.group(6) == null))) {
            throw ValidationException.pattern("'" + given + "' is not a function name or ARN; expected NAME, NAME:QUALIFIER"
                    + " or arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER].", given, "functionName", NAME_PATTERN);
        }
        String name = m.group(7);
        if (name.length() > 64 || name.contains(".")) {
            // the pattern lets dots and long names through; the function itself cannot have them
            throw new InvalidParameterException("Invalid function name '" + name
                    + "': use 1 to 64 letters, digits, hyphens or underscores.");
        }
        Optional<String> region = Optional.ofNullable(m.group(3)).map(r -> r.substring(0, r.length() - 1));
        Optional<String> account = Optional.ofNullable(m.group(5)).map(a -> a.substring(0, a.length() - 1));
        return new FunctionRef(name, Optional.ofNullable(m.group(9)), region, account, given);
    }

    /** The name alone, refusing a qualifier: for operations on the function itself (releases, tags, aliases). */
    public static FunctionRef unqualified(String given, String operation) {
        FunctionRef ref = parse(given);
        ref.requireUnqualified(operation);
        return ref;
    }

    /**
     * Merges a separate Qualifier parameter: AWS refuses one that disagrees with the identifier's own
     * rather than picking one of the two.
     */
    public FunctionRef withQualifier(Optional<String> parameter) {
        if (parameter.isEmpty()) {
            return this;
        }
        String q = parameter.get();
        if (!Patterns.QUALIFIER.matcher(q).matches() || q.length() > 128) {
            throw ValidationException.pattern("Invalid qualifier '" + q + "': use a version number, $LATEST or an alias"
                    + " name.", q, "qualifier", QUALIFIER_PATTERN);
        }
        if (q.isEmpty()) {
            return this;
        }
        if (qualifier.isPresent() && !qualifier.get().equals(q)) {
            throw new InvalidParameterException(
                    "The derived qualifier from the function name does not match the specified qualifier.");
        }
        return new FunctionRef(name, Optional.of(q), region, account, given);
    }

    public void requireUnqualified(String operation) {
        if (qualifier.isPresent()) {
            throw new InvalidParameterException("'" + given + "' names " + qualifier.get() + " of " + name + "; "
                    + operation + " acts on the function itself, so name it without a qualifier.");
        }
    }

    /** $LATEST when no qualifier was given. */
    public String qualifierOrLatest() {
        return qualifier.orElse(FunctionConfig.LATEST);
    }

    /**
     * A backend answers only for its own region and account: an ARN naming another one must not act on
     * a local function that merely shares its name.
     */
    public FunctionRef requireIn(String expectedRegion, String expectedAccount) {
        if (region.isPresent() && !region.get().equals(expectedRegion)) {
            throw new ResourceNotFoundException("Functions from '" + region.get()
                    + "' are not reachable in this region ('" + expectedRegion + "')");
        }
        if (account.isPresent() && !account.get().equals(expectedAccount)) {
            throw new AccessDeniedException("User: arn:aws:iam::" + expectedAccount + ":root is not authorized to perform"
                    + " this action on resource: " + given + " because no resource-based policy allows it");
        }
        return this;
    }

    /** name, or name:qualifier: what a user reads in messages. */
    public String display() {
        return qualifier.map(q -> name + ":" + q).orElse(name);
    }
}
