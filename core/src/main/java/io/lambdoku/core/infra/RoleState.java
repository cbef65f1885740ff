package io.lambdoku.core.infra;

/** A role as the backend has it: its ARN and what it grants, in the terms of {@link RoleSpec}. */
public record RoleState(String arn, RoleSpec spec) {
}
