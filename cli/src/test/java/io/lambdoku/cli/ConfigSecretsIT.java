package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets are never shown by accident (issue 11), through the packaged launcher. */
@SuppressWarnings("unchecked")
class ConfigSecretsIT {

    @TempDir
    Path scratch;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(scratch);
        cli.run("create", "acc").succeeded();
    }

    @Test
    void releasesInfoShowsFingerprintsOfValuesAndRevealShowsTheValues() throws Exception {
        cli.run("config:set", "-a", "acc", "TOKEN=s3cr3t-one", "MODE=fast").succeeded();
        cli.run("config:set", "-a", "acc", "TOKEN=s3cr3t-two").succeeded();

        String v2 = cli.run("releases:info", "-a", "acc", "v2").succeeded().out();
        String v3 = cli.run("releases:info", "-a", "acc").succeeded().out();

        assertThat(v2 + v3).doesNotContain("s3cr3t").contains("--reveal shows them");
        String added = find(v2, "\\+ TOKEN: ([0-9a-f]{8})\\n");
        Matcher changed = Pattern.compile("~ TOKEN: ([0-9a-f]{8}) -> ([0-9a-f]{8})\\n").matcher(v3);
        assertThat(changed.find()).as(v3).isTrue();
        assertThat(changed.group(1)).isEqualTo(added).isNotEqualTo(changed.group(2));
        cli.run("releases:info", "-a", "acc", "--reveal").succeeded().outContains("~ TOKEN: s3cr3t-one -> s3cr3t-two");

        String json = cli.run("releases:info", "-a", "acc", "--json").succeeded().out();
        assertThat(json).doesNotContain("s3cr3t");
        Map<String, Object> info = JSON.std.mapFrom(json);
        assertThat(info).containsEntry("values", "fingerprints");
        assertThat((Map<String, Object>) info.get("environment")).containsEntry("TOKEN", changed.group(2));
        Map<String, Object> revealed = JSON.std.mapFrom(cli.run("releases:info", "-a", "acc", "--json", "--reveal").out());
        assertThat((Map<String, Object>) revealed.get("environment")).containsEntry("TOKEN", "s3cr3t-two");

        Path key = cli.home().resolve("local/fingerprint.key");
        assertThat(Files.size(key)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    @Test
    void aTypoInAnAssignmentNamesItsPositionAndNeverEchoesTheValue() throws Exception {
        Files.writeString(cli.cwd().resolve(".env"), "A1=ok\nTOKEN s3cr3t\n");
        Files.writeString(cli.cwd().resolve("names.env"), "DB:s3cr3t=1\n");

        assertThat(cli.run("config:set", "-a", "acc", "A1=ok", "K:s3cr3t").failedWith(1, "argument 2").err())
                .doesNotContain("s3cr3t");
        assertThat(cli.run("config:set", "-a", "acc", "DB_URL:postgres://u:s3cr3t@h/db?ssl=1").failedWith(1, "argument 1")
                .err()).doesNotContain("s3cr3t").doesNotContain("DB_URL");
        assertThat(cli.run("config:set", "-a", "acc", "-s3cr3t").failedWith(1, "argument 1").err()).doesNotContain("s3cr3t");
        assertThat(cli.run("config:set", "-a", "acc", "--file", ".env").failedWith(1, ".env line 2").err())
                .doesNotContain("s3cr3t");
        assertThat(cli.run("config:set", "-a", "acc", "--file", "names.env").failedWith(1, "names.env line 1").err())
                .doesNotContain("s3cr3t");
        assertThat(cli.run("config:unset", "-a", "acc", "TOKEN=s3cr3t").failedWith(1, "Argument 1").err())
                .doesNotContain("s3cr3t");
        assertThat(cli.run("config:get", "-a", "acc", "TOKEN=s3cr3t").failedWith(1, "Argument 1").err())
                .doesNotContain("s3cr3t");

        assertThat(cli.run("releases", "-a", "acc").succeeded().out().lines()).hasSize(1);
    }

    @Test
    void keyDashReadsTheValueFromStandardInput() throws Exception {
        cli.runWithInput("s3cr3t from a pipe=with an equals sign\n", "config:set", "-a", "acc", "TOKEN=-", "MODE=x")
                .succeeded().outContains("Set TOKEN, MODE");

        assertThat(cli.run("config:get", "-a", "acc", "TOKEN").succeeded().out())
                .isEqualTo("s3cr3t from a pipe=with an equals sign\n");
        cli.runWithInput("", "config:set", "-a", "acc", "OTHER=-").failedWith(2, "standard input, which was empty");
        cli.run("config:set", "-a", "acc", "A1=-", "B1=-").failedWith(1, "argument 2 (B1=-) would read standard input a second time");
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }
}
