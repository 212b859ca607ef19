import SegmintCore

/// Codes of databases, `run`, `demo` and `catalog import` (E10xx); explained in
/// `DiagnosticRegistry` (`Codes+Database.swift`).
public enum DatabaseCode {
    public static let badURL = "E1001"
    public static let connection = "E1002"
    public static let missingTable = "E1003"
    public static let sql = "E1004"
    public static let io = "E1005"
    /// A command option out of its range (`--limit -1`, `--customers` too large, a bad `--as-of`).
    public static let badOption = "E1006"
    /// A database answered an analysis query with columns or values the analysis cannot read.
    public static let unexpectedResult = "E1007"
    /// A problem in a catalog `catalog import` wrote (a warning: the file is a starter to edit).
    public static let importNeedsEditing = "W1008"
}

extension DatabaseError {
    /// The error as a diagnostic (no source position), with a help line where one helps.
    public var diagnostic: Diagnostic {
        switch kind {
        case .badURL:
            return .error(DatabaseCode.badURL, message, at: nil, help: "give a file path, sqlite:PATH, duckdb:PATH or postgres://user@host:port/database")
        case .connection:
            return .error(DatabaseCode.connection, message, at: nil)
        case .missingTable:
            return .error(DatabaseCode.missingTable, message, at: nil, help: "check the catalog's table names, or write the demo tables with `segmint demo --db …`")
        case .sql:
            return .error(DatabaseCode.sql, message, at: nil)
        case .io:
            return .error(DatabaseCode.io, message, at: nil)
        }
    }
}
