import SegmintCore

/// SQLite: dates and timestamps are ISO-8601 text ('YYYY-MM-DD', 'YYYY-MM-DD HH:MM:SS', UTC),
/// booleans are 0/1, date arithmetic through date()/datetime() modifiers.
struct SQLiteDialect: SQLDialect {
    let dialect = Dialect.sqlite

    /// SQLite's planner sizes a materialized derived table from its WHERE clause; a selective
    /// one (e.g. `channel = 'app'` in a window) is guessed tiny, joined without an automatic
    /// index, and scanned once per entity when the LEFT JOIN sits inside CASE or OR (the overlap
    /// query took minutes on 100k customers). A correlated subquery always seeks the event
    /// table's key index instead.
    /// https://www.sqlite.org/optoverview.html#autoindex
    let correlatedEventAggregates = true

    /// "A string constant is formed by enclosing the string in single quotes … C-style escapes
    /// using the backslash character are not supported". A NUL cannot sit inside the SQL text,
    /// so it is spliced in with char(0).
    /// https://www.sqlite.org/lang_expr.html#literal_values_constants_
    func string(_ s: String) throws -> String {
        let parts = s.split(separator: "\u{0}", omittingEmptySubsequences: false)
            .map { "'" + $0.doubling(0x27, as: "''") + "'" }
        return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " || char(0) || ") + ")"
    }

    /// TRUE/FALSE are only aliases for 1/0 (and only since 3.23); columns store 0/1.
    /// https://www.sqlite.org/lang_expr.html#boolean_expressions
    func boolean(_ b: Bool) -> String { b ? "1" : "0" }

    /// No date type: ISO-8601 text compares in time order.
    /// https://www.sqlite.org/lang_datefunc.html
    func date(_ d: CivilDate) -> String { "'\(d)'" }
    func timestamp(_ d: CivilDate) -> String { "'\(d) 00:00:00'" }

    /// Times are text. A start-of-day bound written 'YYYY-MM-DD' instead of 'YYYY-MM-DD 00:00:00'
    /// orders the same against 'YYYY-MM-DD HH:MM:SS' text, and is also right for plain dates
    /// (and 'T'-separated times) in a column the catalog calls a timestamp: `t >= X` and `t < X`
    /// are exactly the window bounds of spec §3.
    /// https://www.sqlite.org/datatype3.html#date_and_time_datatype
    func startOfDayBoundAsDate(_ op: CompareOp) -> Bool { op == .ge || op == .lt }

    /// `=`, `<>`, `<=`, `>` (and IN) against a start of day must tell midnight from later times,
    /// so a 'T'-separated ISO text ('2026-02-28T00:00:00') is read with a space there.
    func timestampOperand(_ column: String) -> String { "replace(\(column), 'T', ' ')" }

    /// The '±N months' modifier does NOT clamp (date('2026-03-31', '-1 month') is 2026-03-03),
    /// so months step from the first of the month and the day is clamped explicitly:
    /// min(day of the base date, days in the target month).
    /// https://www.sqlite.org/lang_datefunc.html#modifiers
    func today(plusDays: Int, minusMonths: Int, asTimestamp: Bool) -> String {
        let fn = asTimestamp ? "datetime" : "date"
        let base = plusDays == 0 ? "CURRENT_DATE" : "CURRENT_DATE, '\(plusDays >= 0 ? "+" : "")\(plusDays) days'"
        guard minusMonths > 0 else { return plusDays == 0 && !asTimestamp ? "CURRENT_DATE" : "\(fn)(\(base))" }
        let first = "\(base), 'start of month', '-\(minusMonths) months'"
        let day = "CAST(strftime('%d', \(base)) AS INTEGER)"
        let monthDays = "CAST(strftime('%d', \(first), '+1 month', '-1 day') AS INTEGER)"
        return "\(fn)(\(first), '+' || (min(\(day), \(monthDays)) - 1) || ' days')"
    }

    /// instr() has no wildcards; lower() folds ASCII letters only.
    /// https://www.sqlite.org/lang_corefunc.html#instr
    func contains(_ haystack: String, _ needle: String) -> String {
        "instr(lower(\(haystack)), lower(\(needle))) > 0"
    }
    func startsWith(_ haystack: String, _ needle: String) -> String {
        "instr(lower(\(haystack)), lower(\(needle))) = 1"
    }
}
