package io.lambdoku.local.server;

import io.lambdoku.core.lambda.Cors;
import io.lambdoku.core.lambda.FunctionRef;
import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.lambda.FunctionUrlSpec;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.UrlAuth;
import io.lambdoku.local.CorsJson;
import io.lambdoku.local.UrlHosts;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The function URL configs under /2021-10-31: Create/Get/Update/DeleteFunctionUrlConfig on {f}/url[?Qualifier=] and
 * ListFunctionUrlConfigs on {f}/urls, in Lambda's shapes. The URLs answered name this server, which serves them.
 */
final class FunctionUrlRoutes {

    private final LambdaApi lambda;
    private final RequestIds ids;
    private final URI endpoint;

    FunctionUrlRoutes(LambdaApi lambda, RequestIds ids, URI endpoint) {
        this.lambda = lambda;
        this.ids = ids;
        this.endpoint = endpoint;
    }

    void create(WireExchange ex, String given) throws IOException {
        FunctionRef ref = ids.qualified(ex, given);
        FunctionUrlSpec spec = new FunctionUrlSpec(auth(ex).orElseThrow(() -> WireError.validation(
                "1 validation error detected: Value null at 'authType' failed to satisfy constraint: Member must not be null")),
                cors(ex));
        invokeMode(ex);
        Map<String, Object> m = shape(awsWording(NO_FUNCTION, () -> lambda.createFunctionUrl(ref.name(), ref.qualifier(), spec)));
        m.remove("LastModifiedTime"); // CreateFunctionUrlConfig's answer has neither, as AWS's recorded one shows,
        if (ex.string("InvokeMode").isEmpty()) {
            m.remove("InvokeMode"); // nor an InvokeMode it was not given
        }
        ex.json(201, m);
    }

    void get(WireExchange ex, String given) throws IOException {
        FunctionRef ref = ids.qualified(ex, given);
        ex.json(200, shape(awsWording(NO_RESOURCE, () -> lambda.getFunctionUrl(ref.name(), ref.qualifier()))));
    }

    /** Members left out keep their value, as on Lambda. */
    void update(WireExchange ex, String given) throws IOException {
        FunctionRef ref = ids.qualified(ex, given);
        FunctionUrl current = awsWording(NO_FUNCTION, () -> lambda.getFunctionUrl(ref.name(), ref.qualifier()));
        invokeMode(ex);
        Optional<Cors> cors = ex.body().containsKey("Cors") ? cors(ex) : current.cors();
        FunctionUrlSpec spec = new FunctionUrlSpec(auth(ex).orElse(current.auth()), cors);
        ex.json(200, shape(awsWording(NO_FUNCTION, () -> lambda.updateFunctionUrl(ref.name(), ref.qualifier(), spec))));
    }

    void delete(WireExchange ex, String given) throws IOException {
        FunctionRef ref = ids.qualified(ex, given);
        awsWording(NO_RESOURCE, () -> {
            lambda.deleteFunctionUrl(ref.name(), ref.qualifier());
            return null;
        });
        ex.empty(204);
    }

    void list(WireExchange ex, String given) throws IOException {
        String name = ids.function(given).name();
        List<Map<String, Object>> all = awsWording(NO_FUNCTION, () -> lambda.listFunctionUrls(name)).stream().map(this::shape).toList();
        ex.json(200, Page.of("FunctionUrlConfigs", all, ex));
    }

    private static final String NO_FUNCTION = "Function does not exist";
    private static final String NO_RESOURCE = "The resource you requested does not exist.";

    /**
     * The URL operations word a missing function or alias not as GetFunction does ("Function not found: ARN") but as
     * AWS's recorded answers show: Create, Update and List say {@link #NO_FUNCTION}, Get and Delete {@link #NO_RESOURCE},
     * which is also every operation's word for a missing URL.
     */
    private static <T> T awsWording(String missingFunction, Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceNotFoundException e) {
            if (e.missing().isPresent()) {
                throw new WireError.Raised(new WireError(404, "ResourceNotFoundException", missingFunction));
            }
            throw e;
        }
    }

    private Map<String, Object> shape(FunctionUrl u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("FunctionUrl", UrlHosts.url(UrlHosts.urlId(u.url()), ids.region(), endpoint));
        m.put("FunctionArn", u.functionArn());
        m.put("AuthType", u.auth().name());
        u.cors().ifPresent(c -> m.put("Cors", CorsJson.toMap(c)));
        m.put("CreationTime", u.creationTime());
        m.put("LastModifiedTime", u.lastModifiedTime());
        m.put("InvokeMode", "BUFFERED");
        return m;
    }

    private static Optional<UrlAuth> auth(WireExchange ex) {
        return ex.string("AuthType").map(a -> switch (a) {
            case "NONE" -> UrlAuth.NONE;
            case "AWS_IAM" -> UrlAuth.AWS_IAM;
            default -> throw WireError.validation("1 validation error detected: Value '" + a + "' at 'authType' failed to"
                    + " satisfy constraint: Member must satisfy enum value set: [AWS_IAM, NONE]");
        });
    }

    private static Optional<Cors> cors(WireExchange ex) {
        return ex.object("Cors").map(CorsJson::fromMap);
    }

    /** Local answers are whole (BUFFERED); RESPONSE_STREAM would need InvokeWithResponseStream, not emulated here. */
    private static void invokeMode(WireExchange ex) {
        ex.string("InvokeMode").filter(m -> !m.equals("BUFFERED")).ifPresent(m -> {
            throw m.equals("RESPONSE_STREAM")
                    ? WireError.invalid("lambdoku local serve answers function URLs whole (InvokeMode BUFFERED); RESPONSE_STREAM"
                            + " is not emulated.")
                    : WireError.validation("1 validation error detected: Value '" + m + "' at 'invokeMode' failed to satisfy"
                            + " constraint: Member must satisfy enum value set: [RESPONSE_STREAM, BUFFERED]");
        });
    }
}
