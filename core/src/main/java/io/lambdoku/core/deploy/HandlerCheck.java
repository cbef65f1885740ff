package io.lambdoku.core.deploy;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refuses a package whose handler Lambda could not find, before any call: a first invoke failing
 * with Runtime.ImportModuleError is a bad way to learn about a typo.
 */
public final class HandlerCheck {

    private HandlerCheck() {
    }

    /** {@code files}: the package's paths and contents. */
    public static void check(String runtime, String handler, Map<String, byte[]> files) {
        if (runtime.startsWith("python")) {
            int dot = handler.lastIndexOf('.');
            requireShape(dot > 0 && dot < handler.length() - 1, handler, "module.function, e.g. app.handler");
            String module = handler.substring(0, dot).replace('.', '/');
            String function = handler.substring(dot + 1);
            byte[] source = Optional.ofNullable(files.get(module + ".py")).orElse(files.get(module + "/__init__.py"));
            if (source == null) {
                throw missing(handler, module + ".py");
            }
            Pattern def = Pattern.compile("(?m)^(async\\s+)?def\\s+" + Pattern.quote(function) + "\\s*\\(|^" + Pattern.quote(function) + "\\s*=");
            if (!def.matcher(new String(source, StandardCharsets.UTF_8)).find()) {
                throw new InvalidParameterException("Handler " + handler + ": " + module + ".py defines no function "
                        + function + "; fix the handler in lambdoku.json or the code.");
            }
        } else if (runtime.startsWith("nodejs")) {
            int dot = handler.lastIndexOf('.');
            requireShape(dot > 0 && dot < handler.length() - 1, handler, "file.export, e.g. index.handler");
            String module = handler.substring(0, dot);
            if (!files.containsKey(module + ".js") && !files.containsKey(module + ".mjs") && !files.containsKey(module + ".cjs")) {
                throw missing(handler, module + ".js, .mjs or .cjs");
            }
        } else if (runtime.startsWith("java")) {
            String type = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
            requireShape(type.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*"), handler, "com.example.Handler::handleRequest");
            String classFile = type.replace('.', '/') + ".class";
            boolean present = files.containsKey(classFile) || files.keySet().stream()
                    .anyMatch(f -> f.startsWith("lib/") && f.endsWith(".jar"));
            if (!present) {
                throw missing(handler, classFile + " (or a jar under lib/)");
            }
        } else if (runtime.startsWith("provided")) {
            if (!files.containsKey("bootstrap")) {
                throw missing(handler, "an executable named bootstrap");
            }
        }
    }

    private static void requireShape(boolean ok, String handler, String shape) {
        if (!ok) {
            throw new InvalidParameterException("Handler '" + handler + "' is not of the form " + shape + ".");
        }
    }

    private static InvalidParameterException missing(String handler, String file) {
        return new InvalidParameterException("Handler " + handler + " needs " + file
                + " in the package, and it is not there; fix the handler in lambdoku.json or include the file.");
    }
}
