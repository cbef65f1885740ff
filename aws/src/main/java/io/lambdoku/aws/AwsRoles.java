package io.lambdoku.aws;

import io.lambdoku.aws.AwsErrors.Subject;
import io.lambdoku.core.infra.RoleSpec;
import io.lambdoku.core.infra.RoleState;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.ResourceConflictException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Execution roles lambdoku creates for functions, in IAM: Lambda's trust policy, a tag naming the
 * function (which is also how a role is known to be lambdoku's: roles without it are never changed or
 * deleted), one inline policy ({@link RolePolicy}) and the managed policies asked for.
 */
final class AwsRoles {

    /** The tag that marks a role as lambdoku's and names the function it was made for. */
    static final String FUNCTION_TAG = "lambdoku:function";

    private final AwsClients clients;
    private final AwsErrors errors;
    private final AwsArns arns;

    AwsRoles(AwsClients clients, AwsErrors errors, AwsArns arns) {
        this.clients = clients;
        this.errors = errors;
        this.arns = arns;
    }

    Optional<RoleState> role(String name) {
        Optional<Role> role = find(name);
        if (role.isEmpty()) {
            return Optional.empty();
        }
        String function = function(role.get()).orElse("");
        List<String> managed = attached(name);
        boolean hasPolicy = iam(name, () -> iam().listRolePoliciesPaginator(b -> b.roleName(name)).policyNames()
                .stream().anyMatch(RolePolicy.NAME::equals));
        List<Map<String, Object>> statements = hasPolicy
                ? RolePolicy.userStatements(iam(name, () -> iam().getRolePolicy(b -> b.roleName(name)
                        .policyName(RolePolicy.NAME)).policyDocument()))
                : List.of();
        return Optional.of(new RoleState(role.get().arn(), new RoleSpec(name, function, statements, managed)));
    }

    RoleState putRole(RoleSpec spec) {
        String name = spec.name();
        Optional<Role> existing = find(name);
        if (existing.isEmpty()) {
            create(spec);
        } else {
            requireOurs(existing.get(), spec.function());
            if (!RolePolicy.parse(existing.get().assumeRolePolicyDocument()).equals(RolePolicy.parse(RoleSpec.LAMBDA_TRUST_POLICY))) {
                iam(name, () -> iam().updateAssumeRolePolicy(b -> b.roleName(name).policyDocument(RoleSpec.LAMBDA_TRUST_POLICY)));
            }
        }
        String policy = RolePolicy.document(arns, spec.function(), spec.statements());
        iam(name, () -> iam().putRolePolicy(b -> b.roleName(name).policyName(RolePolicy.NAME).policyDocument(policy)));
        attachExactly(name, spec.managed());
        return role(name).orElseThrow();
    }

    /** Detaches and deletes its policies first, as IAM refuses to delete a role that has any; a missing role is no error. */
    void deleteRole(String name) {
        Optional<Role> role = find(name);
        if (role.isEmpty()) {
            return;
        }
        requireOurs(role.get(), function(role.get()).orElse(""));
        for (String arn : attached(name)) {
            iam(name, () -> iam().detachRolePolicy(b -> b.roleName(name).policyArn(arn)));
        }
        for (String policy : iam(name, () -> iam().listRolePoliciesPaginator(b -> b.roleName(name)).policyNames().stream().toList())) {
            iam(name, () -> iam().deleteRolePolicy(b -> b.roleName(name).policyName(policy)));
        }
        iam(name, () -> iam().deleteRole(b -> b.roleName(name)));
    }

    private void create(RoleSpec spec) {
        iam(spec.name(), () -> iam().createRole(b -> b.roleName(spec.name())
                .assumeRolePolicyDocument(RoleSpec.LAMBDA_TRUST_POLICY)
                .description("Execution role of Lambda function " + spec.function() + ", managed by lambdoku")
                .tags(Tag.builder().key(FUNCTION_TAG).value(spec.function()).build())));
    }

    private void attachExactly(String name, List<String> managed) {
        Set<String> present = new HashSet<>(attached(name));
        for (String arn : managed) {
            if (!present.remove(arn)) {
                iam(name, () -> iam().attachRolePolicy(b -> b.roleName(name).policyArn(arn)));
            }
        }
        for (String arn : present) {
            iam(name, () -> iam().detachRolePolicy(b -> b.roleName(name).policyArn(arn)));
        }
    }

    private List<String> attached(String name) {
        return iam(name, () -> iam().listAttachedRolePoliciesPaginator(b -> b.roleName(name)).attachedPolicies()
                .stream().map(p -> p.policyArn()).sorted().toList());
    }

    private Optional<Role> find(String name) {
        return errors.call(Subject.function(name), () -> {
            try {
                return Optional.of(iam().getRole(b -> b.roleName(name)).role());
            } catch (NoSuchEntityException e) {
                return Optional.<Role>empty();
            }
        });
    }

    /** GetRole returns the role's tags; older stand-ins that do not are asked with ListRoleTags. */
    private Optional<String> function(Role role) {
        List<Tag> tags = role.hasTags() ? role.tags()
                : iam(role.roleName(), () -> iam().listRoleTags(b -> b.roleName(role.roleName())).tags());
        return tags.stream().filter(t -> FUNCTION_TAG.equals(t.key())).map(Tag::value).findFirst();
    }

    /** A role lambdoku made for another function is not taken over either: that function would lose its logs. */
    private void requireOurs(Role role, String function) {
        Optional<String> madeFor = function(role);
        if (madeFor.isEmpty()) {
            throw new ResourceConflictException("The IAM role " + role.roleName() + " exists but lambdoku did not create it "
                    + "(it has no " + FUNCTION_TAG + " tag), so lambdoku will not change it; use it by ARN in \"role\", "
                    + "or give the role lambdoku creates another name.");
        }
        if (!madeFor.get().equals(function)) {
            throw new ResourceConflictException("The IAM role " + role.roleName() + " is the role lambdoku created for function "
                    + madeFor.get() + ", not " + function + "; give " + function + "'s role another name.");
        }
    }

    /**
     * IAM's own refusals of what the user wrote (a malformed statement, an unknown managed policy ARN)
     * become one sentence naming the role; everything else is mapped as for Lambda.
     */
    private <T> T iam(String role, Supplier<T> call) {
        return errors.call(Subject.function(role), () -> {
            try {
                return call.get();
            } catch (MalformedPolicyDocumentException | InvalidInputException | NoSuchEntityException e) {
                String why = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
                throw new InvalidParameterException("IAM refused the role " + role + ": " + why);
            }
        });
    }

    private IamClient iam() {
        return clients.iam();
    }
}
