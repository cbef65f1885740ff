import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * The floor of any local command: open lambdoku's store with the pinned sqlite-jdbc (its native library already
 * extracted, as the launcher arranges) and run one query, nothing else. bench/cli-latency.sh runs it with the
 * launcher's JVM flags and class-data archive. Arguments: the store file, the extracted library's folder.
 */
public final class SqliteFloor {

    public static void main(String[] args) throws Exception {
        System.setProperty("org.sqlite.lib.path", args[1]);
        System.setProperty("org.sqlite.lib.name", "libsqlitejdbc.so");
        System.setProperty("org.sqlite.tmpdir", args[1]);
        try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + args[0]);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM versions")) {
            rs.next();
            System.out.println(rs.getInt(1));
        }
    }
}
