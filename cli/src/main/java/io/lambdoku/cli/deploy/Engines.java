package io.lambdoku.cli.deploy;

import io.lambdoku.cli.Session;
import io.lambdoku.cli.app.CreateCommand;
import io.lambdoku.core.plan.Engine;
import java.util.Optional;

/** The deploy engine as a session wires it: its backend, the function locks, what manages roles, schedules and alarms. */
final class Engines {

    private Engines() {
    }

    static Engine of(Session session) {
        boolean aws = "aws".equals(session.backendName());
        Engine.Options options = new Engine.Options(aws ? Optional.empty() : Optional.of(CreateCommand.LOCAL_ROLE),
                aws && session.awsOptions().artifactBucket().isPresent());
        // infra is asked only about the kinds a manifest declares or a function's tag records (see the engine's
        // planner), so a deploy of a function with none makes no call to IAM, EventBridge or CloudWatch
        return new Engine(session.api(), session.infra(), session.guard(), session.events(), options, session.s3Packages());
    }
}
