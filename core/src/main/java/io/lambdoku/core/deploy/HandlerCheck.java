package io.lambdoku.core.deploy;

import io.lambdoku.core.code.Zips;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Refuses a package whose handler Lambda could not find, before any call: a first invoke failing
 * with Runtime.ImportModuleError is a bad way to learn about a typo.
 */
public final class HandlerCheck {

    private HandlerCheck() {
    }

    /** A folder's package, before it is zipped. {@code files}: the package's paths and contents. */
    public static void check(String runtime, String handler, Map<String, byte[]> files) {
        check(runtime, handler, files.keySet(), files::get, "fix the handler in lambdoku.json or include the file");
    }

    /**
     * A zip given as it is (push, deploy of a zip), for a function whose settings are already there:
     * only the names are listed, and only a Python handler's module is read.
     */
    public static void check(String runtime, String handler, CodeZip zip) {
        check(runtime, handler, zip, "change the handler with 'lambdoku apps:update --handler' or include the file");
    }

    /** A zip given as it is, {@code fix} saying what to do when the handler is not in it. */
    public static void check(String runtime, String handler, CodeZip zip, String fix) {
        Set<String> names = Zips.entryNames(zip);
        check(runtime, handler, names, name -> names.contains(name) ? Zips.read(zip, name) : null, fix);
    }

    private static void check(String runtime, String handler, Set<String> files, Function<String, byte[]> read,
                              String fix) {
        if (files.isEmpty()) {
            throw new InvalidParameterException("The package is empty, so Lambda would find no handler ("
                    + handler + ") in it; give a folder or zip that holds the function's code.");
        }
        if (runtime.startsWith("python")) {
            int dot = handler.lastIndexOf('.');
            requireShape(dot > 0 && dot < handler.length() - 1, handler, "module.function, e.g. app.handler");
            String module = handler.substring(0, dot).replace('.', '/');
            String function = handler.substring(dot + 1);
            byte[] source = Optional.ofNullable(read.apply(module + ".py")).orElseGet(() -> read.apply(module + "/__init__.py"));
            if (source == null) {
                throw missing(handler, module + ".py", fix);
            }
            Pattern def = Pattern.compile("(?m)^(async\\s+)?def\\s+" + Pattern.quote(function) + "\\s*\\(|^" + Pattern.quote(function) + "\\s*=");
            if (!def.matcher(new String(source, StandardCharsets.UTF_8)).find()) {
                throw new InvalidParameterException("Handler " + handler + ": " + module + ".py defines no function "
                        + function + "; " + fix.replace("include the file", "the code") + ".");
            }
        } else if (runtime.startsWith("nodejs")) {
            int dot = handler.lastIndexOf('.');
            requireShape(dot > 0 && dot < handler.length() - 1, handler, "file.export, e.g. index.handler");
            String module = handler.substring(0, dot);
            if (!files.contains(module + ".js") && !files.contains(module + ".mjs") && !files.contains(module + ".cjs")) {
                throw missing(handler, module + ".js, .mjs or .cjs", fix);
            }
        } else if (runtime.startsWith("java")) {
            String type = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
            requireShape(type.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*"), handler, "com.example.Handler::handleRequest");
            String classFile = type.replace('.', '/') + ".class";
            boolean present = files.contains(classFile) || files.stream()
                    .anyMatch(f -> f.startsWith("lib/") && f.endsWith(".jar"));
            if (!present) {
                throw missing(handler, classFile + " (or a jar under lib/)", fix);
            }
        } else if (runtime.startsWith("provided")) {
            if (!files.contains("bootstrap")) {
                throw missing(handler, "an executable named bootstrap", fix);
            }
        }
    }

    private static void requireShape(boolean ok, String handler, String shape) {
        if (!ok) {
            throw new InvalidParameterException("Handler '" + handler + "' is not of the form " + shape + ".");
        }
    }

    private static InvalidParameterException missing(String handler, String file, String fix) {
        return new InvalidParameterException("Handler " + handler + " needs " + file
                + " in the package, and it is not there; " + fix + ".");
    }
}
