package io.lambdoku.core.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lambda's validation rules, written once: the local backend enforces them as Lambda does, and
 * core checks them before any call so that bad input changes nothing on any backend.
 * Sources: the Lambda API reference (CreateFunction, PublishVersion, CreateAlias) and
 * "Defined runtime environment variables" in the Lambda developer guide.
 */
public final class LambdaLimits {

    public static final int MAX_DESCRIPTION = 256;
    public static final int MAX_ENVIRONMENT_BYTES = 4096;
    public static final long MAX_ZIP_BYTES = 50L * 1024 * 1024;
    public static final long MAX_UNZIPPED_BYTES = 250L * 1024 * 1024;
    public static final int MIN_MEMORY = 128;
    public static final int MAX_MEMORY = 10240;
    public static final int MAX_TIMEOUT = 900;

    private static final String ALIAS_PATTERN = "(?!^[0-9]+$)([a-zA-Z0-9-_]+)";
    private static final String ROLE_PATTERN = "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+";
    public static final int MAX_TAGS = 50;
    private static final Set<String> RESERVED_ENV = Set.of(
            "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
            "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");
    private static final Set<String> RUNTIMES = Set.of(
            "python3.9", "python3.10", "python3.11", "python3.12", "python3.13", "python3.14",
            "nodejs18.x", "nodejs20.x", "nodejs22.x", "nodejs24.x",
            "java8.al2", "java11", "java17", "java21", "java25",
            "dotnet8", "ruby3.2", "ruby3.3", "ruby3.4", "provided.al2", "provided.al2023");

    private LambdaLimits() {
    }

    /** Compiled on first use: the everyday commands check names only, without java.util.regex (PlainNames). */
    private static final class Patterns {
        static final Pattern ALIAS_NAME = Pattern.compile(ALIAS_PATTERN);
        static final Pattern ROLE = Pattern.compile(ROLE_PATTERN);
    }

    public static void checkFunctionName(String name) {
        if (!PlainNames.matches(name, 1, 64, "_-")) {
            throw new InvalidParameterException("Invalid function name '" + name
                    + "': use 1 to 64 letters, digits, hyphens or underscores.");
        }
    }

    /** Lambda's pattern for environment variable names, [a-zA-Z][a-zA-Z0-9_]+ (reserved names match it too). */
    public static boolean isEnvNameShaped(String key) {
        return PlainNames.matches(key, 2, Integer.MAX_VALUE, "_") && PlainNames.isLetter(key.charAt(0));
    }

    /** Names Lambda sets itself and refuses from users. */
    public static boolean isReservedEnvName(String key) {
        return RESERVED_ENV.contains(key);
    }

    public static void checkEnvName(String key) {
        if (!isEnvNameShaped(key)) {
            throw new InvalidParameterException("Invalid config var name '" + key
                    + "': it must start with a letter and have at least two letters, digits or underscores.");
        }
        if (RESERVED_ENV.contains(key)) {
            throw new InvalidParameterException("Config var name '" + key
                    + "' is reserved by Lambda; choose another name.");
        }
    }

    public static void checkEnvironment(Map<String, String> env) {
        env.keySet().forEach(LambdaLimits::checkEnvName);
        int size = environmentBytes(env);
        if (size > MAX_ENVIRONMENT_BYTES) {
            throw new InvalidParameterException("Config vars would take " + size
                    + " bytes, over Lambda's limit of 4 KB (4096 bytes) for all names and values together.");
        }
    }

    /** Lambda measures the environment as the JSON object it stores: {"KEY":"value",...}. */
    public static int environmentBytes(Map<String, String> env) {
        int size = 2;
        for (Map.Entry<String, String> e : env.entrySet()) {
            size += jsonStringBytes(e.getKey()) + jsonStringBytes(e.getValue()) + 2;
        }
        return env.isEmpty() ? size : size - 1;
    }

    private static int jsonStringBytes(String s) {
        int escapes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                escapes++;
            }
        }
        return s.getBytes(StandardCharsets.UTF_8).length + escapes + 2;
    }

    public static void checkDescription(String description) {
        if (description.length() > MAX_DESCRIPTION) {
            throw ValidationException.constraint("Description is " + description.length()
                    + " characters long; Lambda allows at most " + MAX_DESCRIPTION + ".", description, "description",
                    "Member must have length less than or equal to " + MAX_DESCRIPTION);
        }
    }

    /** The execution role: an IAM role ARN, as CreateFunction's pattern requires. */
    public static void checkRole(String role) {
        if (!Patterns.ROLE.matcher(role).matches()) {
            throw ValidationException.pattern("Role '" + role + "' is not an IAM role ARN; expected"
                    + " arn:aws:iam::ACCOUNT:role/NAME.", role, "role", ROLE_PATTERN);
        }
    }

    /** Lambda takes exactly one architecture per function. */
    public static void checkArchitecture(String architecture) {
        if (!FunctionSettings.X86_64.equals(architecture) && !FunctionSettings.ARM64.equals(architecture)) {
            throw ValidationException.constraint("Unknown architecture '" + architecture + "'; use x86_64 or arm64.",
                    "[" + architecture + "]", "architectures",
                    "Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64]]");
        }
    }

    /** KMSKeyArn's pattern in the Lambda API reference: an ARN (or empty, Lambda's default key). */
    public static final String KMS_KEY_ARN_PATTERN = "(arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*)|()";

    public static void checkKmsKeyArn(String arn) {
        if (!arn.matches(KMS_KEY_ARN_PATTERN)) {
            throw ValidationException.pattern("KMS key '" + arn + "' is not a key ARN; Lambda takes"
                    + " arn:aws:kms:REGION:ACCOUNT:key/ID, not an alias or key id.", arn, "kMSKeyArn", KMS_KEY_ARN_PATTERN);
        }
    }

    /** Lambda's tag rules: at most 50 per function, keys 1-128 characters not starting with aws:, values ≤ 256. */
    public static void checkTags(Map<String, String> tags, int existing) {
        tags.forEach((k, v) -> {
            if (k.isEmpty() || k.length() > 128 || k.startsWith("aws:") || v.length() > 256) {
                throw new InvalidParameterException("Invalid tag '" + k + "': keys take 1 to 128 characters and may not"
                        + " start with aws:, values at most 256.");
            }
        });
        if (existing + tags.size() > MAX_TAGS) {
            throw new InvalidParameterException("A function can have at most " + MAX_TAGS + " tags; this would make "
                    + (existing + tags.size()) + ".", "Number of tags exceeds resource tag limit.");
        }
    }

    public static void checkSettings(FunctionSettings s) {
        if (!RUNTIMES.contains(s.runtime())) {
            throw new InvalidParameterException("Unknown runtime '" + s.runtime()
                    + "'; use one of Lambda's runtimes, e.g. python3.12, nodejs20.x, java21, provided.al2023.",
                    "Value " + s.runtime() + " at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: "
                    + new java.util.TreeSet<>(RUNTIMES) + " or be a valid ARN");
        }
        if (s.handler().isBlank() || s.handler().length() > 128 || s.handler().matches(".*\\s.*")) {
            throw ValidationException.pattern("Handler '" + s.handler() + "' must be 1 to 128 characters without spaces,"
                    + " e.g. app.handler.", s.handler(), "handler", "[^\\s]+");
        }
        if (s.memorySize() < MIN_MEMORY || s.memorySize() > MAX_MEMORY) {
            throw ValidationException.constraint("Memory " + s.memorySize() + " MB is out of range; Lambda allows "
                    + MIN_MEMORY + " to " + MAX_MEMORY + " MB.", String.valueOf(s.memorySize()), "memorySize",
                    s.memorySize() < MIN_MEMORY ? "Member must have value greater than or equal to " + MIN_MEMORY
                            : "Member must have value less than or equal to " + MAX_MEMORY);
        }
        if (s.timeout() < 1 || s.timeout() > MAX_TIMEOUT) {
            throw ValidationException.constraint("Timeout " + s.timeout() + " s is out of range; Lambda allows 1 to "
                    + MAX_TIMEOUT + " seconds.", String.valueOf(s.timeout()), "timeout",
                    s.timeout() < 1 ? "Member must have value greater than or equal to 1"
                            : "Member must have value less than or equal to " + MAX_TIMEOUT);
        }
        checkRole(s.role());
        checkArchitecture(s.architecture());
        s.kmsKeyArn().ifPresent(LambdaLimits::checkKmsKeyArn);
        checkEnvironment(s.environment());
    }

    public static void checkAlias(AliasSpec alias) {
        checkAliasName(alias.name());
        checkDescription(alias.description());
        if (FunctionConfig.LATEST.equals(alias.functionVersion())) {
            // Lambda lets an alias follow $LATEST, but never split traffic from it
            if (alias.additionalVersion().isPresent()) {
                throw new InvalidParameterException("An alias on $LATEST cannot route traffic to a second version;"
                        + " point it at a published version first.",
                        "$LATEST is not supported for an alias pointing to more than 1 version");
            }
            return;
        }
        checkPublished(alias.functionVersion());
        alias.additionalVersion().ifPresent(extra -> {
            if (!extra.version().matches("[0-9]+")) {
                // the weights' keys are checked against a pattern, before anything else: AWS's ValidationException
                throw ValidationException.pattern("An alias can route traffic to a published version only, not '"
                        + extra.version() + "'.", "{" + extra.version() + "=" + extra.weight() + "}",
                        "routingConfig.additionalVersionWeights", "[0-9]+");
            }
            if (extra.version().equals(alias.functionVersion())) {
                throw new InvalidParameterException("An alias cannot route to version " + extra.version()
                        + " twice; the weighted version must differ from the primary one.");
            }
            if (!(extra.weight() >= 0.0 && extra.weight() <= 1.0)) {
                throw ValidationException.constraint("Weight " + extra.weight() + " for version " + extra.version()
                        + " is out of range; use a fraction from 0.0 to 1.0.", "{" + extra.version() + "=" + extra.weight() + "}",
                        "routingConfig.additionalVersionWeights", "Map value must satisfy constraint: [Member must have value "
                        + (extra.weight() < 0 ? "greater than or equal to 0.0" : "less than or equal to 1.0") + "]");
            }
        });
    }

    public static void checkAliasName(String name) {
        if (name.length() > 128) {
            throw ValidationException.constraint("Alias name '" + name + "' is longer than 128 characters.", name, "name",
                    "Member must have length less than or equal to 128");
        }
        if (!Patterns.ALIAS_NAME.matcher(name).matches()) {
            throw ValidationException.pattern("Invalid alias name '" + name
                    + "': use letters, digits, hyphens or underscores, not only digits.", name, "name", ALIAS_PATTERN);
        }
    }

    private static void checkPublished(String version) {
        if (!version.matches("[0-9]+")) {
            throw new InvalidParameterException("An alias must point at a published version, not '" + version + "'.");
        }
    }
}
