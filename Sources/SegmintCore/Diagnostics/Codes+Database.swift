extension DiagnosticRegistry {
    /// E10xx: databases, `run`, `demo` and `catalog import`.
    static let databaseCodes: [DiagnosticCodeEntry] = [
        .error("E1001", "invalid database URL",
               explanation: "`--db` takes a file path, `sqlite:PATH` or `postgres://user@host:port/database`.",
               example: "segmint run s.seg --catalog catalog.yaml --db mysql://localhost/shop",
               fix: "segmint run s.seg --catalog catalog.yaml --db postgres://me@localhost:5432/shop"),
        .error("E1002", "cannot connect",
               explanation: "The database cannot be opened or the server does not answer (wrong host or port, server down, authentication refused).",
               example: "segmint run s.seg --catalog catalog.yaml --db postgres://me@localhost:5999/shop",
               fix: "segmint run s.seg --catalog catalog.yaml --db postgres://me@localhost:5432/shop"),
        .error("E1003", "missing table",
               explanation: "A table the catalog names does not exist in the database.",
               example: "segmint run s.seg --catalog catalog.yaml --db empty.db",
               fix: "segmint demo --db demo.db && segmint run s.seg --catalog catalog.yaml --db demo.db"),
        .error("E1004", "database rejected a statement",
               explanation: "The database rejected a statement; the message is the database's own. Often a catalog column does not match the table.",
               example: "facets:\n  - {name: age, type: int, column: agee}   # the table has no column agee",
               fix: "facets:\n  - {name: age, type: int, column: age}"),
        .error("E1005", "input/output error",
               explanation: "Reading or writing a file or the database failed (permissions, a full disk, a path in a missing directory).",
               example: "segmint catalog import --db shop.db --entity customers --key id --out /missing/dir/catalog.yaml",
               fix: "segmint catalog import --db shop.db --entity customers --key id --out catalog.yaml"),
        .error("E1006", "invalid option value",
               explanation: "A command option has a value out of its range (`--limit` below 0, `--customers` above the maximum, an `--as-of` that is not a date, an empty `--entity`).",
               example: "segmint demo --db demo.db --as-of 2026-13-01",
               fix: "segmint demo --db demo.db --as-of 2026-03-01"),
    ]
}
