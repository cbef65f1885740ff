package io.lambdoku.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The launcher's entry point: finds the command named in the arguments and runs only that one. */
public final class Main {

    static final String VERSION = "0.1.0";
    /** Global options that take a value, so their value is never mistaken for the command name. */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-a", "--app", "--backend", "--region", "--profile",
            "--endpoint-url", "--artifact-bucket", "--lock-timeout");

    private final Launch launch;

    public Main(Launch launch) {
        this.launch = launch;
    }

    public static void main(String[] args) {
        if (StaleJar.found()) {
            // halt, not exit: the rebuild replaced the jar this JVM started from, and exiting may load classes
            Runtime.getRuntime().halt(StaleJar.rebuildAndRun(System.getenv(), args));
        }
        Launch launch = Launch.ofProcess();
        int code = new Main(launch).run(args);
        if (code == ExitCodes.NEEDS_SDK) {
            code = SdkClassPath.rerun(launch.env(), args);
        }
        System.out.flush();
        System.exit(code);
    }

    public int run(String[] args) {
        int at = commandIndex(args);
        if (at < 0) {
            return noCommand(args);
        }
        String name = args[at];
        List<String> rest = new ArrayList<>(List.of(args));
        rest.remove(at);
        // "local serve" and "config set" read as "local:serve" and "config:set", Heroku's two spellings.
        if (at < rest.size() && CommandRegistry.NAMES.contains(name + ":" + rest.get(at))) {
            name = name + ":" + rest.remove(at);
        }
        if ("help".equals(name)) {
            // "lambdoku -a x help config": the help of config. No lambda on this path: the first one costs ~5 ms.
            int topic = commandIndex(rest.toArray(new String[0]));
            return topic < 0 ? printHelp() : run(new String[] {rest.get(topic), "--help"});
        }
        Object command = CommandRegistry.create(name, launch);
        if (command == null) {
            launch.err().println("Error: '" + name + "' is not a lambdoku command. See 'lambdoku help'.");
            return ExitCodes.USAGE;
        }
        Warmup.start(rest, launch.env());
        return execute(name, command, rest.toArray(new String[0]));
    }

    /**
     * Binds the arguments with {@link QuickParse} when the command's shape is cached; help, and any command line
     * it does not take, go to picocli with a new command object, so what the user reads is always picocli's own.
     */
    private int execute(String name, Object command, String[] args) {
        if (command instanceof BaseCommand base && !List.of(args).contains("-h") && !List.of(args).contains("--help")) {
            Optional<List<ArgShape>> shapes = SpecCache.load(name);
            boolean bound;
            try {
                bound = shapes.isPresent() && QuickParse.bind(shapes.get(), base, args);
            } catch (ReflectiveOperationException | RuntimeException e) {
                bound = false; // a field renamed since the cache was written cannot happen (per-build dir); picocli binds it
            }
            return bound ? base.call() : annotated(name, CommandRegistry.create(name, launch)).execute(args);
        }
        return annotated(name, command).execute(args);
    }

    private CommandLine annotated(String name, Object command) {
        return commandLine(new CommandLine(command), command, name);
    }

    private CommandLine commandLine(CommandLine cl, Object command, String name) {
        cl.setCommandName("lambdoku " + name);
        // invoke -p @FILE, config:set K=@x... are ours to read: picocli would replace an @FILE argument by
        // the file's words before the command sees it ("Unmatched arguments"), and read any file named so.
        cl.setExpandAtFiles(false);
        if (command instanceof BaseCommand c && c.takesSecrets()) {
            cl.setUnmatchedOptionsArePositionalParams(true);
        }
        cl.setOut(new PrintWriter(launch.out(), true));
        cl.setErr(new PrintWriter(launch.err(), true));
        cl.setParameterExceptionHandler((e, args) -> {
            launch.err().println("Error: " + e.getMessage() + ". See 'lambdoku " + name + " --help'.");
            return ExitCodes.USAGE;
        });
        return cl;
    }

    static int commandIndex(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (OPTIONS_WITH_VALUE.contains(args[i])) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return i;
            }
        }
        return -1;
    }

    private int noCommand(String[] args) {
        if (List.of(args).contains("--version")) {
            launch.out().println("lambdoku " + VERSION);
            return ExitCodes.OK;
        }
        int code = printHelp();
        return args.length == 0 || List.of(args).contains("--help") || List.of(args).contains("-h") ? code : ExitCodes.USAGE;
    }

    private int printHelp() {
        RootHelp.print(launch);
        return ExitCodes.OK;
    }
}
