package io.lambdoku.core.invoke;

/** One line of a function's log (what it printed, or Lambda's START/END/REPORT) with its time and stream. */
public record LogEvent(long at, String stream, String message) {
}
