import CSQLite3

/// An embedded SQLite database (a file, or `:memory:`).
///
/// Storage convention Segmint's SQL generator relies on (see notes/db.md): dates are TEXT
/// `YYYY-MM-DD`, timestamps TEXT `YYYY-MM-DD HH:MM:SS` (UTC, no zone), booleans INTEGER 0/1,
/// decimals REAL, ints INTEGER, strings TEXT.
public final class SQLiteDatabase: Database {
    public let dialectName = "sqlite"
    public let path: String
    private var handle: OpaquePointer?

    /// Opens (creating if needed, unless `readOnly`) the database at `path`.
    /// `busyTimeoutMs`: how long to wait for another connection's lock before failing.
    public init(path: String, readOnly: Bool = false, create: Bool = true, busyTimeoutMs: Int32 = 5000) throws {
        self.path = path
        var db: OpaquePointer?
        var flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if create && !readOnly { flags |= SQLITE_OPEN_CREATE }
        flags |= SQLITE_OPEN_FULLMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let opened = db else {
            let detail = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            if let db { sqlite3_close_v2(db) }
            throw DatabaseError(.connection, "cannot open SQLite database \(path): \(detail)")
        }
        handle = opened
        sqlite3_busy_timeout(opened, busyTimeoutMs)
        sqlite3_extended_result_codes(opened, 1)
    }

    deinit { close() }

    public func close() {
        if let h = handle { sqlite3_close_v2(h); handle = nil }
    }

    /// Switches to write-ahead logging (readers do not block the writer); not for `:memory:`.
    public func enableWAL() throws { try execute("PRAGMA journal_mode=WAL") }

    public func query(_ sql: String) throws -> QueryResult { try query(sql, parameters: []) }

    public func execute(_ sql: String) throws {
        let h = try open()
        var err: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(h, sql, nil, nil, &err)
        if rc != SQLITE_OK {
            let msg = err.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(h))
            sqlite3_free(err)
            throw SQLiteDatabase.classify(msg, code: rc)
        }
    }

    public func query(_ sql: String, parameters: [String?]) throws -> QueryResult {
        let stmt = try prepareOne(sql)
        defer { sqlite3_finalize(stmt) }
        try bind(parameters.map { $0.map(SQLValue.text) ?? .null }, to: stmt)
        let n = Int(sqlite3_column_count(stmt))
        var columns: [String] = []
        for i in 0..<n { columns.append(sqlite3_column_name(stmt, Int32(i)).map { String(cString: $0) } ?? "") }
        var rows: [[String?]] = []
        var integers = [Bool](repeating: true, count: n), seen = [Bool](repeating: false, count: n)
        while true {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw error(rc) }
            var row: [String?] = []
            row.reserveCapacity(n)
            for i in 0..<Int32(n) {
                let type = sqlite3_column_type(stmt, i)
                if type != SQLITE_NULL { seen[Int(i)] = true; if type != SQLITE_INTEGER { integers[Int(i)] = false } }
                row.append(SQLiteDatabase.text(stmt, i))
            }
            rows.append(row)
        }
        return QueryResult(columns: columns, rows: rows, integerColumns: zip(integers, seen).map { $0 && $1 })
    }

    public func execute(_ sql: String, parameters: [String?]) throws {
        _ = try query(sql, parameters: parameters)
    }

    public func bulkInserter(table: String, columns: [String]) throws -> BulkInserter {
        guard !columns.isEmpty else { throw DatabaseError(.sql, "bulk insert into \(table) needs at least one column") }
        let cols = columns.map(SQLText.quoteIdentifier).joined(separator: ", ")
        let marks = (1...columns.count).map { "?\($0)" }.joined(separator: ", ")
        let stmt = try prepareOne("INSERT INTO \(SQLText.quoteTableName(table)) (\(cols)) VALUES (\(marks))")
        return SQLiteInserter(db: self, stmt: stmt, width: columns.count)
    }

    public func tableNames() throws -> [String] {
        try query("SELECT name FROM sqlite_master WHERE type IN ('table','view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
            .rows.compactMap { $0.first ?? nil }
    }

    // MARK: - Internals

    private func open() throws -> OpaquePointer {
        guard let h = handle else { throw DatabaseError(.connection, "SQLite database \(path) is closed") }
        return h
    }

    /// Prepares exactly one statement; trailing comments and whitespace are allowed.
    private func prepareOne(_ sql: String) throws -> OpaquePointer {
        let h = try open()
        var utf8 = Array(sql.utf8CString)
        return try utf8.withUnsafeMutableBufferPointer { buf -> OpaquePointer in
            guard let base = buf.baseAddress else { throw DatabaseError(.sql, "empty SQL") }
            var stmt: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let rc = sqlite3_prepare_v2(h, base, -1, &stmt, &tail)
            guard rc == SQLITE_OK else { throw error(rc) }
            guard let prepared = stmt else { throw DatabaseError(.sql, "no SQL statement to run") }
            if let tail, tail.pointee != 0 {
                var rest: OpaquePointer?
                let rc2 = sqlite3_prepare_v2(h, tail, -1, &rest, nil)
                if rest != nil || rc2 != SQLITE_OK {
                    sqlite3_finalize(rest); sqlite3_finalize(prepared)
                    throw DatabaseError(.sql, "expected one SQL statement, found more than one")
                }
            }
            return prepared
        }
    }

    /// Binds `$n` / `?n` placeholders by number (a bare `?` takes the next position).
    /// `positional`: the statement uses `?1…?n` in order (bulk inserts), so no name lookup.
    fileprivate func bind(_ values: [SQLValue], to stmt: OpaquePointer, positional: Bool = false) throws {
        let expected = Int(sqlite3_bind_parameter_count(stmt))
        guard values.count == expected else {
            throw DatabaseError(.sql, "the statement has \(expected) parameter(s) but \(values.count) value(s) were given")
        }
        for (i, v) in values.enumerated() {
            let n = i + 1
            let named = positional ? 0 : sqlite3_bind_parameter_index(stmt, "$\(n)")
            let idx = named > 0 ? named : Int32(n)
            let rc: Int32
            switch v {
            case .null: rc = sqlite3_bind_null(stmt, idx)
            case .int(let x): rc = sqlite3_bind_int64(stmt, idx, x)
            case .real(let x): rc = sqlite3_bind_double(stmt, idx, x)
            case .text(let s):
                // Explicit byte length: NUL bytes inside the text are kept.
                var text = s
                rc = text.withUTF8 { b in
                    b.withMemoryRebound(to: CChar.self) { c -> Int32 in
                        guard let p = c.baseAddress else { return sqlite3_bind_text(stmt, idx, "", 0, segmint_sqlite_transient()) }
                        return sqlite3_bind_text(stmt, idx, p, Int32(c.count), segmint_sqlite_transient())
                    }
                }
            }
            guard rc == SQLITE_OK else { throw error(rc) }
        }
    }

    fileprivate func error(_ rc: Int32) -> DatabaseError {
        let msg = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
        return SQLiteDatabase.classify(msg, code: rc)
    }

    static func classify(_ message: String, code: Int32) -> DatabaseError {
        let prefix = "no such table: "
        if message.hasPrefix(prefix) {
            let table = String(message.dropFirst(prefix.count))
            return DatabaseError(.missingTable, "table \"\(table)\" does not exist in the SQLite database", table: table)
        }
        if code & 0xFF == SQLITE_CANTOPEN || code & 0xFF == SQLITE_NOTADB || code & 0xFF == SQLITE_IOERR {
            return DatabaseError(.io, "SQLite: \(message)")
        }
        return DatabaseError(.sql, "SQLite error: \(message)")
    }

    /// A column as text; keeps NUL bytes by reading the explicit length.
    static func text(_ stmt: OpaquePointer, _ i: Int32) -> String? {
        if sqlite3_column_type(stmt, i) == SQLITE_NULL { return nil }
        guard let p = sqlite3_column_text(stmt, i) else { return nil }
        let n = Int(sqlite3_column_bytes(stmt, i))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }
}

/// A prepared INSERT reused for every row.
final class SQLiteInserter: BulkInserter {
    private let db: SQLiteDatabase
    private var stmt: OpaquePointer?
    private let width: Int

    init(db: SQLiteDatabase, stmt: OpaquePointer, width: Int) { self.db = db; self.stmt = stmt; self.width = width }
    deinit { sqlite3_finalize(stmt) }

    func append(_ row: [SQLValue]) throws {
        guard let stmt else { throw DatabaseError(.sql, "bulk insert already finished") }
        guard row.count == width else { throw DatabaseError(.sql, "bulk insert row has \(row.count) values, expected \(width)") }
        try db.bind(row, to: stmt, positional: true)
        let rc = sqlite3_step(stmt)
        sqlite3_reset(stmt)
        guard rc == SQLITE_DONE else { throw db.error(rc) }
    }

    func finish() throws {
        sqlite3_finalize(stmt); stmt = nil
    }
}
