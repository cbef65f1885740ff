package io.lambdoku.core.code;

import java.util.List;
import java.util.Map;

/**
 * What goes into a package built from a folder: include/exclude globs (relative to the folder;
 * no includes means everything), files whose #{Name} tokens are substituted from {@code vars}, and
 * the timestamp every entry gets (SOURCE_DATE_EPOCH, else 1980-01-02).
 */
public record PackageSpec(List<String> include, List<String> exclude, List<String> substitute,
                          Map<String, String> vars, long epochSeconds) {

    /** Never packaged: lambdoku's own files and version-control or OS litter. */
    public static final List<String> ALWAYS_EXCLUDED = List.of("lambdoku.json", ".lambdoku", ".git/**", "**/.DS_Store",
            "**/__pycache__/**");

    public PackageSpec {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        substitute = List.copyOf(substitute);
        vars = Map.copyOf(vars);
    }

    public static PackageSpec everything() {
        return new PackageSpec(List.of(), List.of(), List.of(), Map.of(), ReproducibleZip.DEFAULT_EPOCH_SECONDS);
    }

    /** SOURCE_DATE_EPOCH as reproducible-builds.org defines it, else the fixed default. */
    public static long epochFrom(Map<String, String> env) {
        String s = env.get("SOURCE_DATE_EPOCH");
        if (s == null || s.isBlank()) {
            return ReproducibleZip.DEFAULT_EPOCH_SECONDS;
        }
        if (!s.trim().matches("[0-9]{1,12}")) {
            throw new io.lambdoku.core.lambda.InvalidParameterException("SOURCE_DATE_EPOCH must be whole seconds since 1970, not '"
                    + s + "'.");
        }
        return Long.parseLong(s.trim());
    }
}
