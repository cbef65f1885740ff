package io.lambdoku.local;

import java.time.Instant;
import java.util.Optional;

/**
 * Names a process as {@code pid:startMillis}, so a record it leaves in the store can be told from one of a later
 * process that got the same pid: the owner is alive only while a process with that pid AND that start time runs.
 */
public final class ProcessOwner {

    private ProcessOwner() {
    }

    /** This process's name. */
    public static String current() {
        return of(ProcessHandle.current());
    }

    private static String of(ProcessHandle p) {
        return p.pid() + ":" + p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    public static boolean alive(String owner) {
        int colon = owner.indexOf(':');
        if (colon < 0) {
            return false;
        }
        try {
            Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(owner.substring(0, colon)));
            return p.filter(ProcessHandle::isAlive).map(ProcessOwner::of).filter(owner::equals).isPresent();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
