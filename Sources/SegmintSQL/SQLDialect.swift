import SegmintCore

/// Something a dialect cannot spell exactly; becomes a diagnostic, never SQL.
struct Unsupported: Error { var message: String }

/// How one dialect spells the IR's leaves. Every requirement has a default (ANSI / PostgreSQL
/// spelling) in the extension below; each dialect file overrides only where its vendor
/// documentation says it differs, with that fact in a comment above the override.
protocol SQLDialect {
    var dialect: Dialect { get }
    /// A quoted identifier with the quote character escaped.
    func identifier(_ name: String) -> String
    /// A string literal that denotes exactly `s`, or Unsupported.
    func string(_ s: String) throws -> String
    func boolean(_ b: Bool) -> String
    func date(_ d: CivilDate) -> String
    /// The start (00:00:00) of day `d` as a timestamp.
    func timestamp(_ d: CivilDate) -> String
    /// `(CURRENT_DATE + days) - months` (clamping the day of month), as a date or as the
    /// timestamp of the start of that day.
    func today(plusDays: Int, minusMonths: Int, asTimestamp: Bool) -> String
    /// Case-insensitive: `needle` (a string literal) occurs in `haystack`, characters matched literally.
    func contains(_ haystack: String, _ needle: String) -> String
    func startsWith(_ haystack: String, _ needle: String) -> String
    /// Event aggregates as correlated scalar subqueries instead of LEFT JOINs of grouped
    /// derived tables (same values: no events gives COUNT 0 and a NULL SUM/AVG/MIN/MAX).
    var correlatedEventAggregates: Bool { get }
    /// The statement(s) that write `select`'s rows into `table` (already quoted): replace its
    /// content or append to it (`Materialize.swift`). `columns` are the quoted output columns.
    func materialize(table: String, select: String, columns: [String], mode: MaterializeMode) -> String
    /// Whether `column op start-of-day` may write the bound as a date literal instead of a
    /// timestamp (same result for that operator on this dialect's timestamp values).
    func startOfDayBoundAsDate(_ op: CompareOp) -> Bool
    /// A timestamp column as compared with `=`, `<>`, `<=`, `>` or `IN` against a start of day.
    func timestampOperand(_ column: String) -> String
}

extension SQLDialect {
    var correlatedEventAggregates: Bool { false }

    /// PostgreSQL (and SQLite): DDL is transactional, so DROP + CREATE TABLE AS inside one
    /// transaction replaces the table atomically; append is INSERT … SELECT into the existing table.
    /// https://www.postgresql.org/docs/current/sql-createtableas.html
    func materialize(table: String, select: String, columns: [String], mode: MaterializeMode) -> String {
        switch mode {
        case .replace: return "BEGIN;\nDROP TABLE IF EXISTS \(table);\nCREATE TABLE \(table) AS\n\(select);\nCOMMIT;\n"
        case .append: return "INSERT INTO \(table) (\(columns.joined(separator: ", ")))\n\(select);\n"
        }
    }

    /// `CREATE OR REPLACE TABLE … AS` (DuckDB, Snowflake, BigQuery, Trino): one atomic statement.
    func createOrReplace(table: String, select: String, columns: [String], mode: MaterializeMode) -> String {
        switch mode {
        case .replace: return "CREATE OR REPLACE TABLE \(table) AS\n\(select);\n"
        case .append: return "INSERT INTO \(table) (\(columns.joined(separator: ", ")))\n\(select);\n"
        }
    }

    /// Timestamp types compare with timestamp literals as they are.
    func startOfDayBoundAsDate(_ op: CompareOp) -> Bool { false }
    func timestampOperand(_ column: String) -> String { column }

    /// Standard SQL: `"name"`, an inner `"` doubled.
    func identifier(_ name: String) -> String {
        "\"" + name.doubling(0x22, as: "\"\"") + "\""
    }

    /// A catalog table name; `schema.table` is split on dots and each part quoted.
    func table(_ name: String) -> String {
        name.split(separator: ".", omittingEmptySubsequences: false).map { identifier(String($0)) }.joined(separator: ".")
    }

    /// Standard SQL: `'text'`, an inner `'` doubled, every other character literal (a backslash
    /// is an ordinary character). NUL cannot be written.
    func string(_ s: String) throws -> String {
        try rejectNUL(s)
        return "'" + s.doubling(0x27, as: "''") + "'"
    }

    func rejectNUL(_ s: String) throws {
        if s.unicodeScalars.contains(where: { $0.value == 0 }) {
            throw Unsupported(message: "\(dialect.rawValue) cannot hold a NUL character in a string literal")
        }
    }

    func boolean(_ b: Bool) -> String { b ? "TRUE" : "FALSE" }
    func date(_ d: CivilDate) -> String { "DATE '\(d)'" }
    func timestamp(_ d: CivilDate) -> String { "TIMESTAMP '\(d) 00:00:00'" }

    /// PostgreSQL: `date + integer` is a date; `date - interval` is a timestamp and clamps the
    /// day of month ("'2026-03-31'::date - interval '1 month'" = 2026-02-28).
    /// https://www.postgresql.org/docs/current/functions-datetime.html
    func today(plusDays: Int, minusMonths: Int, asTimestamp: Bool) -> String {
        var e = "CURRENT_DATE"
        if plusDays > 0 { e += " + \(plusDays)" } else if plusDays < 0 { e += " - \(-plusDays)" }
        if minusMonths > 0 { e += " - INTERVAL '\(minusMonths) months'" }
        if asTimestamp { return "CAST(\(e) AS TIMESTAMP)" }
        return minusMonths > 0 ? "CAST(\(e) AS DATE)" : (plusDays == 0 ? e : "(\(e))")
    }

    func contains(_ haystack: String, _ needle: String) -> String {
        "STRPOS(LOWER(\(haystack)), LOWER(\(needle))) > 0"
    }
    /// The first occurrence is at position 1 exactly when the string starts with the needle.
    func startsWith(_ haystack: String, _ needle: String) -> String {
        "STRPOS(LOWER(\(haystack)), LOWER(\(needle))) = 1"
    }
}

/// A unit of the date-adding functions.
enum DateUnit: String { case day, month }

extension SQLDialect {
    /// `today` for dialects with a date-adding function whose month step clamps the day of month
    /// (each dialect cites its vendor's rule); `add(unit, n, e)` spells one call on `e`.
    func today(from base: String, plusDays: Int, minusMonths: Int, asTimestamp: Bool,
               add: (DateUnit, Int, String) -> String) -> String {
        var e = base
        if plusDays != 0 { e = add(.day, plusDays, e) }
        if minusMonths > 0 { e = add(.month, -minusMonths, e) }
        return asTimestamp ? "CAST(\(e) AS TIMESTAMP)" : e
    }
}

/// A dialect whose string literals interpret backslash sequences (BigQuery, Snowflake, Spark;
/// each cites its vendor's rule where it declares the conformance).
protocol BackslashStringDialect: SQLDialect {}

extension BackslashStringDialect {
    func string(_ s: String) throws -> String {
        try rejectNUL(s)
        return BackslashEscaping.quote(s)
    }
}

/// Escapes for dialects whose string literals interpret backslash sequences (BigQuery,
/// Snowflake, Spark): `\` and `'` are escaped, control characters written as `\uXXXX`, so the
/// literal is one line and every other character stands for itself.
enum BackslashEscaping {
    static func quote(_ s: String) -> String {
        "'" + s.replacingScalars { u in
            switch u {
            case "\\": return "\\\\"
            case "'": return "\\'"
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            default: return u.value < 0x20 || u.value == 0x7F ? "\\u" + u.hex(4) : nil
            }
        } + "'"
    }
}

extension Dialect {
    /// The spelling rules of this dialect.
    var rules: any SQLDialect {
        switch self {
        case .postgres: return PostgresDialect()
        case .sqlite: return SQLiteDialect()
        case .duckdb: return DuckDBDialect()
        case .bigquery: return BigQueryDialect()
        case .snowflake: return SnowflakeDialect()
        case .spark: return SparkDialect()
        case .trino: return TrinoDialect()
        }
    }
}

extension StringProtocol {
    /// Every occurrence of the ASCII byte `c` written as `replacement`. Works on UTF-8 bytes, not
    /// Characters: a quote followed by a combining mark is one Character but still a quote to
    /// the SQL lexer. (The standard library's generic `replacing` is also far slower.)
    func doubling(_ c: UInt8, as replacement: String) -> String {
        guard utf8.contains(c) else { return String(self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 8)
        let r = Array(replacement.utf8)
        for b in utf8 {
            if b == c { bytes += r } else { bytes.append(b) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
