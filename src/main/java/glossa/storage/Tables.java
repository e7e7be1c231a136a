package glossa.storage;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What the database says about its own tables, for {@link Backup}: their order, columns, keys and identity columns. */
final class Tables {

    private Tables() {}

    static boolean isIdentity(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getColumns(null, null, name(c, table), name(c, "id"))) {
            while (rs.next()) {
                if ("YES".equals(rs.getString("IS_AUTOINCREMENT"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A stable row order (by id where there is one), so two backups of the same data are the same bytes. */
    static String orderBy(Connection c, String table) throws SQLException {
        Map<String, Integer> cols = columnTypes(c, table);
        if (cols.containsKey("id")) {
            return " ORDER BY id";
        }
        return " ORDER BY " + String.join(", ", cols.keySet());
    }

    static Map<String, Integer> columnTypes(Connection c, String table) throws SQLException {
        Map<String, Integer> types = new LinkedHashMap<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, schema(c), name(c, table), null)) {
            while (rs.next()) {
                String col = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                int type = rs.getInt("DATA_TYPE");
                String typeName = rs.getString("TYPE_NAME");
                types.put(
                        col,
                        typeName != null && typeName.toLowerCase(Locale.ROOT).startsWith("timestamp")
                                ? Types.TIMESTAMP_WITH_TIMEZONE
                                : type);
            }
        }
        return types;
    }

    /** Glossa's tables but {@code leftOut}, each after every table it refers to. */
    static List<String> tablesParentsFirst(Connection c, Set<String> leftOut) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        try (ResultSet rs = meta.getTables(null, schema(c), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String t = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!leftOut.contains(t)) {
                    parents.put(t, new LinkedHashSet<>());
                }
            }
        }
        for (String t : parents.keySet()) {
            try (ResultSet rs = meta.getImportedKeys(null, schema(c), name(c, t))) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(t) && parents.containsKey(parent)) {
                        parents.get(t).add(parent);
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        List<String> names = new ArrayList<>(parents.keySet());
        java.util.Collections.sort(names);
        for (String t : names) {
            visit(t, parents, done, ordered);
        }
        return ordered;
    }

    static void visit(String t, Map<String, Set<String>> parents, Set<String> done, List<String> ordered) {
        if (!done.add(t)) {
            return;
        }
        for (String p : parents.get(t)) {
            visit(p, parents, done, ordered);
        }
        ordered.add(t);
    }

    /** H2 keeps unquoted names in upper case, PostgreSQL in lower case. */
    static String name(Connection c, String lower) throws SQLException {
        return c.getMetaData().storesUpperCaseIdentifiers() ? lower.toUpperCase(Locale.ROOT) : lower;
    }

    static String schema(Connection c) throws SQLException {
        return c.getSchema();
    }
}
