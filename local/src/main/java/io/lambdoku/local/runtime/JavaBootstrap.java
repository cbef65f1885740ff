package io.lambdoku.local.runtime;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The java* runtime client, run in the function's own JVM: loads {@code com.x.Handler::method} from
 * _HANDLER and serves invocations over the Runtime API. Handlers implementing aws-lambda-java-core's
 * RequestHandler or RequestStreamHandler work, as do plain methods taking (event[, context]); that
 * library is found by name, so lambdoku does not depend on it.
 */
public final class JavaBootstrap {

    private static final String API = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime";

    private JavaBootstrap() {
    }

    public static void main(String[] args) throws Exception {
        Object target;
        Method method;
        try {
            String handler = System.getenv("_HANDLER");
            String type = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
            String name = handler.contains("::") ? handler.substring(handler.indexOf("::") + 2) : "handleRequest";
            Class<?> cls = Class.forName(type);
            target = cls.getDeclaredConstructor().newInstance();
            method = find(cls, name);
        } catch (Throwable e) {
            e.printStackTrace();
            post("/init/error", error(e), "Runtime.ClassNotFound");
            System.exit(1);
            return;
        }
        while (true) {
            HttpURLConnection next = (HttpURLConnection) new URL(API + "/invocation/next").openConnection();
            byte[] event = next.getInputStream().readAllBytes();
            String id = next.getHeaderField("Lambda-Runtime-Aws-Request-Id");
            long deadline = Long.parseLong(next.getHeaderField("Lambda-Runtime-Deadline-Ms"));
            String arn = next.getHeaderField("Lambda-Runtime-Invoked-Function-Arn");
            byte[] out;
            String path;
            try {
                out = call(target, method, event, context(id, deadline, arn));
                path = "/invocation/" + id + "/response";
            } catch (Throwable e) {
                Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
                cause.printStackTrace();
                out = error(cause);
                path = "/invocation/" + id + "/error";
            }
            System.out.flush();
            System.err.flush();
            System.out.println(Environment.END_MARK + id);
            System.out.flush();
            post(path, out, null);
        }
    }

    private static Method find(Class<?> cls, String name) throws NoSuchMethodException {
        Method best = null;
        for (Method m : cls.getMethods()) {
            if (m.getName().equals(name) && !m.isBridge() && m.getParameterCount() >= 1 && m.getParameterCount() <= 3) {
                if (best == null || m.getDeclaringClass() != Object.class && !m.isSynthetic()) {
                    best = m;
                }
            }
        }
        if (best == null) {
            throw new NoSuchMethodException(cls.getName() + " has no public method " + name + "(event[, context])");
        }
        return best;
    }

    private static byte[] call(Object target, Method m, byte[] event, Object context) throws Exception {
        Class<?>[] types = m.getParameterTypes();
        if (types.length == 3 && InputStream.class.isAssignableFrom(types[0])) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.invoke(target, new ByteArrayInputStream(event), out, context);
            return out.toByteArray();
        }
        Object input = parse(event, types[0]);
        Object result = types.length == 1 ? m.invoke(target, input) : m.invoke(target, input, context);
        return m.getReturnType() == void.class ? "null".getBytes(StandardCharsets.UTF_8) : JSON.std.asBytes(result);
    }

    private static Object parse(byte[] event, Class<?> type) throws Exception {
        if (event.length == 0) {
            return null;
        }
        if (type == String.class) {
            Object any = JSON.std.anyFrom(event);
            return any instanceof String s ? s : new String(event, StandardCharsets.UTF_8);
        }
        if (type == Object.class || Map.class.isAssignableFrom(type) || List.class.isAssignableFrom(type)) {
            return JSON.std.anyFrom(event);
        }
        return JSON.std.beanFrom(type, event);
    }

    /** A com.amazonaws.services.lambda.runtime.Context when that library is on the class path, else null. */
    private static Object context(String id, long deadline, String arn) {
        Class<?> ctx;
        try {
            ctx = Class.forName("com.amazonaws.services.lambda.runtime.Context");
        } catch (ClassNotFoundException e) {
            return null;
        }
        return Proxy.newProxyInstance(ctx.getClassLoader(), new Class<?>[] {ctx}, (proxy, method, args) -> switch (method.getName()) {
            case "getAwsRequestId" -> id;
            case "getInvokedFunctionArn" -> arn;
            case "getFunctionName" -> System.getenv("AWS_LAMBDA_FUNCTION_NAME");
            case "getFunctionVersion" -> System.getenv("AWS_LAMBDA_FUNCTION_VERSION");
            case "getMemoryLimitInMB" -> Integer.parseInt(System.getenv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
            case "getRemainingTimeInMillis" -> (int) Math.max(0, deadline - System.currentTimeMillis());
            case "getLogGroupName" -> System.getenv("AWS_LAMBDA_LOG_GROUP_NAME");
            case "getLogStreamName" -> System.getenv("AWS_LAMBDA_LOG_STREAM_NAME");
            case "toString" -> "Context(" + id + ")";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> null;
        });
    }

    private static byte[] error(Throwable e) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("errorMessage", String.valueOf(e.getMessage()));
        m.put("errorType", e.getClass().getName());
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        m.put("stackTrace", trace.toString().lines().skip(1).map(String::strip).toList());
        return JSON.std.asBytes(m);
    }

    private static void post(String path, byte[] body, String errorType) throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL(API + path).openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        if (errorType != null) {
            c.setRequestProperty("Lambda-Runtime-Function-Error-Type", errorType);
        }
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        c.getInputStream().readAllBytes();
    }
}
