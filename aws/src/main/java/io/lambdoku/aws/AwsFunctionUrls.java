package io.lambdoku.aws;

import io.lambdoku.aws.AwsErrors.Subject;
import io.lambdoku.core.lambda.Cors;
import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.lambda.FunctionUrlSpec;
import io.lambdoku.core.lambda.ResourceConflictException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.UrlAuth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionUrlConfig;
import software.amazon.awssdk.services.lambda.model.InvokeMode;

/**
 * Function URLs over Create/Get/Update/Delete/ListFunctionUrlConfigs. A NONE URL also gets the policy statements
 * that let the public call it ({@link PublicUrlAccess}); an AWS_IAM one has them removed.
 */
final class AwsFunctionUrls {

    private final AwsClients clients;
    private final AwsErrors errors;
    private final PublicUrlAccess publicAccess;

    AwsFunctionUrls(AwsClients clients, AwsErrors errors) {
        this.clients = clients;
        this.errors = errors;
        this.publicAccess = new PublicUrlAccess(clients, errors);
    }

    /**
     * The public statements go in first: their conditions (FunctionUrlAuthType NONE, InvokedViaFunctionUrl) keep
     * them inert without a NONE URL, whereas a NONE URL made first would answer 403 until they exist.
     */
    FunctionUrl create(String function, Optional<String> qualifier, FunctionUrlSpec spec) {
        try {
            return urlCall(function, qualifier, () -> {
                if (spec.auth() == UrlAuth.NONE) {
                    publicAccess.grant(function, qualifier);
                }
                return url(function, qualifier, lambda().createFunctionUrlConfig(r -> r.functionName(function)
                        .qualifier(qualifier.orElse(null)).authType(spec.auth().name()).cors(cors(spec.cors()))
                        .invokeMode(InvokeMode.BUFFERED)));
            });
        } catch (ResourceConflictException e) {
            throw new ResourceConflictException(function + qualifier.map(q -> ":" + q).orElse("")
                    + " has a function URL already.", e.getMessage());
        }
    }

    FunctionUrl get(String function, Optional<String> qualifier) {
        return urlCall(function, qualifier, () -> url(function, qualifier, lambda().getFunctionUrlConfig(r -> r
                .functionName(function).qualifier(qualifier.orElse(null)))));
    }

    /** Sends the whole spec: an empty Cors block clears CORS, which is what a spec without CORS means. */
    FunctionUrl update(String function, Optional<String> qualifier, FunctionUrlSpec spec) {
        return urlCall(function, qualifier, () -> {
            if (spec.auth() == UrlAuth.NONE) {
                publicAccess.grant(function, qualifier);
            } else {
                // a statement for * would let anyone with any AWS account call an AWS_IAM URL: gone before the
                // URL changes, so a failure in between leaves a URL nobody may call rather than one anybody may
                publicAccess.revoke(function, qualifier);
            }
            return url(function, qualifier, lambda().updateFunctionUrlConfig(r -> r.functionName(function)
                    .qualifier(qualifier.orElse(null)).authType(spec.auth().name()).cors(cors(spec.cors()))
                    .invokeMode(InvokeMode.BUFFERED)));
        });
    }

    void delete(String function, Optional<String> qualifier) {
        urlCall(function, qualifier, () -> lambda().deleteFunctionUrlConfig(r -> r.functionName(function)
                .qualifier(qualifier.orElse(null))));
        publicAccess.revoke(function, qualifier);
    }

    /**
     * All pages of ListFunctionUrlConfigs. Where the endpoint does not implement that call (moto 5.2.1 answers an
     * HTML 404 with no error code) the same list is read with GetFunctionUrlConfig on $LATEST and each alias.
     */
    List<FunctionUrl> list(String function) {
        Optional<List<FunctionUrl>> listed = errors.call(Subject.function(function), () -> {
            try {
                return Optional.of(lambda().listFunctionUrlConfigsPaginator(r -> r.functionName(function).maxItems(50))
                        .functionUrlConfigs().stream().map(c -> url(function, qualifierOf(c.functionArn()), c)).toList());
            } catch (AwsServiceException e) {
                if (AwsErrors.unimplemented(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
        return listed.orElseGet(() -> listByGets(function));
    }

    private List<FunctionUrl> listByGets(String function) {
        List<Optional<String>> targets = new ArrayList<>();
        targets.add(Optional.empty());
        errors.call(Subject.function(function), () -> lambda().listAliasesPaginator(r -> r.functionName(function)).aliases()
                .stream().map(a -> Optional.of(a.name())).toList()).forEach(targets::add);
        Map<String, FunctionUrl> byAddress = new LinkedHashMap<>();
        for (Optional<String> target : targets) {
            try {
                FunctionUrl u = get(function, target);
                // an endpoint that ignores the Qualifier answers $LATEST's URL for every alias: kept once, by its ARN
                byAddress.putIfAbsent(u.url(), new FunctionUrl(function, qualifierOf(u.functionArn()), u.url(),
                        u.functionArn(), u.auth(), u.cors(), u.creationTime(), u.lastModifiedTime()));
            } catch (ResourceNotFoundException none) {
                // this target has no URL
            }
        }
        return List.copyOf(byAddress.values());
    }

    /**
     * A 404 names the function, the alias or only the URL: which one is asked of Lambda (GetFunctionConfiguration,
     * GetAlias), never read from AWS's wording.
     */
    private <T> T urlCall(String function, Optional<String> qualifier, Supplier<T> call) {
        try {
            return errors.call(Subject.function(function), call);
        } catch (ResourceNotFoundException e) {
            errors.call(Subject.function(function), () -> lambda().getFunctionConfiguration(r -> r.functionName(function)));
            qualifier.ifPresent(alias -> errors.call(Subject.alias(function, alias), () -> lambda().getAlias(r -> r
                    .functionName(function).name(alias))));
            throw ResourceNotFoundException.functionUrl(function, qualifier);
        }
    }

    /** Create, Get and Update each answer with their own class carrying FunctionUrlConfig's members. */
    private static FunctionUrl url(String function, Optional<String> qualifier, SdkPojo answer) {
        FunctionUrlConfig c = Shapes.copy(answer, FunctionUrlConfig.builder()).build();
        String address = c.functionUrl().endsWith("/") ? c.functionUrl() : c.functionUrl() + "/"; // moto leaves the '/' off
        String created = c.creationTime() == null ? "" : c.creationTime();
        return new FunctionUrl(function, qualifier, address, c.functionArn(), UrlAuth.valueOf(c.authTypeAsString()),
                cors(c.cors()), created, c.lastModifiedTime() == null ? created : c.lastModifiedTime());
    }

    private static software.amazon.awssdk.services.lambda.model.Cors cors(Optional<Cors> cors) {
        return cors.map(c -> software.amazon.awssdk.services.lambda.model.Cors.builder()
                .allowCredentials(c.allowCredentials()).allowHeaders(c.allowHeaders()).allowMethods(c.allowMethods())
                .allowOrigins(c.allowOrigins()).exposeHeaders(c.exposeHeaders()).maxAge(c.maxAge().orElse(null)).build())
                .orElse(software.amazon.awssdk.services.lambda.model.Cors.builder().build());
    }

    /** Lambda answers an empty Cors block, or none, for a URL without CORS. */
    private static Optional<Cors> cors(software.amazon.awssdk.services.lambda.model.Cors c) {
        if (c == null || (c.allowOrigins().isEmpty() && c.allowMethods().isEmpty() && c.allowHeaders().isEmpty()
                && c.exposeHeaders().isEmpty() && c.maxAge() == null && !Boolean.TRUE.equals(c.allowCredentials()))) {
            return Optional.empty();
        }
        return Optional.of(new Cors(Boolean.TRUE.equals(c.allowCredentials()), c.allowHeaders(), c.allowMethods(),
                c.allowOrigins(), c.exposeHeaders(), Optional.ofNullable(c.maxAge())));
    }

    /** The alias in a URL's FunctionArn ({@code …:function:hello:live}); none for $LATEST's. */
    static Optional<String> qualifierOf(String functionArn) {
        String[] parts = functionArn == null ? new String[0] : functionArn.split(":");
        return parts.length > 7 ? Optional.of(parts[7]) : Optional.empty();
    }

    private LambdaClient lambda() {
        return clients.lambda();
    }
}
