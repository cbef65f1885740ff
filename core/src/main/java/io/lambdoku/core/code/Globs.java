package io.lambdoku.core.code;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/** Glob patterns over paths relative to a package folder; "**&#47;x" also matches x at the top. */
final class Globs {

    private final List<PathMatcher> matchers = new ArrayList<>();

    Globs(List<String> patterns) {
        for (String p : patterns) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + p));
            if (p.startsWith("**/")) {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + p.substring(3)));
            }
            if (p.endsWith("/**")) {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + p.substring(0, p.length() - 3)));
            }
        }
    }

    boolean isEmpty() {
        return matchers.isEmpty();
    }

    boolean matches(Path relative) {
        for (PathMatcher m : matchers) {
            if (m.matches(relative)) {
                return true;
            }
        }
        return false;
    }
}
