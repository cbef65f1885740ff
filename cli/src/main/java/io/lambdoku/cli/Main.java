package io.lambdoku.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The launcher's entry point: finds the command named in the arguments and runs only that one. */
public final class Main {

    static final String VERSION = "0.1.0";
    /** Global options that take a value, so their value is never mistaken for the command name. */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-a", "--app", "--backend", "--region", "--profile",
            "--endpoint-url", "--artifact-bucket");

    private final Launch launch;

    public Main(Launch launch) {
        this.launch = launch;
    }

    public static void main(String[] args) {
        int code = new Main(Launch.ofProcess()).run(args);
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
        if (at < rest.size() && CommandRegistry.commands().containsKey(name + ":" + rest.get(at))) {
            name = name + ":" + rest.remove(at);
        }
        if ("help".equals(name)) {
            return rest.isEmpty() ? printHelp() : run(new String[] {rest.get(0), "--help"});
        }
        Function<Launch, Object> factory = CommandRegistry.commands().get(name);
        if (factory == null) {
            launch.err().println("Error: '" + name + "' is not a lambdoku command. See 'lambdoku help'.");
            return ExitCodes.USAGE;
        }
        return commandLine(factory.apply(launch), name).execute(rest.toArray(String[]::new));
    }

    private CommandLine commandLine(Object command, String name) {
        CommandLine cl = new CommandLine(command);
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

    /** The full command tree, built only for help. */
    private int printHelp() {
        CommandSpec root = CommandSpec.create().name("lambdoku");
        root.usageMessage().description("Heroku-like releases for AWS Lambda functions: config vars, releases,",
                "rollback, pipelines. Global options (-a/--app, --backend, --json, --debug) go before or after",
                "the command. See 'lambdoku help COMMAND'.");
        CommandLine cl = new CommandLine(root);
        for (Map.Entry<String, Function<Launch, Object>> e : CommandRegistry.commands().entrySet()) {
            cl.addSubcommand(e.getKey(), new CommandLine(e.getValue().apply(launch)));
        }
        cl.setExpandAtFiles(false); // after the subcommands: picocli applies it to those present
        cl.usage(launch.out());
        return ExitCodes.OK;
    }
}
