package io.lambdoku.cli.deploy;

import io.lambdoku.core.code.PackageBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** --var and --var-file: values for #{Name} tokens in the manifest's 'substitute' files. */
public final class VarOptions {

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "Value for #{NAME} tokens in 'substitute' files; repeatable.")
    List<String> vars = new ArrayList<>();

    @Option(names = "--var-file", paramLabel = "FILE", description = "NAME=VALUE lines for #{NAME} tokens; repeatable.")
    List<Path> varFiles = new ArrayList<>();

    /** --var-file values, then --var values over them; files are relative to {@code cwd}. */
    Map<String, String> values(Path cwd) {
        return PackageBuilder.vars(vars, varFiles.stream().map(cwd::resolve).toList());
    }
}
