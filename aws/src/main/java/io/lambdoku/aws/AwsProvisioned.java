package io.lambdoku.aws;

import io.lambdoku.aws.AwsErrors.Subject;
import io.lambdoku.core.lambda.BackendException;
import io.lambdoku.core.lambda.ProvisionedConcurrency;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ProvisionedConcurrencyConfigListItem;
import software.amazon.awssdk.services.lambda.model.ProvisionedConcurrencyConfigNotFoundException;

/**
 * Provisioned concurrency over Put/Get/Delete/ListProvisionedConcurrencyConfigs, on an alias or a version. An
 * endpoint without the feature (moto 5.2.1 routes none of these calls) has no config anywhere: reads answer none
 * and a delete has nothing to remove, so an app scaled to 0 stops there too; a put says what is missing.
 */
final class AwsProvisioned {

    private final AwsClients clients;
    private final AwsErrors errors;

    AwsProvisioned(AwsClients clients, AwsErrors errors) {
        this.clients = clients;
        this.errors = errors;
    }

    /** Lambda answers IN_PROGRESS at once; READY (or FAILED) comes minutes later, read with {@link #get}. */
    ProvisionedConcurrency put(String function, String qualifier, int requested) {
        try {
            return config(function, qualifier, errors.call(Subject.version(function, qualifier), () -> lambda()
                    .putProvisionedConcurrencyConfig(r -> r.functionName(function).qualifier(qualifier)
                            .provisionedConcurrentExecutions(requested))));
        } catch (BackendException e) {
            if (e.getCause() instanceof AwsServiceException a && AwsErrors.unimplemented(a)) {
                throw new BackendException(endpoint() + " does not implement provisioned concurrency"
                        + " (PutProvisionedConcurrencyConfig answered HTTP " + a.statusCode() + " with no error code), so "
                        + function + ":" + qualifier + " cannot have " + requested + " provisioned; AWS Lambda itself can.", e);
            }
            throw e;
        }
    }

    /** Lambda tells "no config here" (ProvisionedConcurrencyConfigNotFoundException) from a missing alias or version. */
    Optional<ProvisionedConcurrency> get(String function, String qualifier) {
        return errors.call(Subject.version(function, qualifier), () -> {
            try {
                return Optional.of(config(function, qualifier, lambda().getProvisionedConcurrencyConfig(r -> r
                        .functionName(function).qualifier(qualifier))));
            } catch (ProvisionedConcurrencyConfigNotFoundException none) {
                return Optional.empty();
            } catch (AwsServiceException e) {
                if (AwsErrors.unimplemented(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /** Removing a config that is not there changes nothing, so it is no error: Scale 0 may remove it twice. */
    void delete(String function, String qualifier) {
        errors.run(Subject.version(function, qualifier), () -> {
            try {
                lambda().deleteProvisionedConcurrencyConfig(r -> r.functionName(function).qualifier(qualifier));
            } catch (ProvisionedConcurrencyConfigNotFoundException none) {
                // nothing provisioned there
            } catch (AwsServiceException e) {
                if (!AwsErrors.unimplemented(e)) {
                    throw e;
                }
            }
        });
    }

    List<ProvisionedConcurrency> list(String function) {
        return errors.call(Subject.function(function), () -> {
            try {
                return lambda().listProvisionedConcurrencyConfigsPaginator(r -> r.functionName(function).maxItems(50))
                        .provisionedConcurrencyConfigs().stream()
                        .map(c -> config(function, AwsFunctionUrls.qualifierOf(c.functionArn()).orElse(""), c)).toList();
            } catch (AwsServiceException e) {
                if (AwsErrors.unimplemented(e)) {
                    // the function must exist all the same, as Lambda's own answer would say
                    lambda().getFunctionConfiguration(r -> r.functionName(function));
                    return List.of();
                }
                throw e;
            }
        });
    }

    private String endpoint() {
        return clients.options().endpointFor(AwsOptions.Service.LAMBDA).map(Object::toString).orElse("AWS Lambda");
    }

    /** Put, Get and List each answer with their own class carrying the same members. */
    private static ProvisionedConcurrency config(String function, String qualifier, SdkPojo answer) {
        ProvisionedConcurrencyConfigListItem c = Shapes.copy(answer, ProvisionedConcurrencyConfigListItem.builder()).build();
        return new ProvisionedConcurrency(function, qualifier, orZero(c.requestedProvisionedConcurrentExecutions()),
                orZero(c.allocatedProvisionedConcurrentExecutions()), orZero(c.availableProvisionedConcurrentExecutions()),
                status(c.statusAsString()), Optional.ofNullable(c.statusReason()).filter(s -> !s.isBlank()),
                c.lastModified() == null ? "" : c.lastModified());
    }

    /** A status this build does not know yet reads as IN_PROGRESS: not READY, and not a failure either. */
    private static ProvisionedConcurrency.Status status(String status) {
        for (ProvisionedConcurrency.Status s : ProvisionedConcurrency.Status.values()) {
            if (s.name().equals(status)) {
                return s;
            }
        }
        return ProvisionedConcurrency.Status.IN_PROGRESS;
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    private LambdaClient lambda() {
        return clients.lambda();
    }
}
