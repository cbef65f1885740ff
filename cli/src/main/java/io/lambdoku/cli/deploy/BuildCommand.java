package io.lambdoku.cli.deploy;

import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.code.PackageBuilder;
import io.lambdoku.core.code.PackageSpec;
import io.lambdoku.core.deploy.Manifest;
import io.lambdoku.core.deploy.ManifestReader;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.InvalidParameterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "build", description = {
    "Package a function folder (with its lambdoku.json) into a reproducible zip: the same files give the",
    "same bytes and CodeSha256 on any machine. Runs the manifest's build command first, if any."})
public final class BuildCommand extends BaseCommand {

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "Function folder (default: here).")
    Path dir;

    @Option(names = {"-o", "--output"}, paramLabel = "ZIP", description = "Where to write the zip (default: NAME.zip here).")
    Path output;

    @Mixin
    VarOptions vars = new VarOptions();

    public BuildCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int run(Session session) {
        Path folder = launch.cwd().resolve(dir == null ? Path.of(".") : dir).normalize();
        Manifest m = ManifestReader.read(folder);
        CodeZip zip = new PackageBuilder(vars.values(launch.cwd()), PackageSpec.epochFrom(launch.env()),
                session.output().err()).build(m);
        Path out = launch.cwd().resolve(output == null ? Path.of(m.name() + ".zip") : output);
        write(out, zip.bytes());
        if (session.output().json()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("function", m.name());
            j.put("zip", out.toString());
            j.put("size", zip.size());
            j.put("codeSha256", zip.codeSha256());
            session.output().json(j);
        } else {
            session.output().line("Built " + out + " for " + m.name() + ": " + zip.size() + " bytes, CodeSha256 " + zip.codeSha256());
        }
        return ExitCodes.OK;
    }

    /** Written beside the target and renamed, so a failed build never leaves half a zip. */
    private static void write(Path out, byte[] bytes) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".lambdoku-build", ".zip");
            Files.write(tmp, bytes);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InvalidParameterException("Cannot write " + out + ": " + e.getMessage() + ".");
        }
    }
}
