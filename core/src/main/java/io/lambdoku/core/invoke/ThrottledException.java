package io.lambdoku.core.invoke;

import io.lambdoku.core.lambda.LambdaException;

/** Lambda's TooManyRequestsException: every execution environment the function may have is busy. */
public class ThrottledException extends LambdaException {

    public ThrottledException(String message) {
        super(message);
    }
}
