import SegmintCore

extension DatabaseError {
    /// The error as a diagnostic (no source position), with a help line where one helps.
    /// Codes: E0801 bad URL, E0802 cannot connect, E0803 missing table, E0804 SQL error, E0805 I/O.
    public var diagnostic: Diagnostic {
        switch kind {
        case .badURL:
            return .error("E0801", message, at: nil, help: "give a file path, sqlite:PATH or postgres://user@host:port/database")
        case .connection:
            return .error("E0802", message, at: nil)
        case .missingTable:
            return .error("E0803", message, at: nil, help: "check the catalog's table names, or write the demo tables with `segmint demo --db …`")
        case .sql:
            return .error("E0804", message, at: nil)
        case .io:
            return .error("E0805", message, at: nil)
        }
    }
}
