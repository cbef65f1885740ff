package io.lambdoku.aws;

import io.lambdoku.aws.AwsErrors.Subject;
import io.lambdoku.core.lambda.ProvisionedConcurrency;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ProvisionedConcurrencyConfigListItem;
import software.amazon.awssdk.services.lambda.model.ProvisionedConcurrencyConfigNotFoundException;

/** Provisioned concurrency over Put/Get/Delete/ListProvisionedConcurrencyConfigs, on an alias or a version. */
final class AwsProvisioned {

    private final AwsClients clients;
    private final AwsErrors errors;

    AwsProvisioned(AwsClients clients, AwsErrors errors) {
        this.clients = clients;
        this.errors = errors;
    }

    /** Lambda answers IN_PROGRESS at once; READY (or FAILED) comes minutes later, read with {@link #get}. */
    ProvisionedConcurrency put(String function, String qualifier, int requested) {
        return config(function, qualifier, errors.call(Subject.version(function, qualifier), () -> lambda()
                .putProvisionedConcurrencyConfig(r -> r.functionName(function).qualifier(qualifier)
                        .provisionedConcurrentExecutions(requested))));
    }

    /** Lambda tells "no config here" (ProvisionedConcurrencyConfigNotFoundException) from a missing alias or version. */
    Optional<ProvisionedConcurrency> get(String function, String qualifier) {
        return errors.call(Subject.version(function, qualifier), () -> {
            try {
                return Optional.of(config(function, qualifier, lambda().getProvisionedConcurrencyConfig(r -> r
                        .functionName(function).qualifier(qualifier))));
            } catch (ProvisionedConcurrencyConfigNotFoundException none) {
                return Optional.empty();
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
            }
        });
    }

    List<ProvisionedConcurrency> list(String function) {
        return errors.call(Subject.function(function), () -> lambda().listProvisionedConcurrencyConfigsPaginator(r -> r
                        .functionName(function).maxItems(50)).provisionedConcurrencyConfigs().stream()
                .map(c -> config(function, AwsFunctionUrls.qualifierOf(c.functionArn()).orElse(""), c)).toList());
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
