package io.lambdoku.core.formation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Source's subfolder exported at a commit, whatever the checkout holds now. */
class GitSourceTest {

    @TempDir
    Path tmp;

    @Test
    void exportsTheSubfolderAsItWasAtTheCommit() throws Exception {
        GitRepo repo = GitRepo.init(tmp.resolve("repo"));
        repo.write("app/app.py", "v1");
        repo.write("other.txt", "x");
        String first = repo.commit("one");
        repo.write("app/app.py", "v2");
        repo.commit("two");
        repo.write("app/app.py", "uncommitted");

        GitSource source = new GitSource(repo.dir().resolve("app"));
        Path out = Files.createDirectory(tmp.resolve("out"));
        source.export(source.commit(first.substring(0, 7)), out);

        assertThat(Files.readString(out.resolve("app.py"))).isEqualTo("v1");
        assertThat(out.resolve("other.txt")).doesNotExist();
        assertThat(source.commit("HEAD")).isNotEqualTo(first).hasSize(40);
    }

    @Test
    void aRefThatNamesNothingIsOneSentence() throws Exception {
        GitRepo repo = GitRepo.init(tmp.resolve("repo"));
        repo.write("a.txt", "a");
        repo.commit("one");

        assertThatThrownBy(() -> new GitSource(repo.dir()).commit("nope"))
                .hasMessage("No commit 'nope' in the git repository of " + repo.dir() + ".");
        assertThatThrownBy(() -> new GitSource(tmp).commit("HEAD"))
                .hasMessageContaining("is not in a git repository");
    }
}
