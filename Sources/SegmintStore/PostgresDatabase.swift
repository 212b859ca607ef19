import CLibPQ

#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL connection through libpq. Results are read in text format.
public final class PostgresDatabase: Database {
    public let dialectName = "postgres"
    private var conn: OpaquePointer?
    /// `host:port`, for messages.
    public let address: String

    /// Connects with a libpq URL. `connectTimeout` (seconds) bounds the wait for an unreachable
    /// server; a `connect_timeout` in the URL wins.
    public init(url: String, host: String, port: Int, connectTimeout: Int = 5) throws {
        address = "\(host):\(port)"
        // Later keywords override earlier ones, and the expanded URL comes after the defaults.
        let keys = ["connect_timeout", "client_encoding", "application_name", "dbname"]
        let vals = [String(connectTimeout), "UTF8", "segmint", url]
        let cKeys = keys.map { strdup($0) }, cVals = vals.map { strdup($0) }
        defer { cKeys.forEach { free($0) }; cVals.forEach { free($0) } }
        var kp: [UnsafePointer<CChar>?] = cKeys.map { UnsafePointer($0) } + [nil]
        var vp: [UnsafePointer<CChar>?] = cVals.map { UnsafePointer($0) } + [nil]
        let c = PQconnectdbParams(&kp, &vp, 1)
        guard let c else { throw DatabaseError(.connection, "cannot connect to PostgreSQL at \(address): out of memory") }
        guard PQstatus(c) == CONNECTION_OK else {
            let msg = PostgresDatabase.redact(PostgresDatabase.text(PQerrorMessage(c)), conn: c, url: url)
            PQfinish(c)
            throw DatabaseError(.connection, "cannot connect to PostgreSQL at \(address): \(msg)")
        }
        // Server notices (e.g. "table does not exist, skipping") are not for the user's terminal.
        PQsetNoticeProcessor(c, { _, _ in }, nil)
        conn = c
    }

    deinit { close() }

    public func close() {
        if let c = conn { PQfinish(c); conn = nil }
    }

    public func query(_ sql: String) throws -> QueryResult { try query(sql, parameters: []) }

    public func execute(_ sql: String) throws {
        let c = try connection()
        // PQexec allows several statements (DDL scripts); PQexecParams allows only one.
        guard let res = PQexec(c, sql) else { throw lostConnection(c) }
        defer { PQclear(res) }
        try check(res, c)
    }

    public func query(_ sql: String, parameters: [String?]) throws -> QueryResult {
        let c = try connection()
        for p in parameters where p?.utf8.contains(0) == true {
            throw DatabaseError(.sql, "PostgreSQL text cannot contain NUL bytes (parameter holds \\0)")
        }
        let cParams: [UnsafeMutablePointer<CChar>?] = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { cParams.forEach { free($0) } }
        var pp: [UnsafePointer<CChar>?] = cParams.map { $0.map { UnsafePointer($0) } }
        let res = pp.withUnsafeMutableBufferPointer { buf in
            PQexecParams(c, sql, Int32(parameters.count), nil, buf.baseAddress, nil, nil, 0)
        }
        guard let res else { throw lostConnection(c) }
        defer { PQclear(res) }
        try check(res, c)
        let nf = Int(PQnfields(res)), nt = Int(PQntuples(res))
        var columns: [String] = []
        for i in 0..<nf { columns.append(PostgresDatabase.text(PQfname(res, Int32(i)))) }
        var rows: [[String?]] = []
        rows.reserveCapacity(nt)
        for r in 0..<Int32(nt) {
            var row: [String?] = []
            row.reserveCapacity(nf)
            for f in 0..<Int32(nf) {
                if PQgetisnull(res, r, f) != 0 { row.append(nil); continue }
                let len = Int(PQgetlength(res, r, f))
                guard let p = PQgetvalue(res, r, f) else { row.append(nil); continue }
                row.append(p.withMemoryRebound(to: UInt8.self, capacity: len) {
                    String(decoding: UnsafeBufferPointer(start: $0, count: len), as: UTF8.self)
                })
            }
            rows.append(row)
        }
        // Type OIDs of int8, int2, int4 (pg_type.dat): their text output is a decimal integer.
        let integers = (0..<Int32(nf)).map { [20, 21, 23].contains(PQftype(res, $0)) }
        return QueryResult(columns: columns, rows: rows, integerColumns: integers)
    }

    public func execute(_ sql: String, parameters: [String?]) throws {
        _ = try query(sql, parameters: parameters)
    }

    public func bulkInserter(table: String, columns: [String]) throws -> BulkInserter {
        let c = try connection()
        let cols = columns.map(SQLText.quoteIdentifier).joined(separator: ", ")
        guard let res = PQexec(c, "COPY \(SQLText.quoteTableName(table)) (\(cols)) FROM STDIN") else { throw lostConnection(c) }
        defer { PQclear(res) }
        guard PQresultStatus(res) == PGRES_COPY_IN else { try check(res, c); throw DatabaseError(.sql, "PostgreSQL did not start COPY") }
        return PostgresCopyInserter(db: self, conn: c, width: columns.count)
    }

    public func tableNames() throws -> [String] {
        try query("""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = ANY (current_schemas(false)) ORDER BY table_name
            """).rows.compactMap { $0.first ?? nil }
    }

    // MARK: - Internals

    private func connection() throws -> OpaquePointer {
        guard let c = conn else { throw DatabaseError(.connection, "PostgreSQL connection to \(address) is closed") }
        return c
    }

    fileprivate func lostConnection(_ c: OpaquePointer) -> DatabaseError {
        DatabaseError(.connection, "lost the PostgreSQL connection to \(address): \(PostgresDatabase.text(PQerrorMessage(c)))")
    }

    /// Throws a classified error unless the result succeeded.
    fileprivate func check(_ res: OpaquePointer, _ c: OpaquePointer) throws {
        let status = PQresultStatus(res)
        if status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY { return }
        let message = PostgresDatabase.text(PQresultErrorField(res, Int32(UInt8(ascii: "M"))))
        let state = PostgresDatabase.text(PQresultErrorField(res, Int32(UInt8(ascii: "C"))))
        if PQstatus(c) != CONNECTION_OK { throw lostConnection(c) }
        let text = message.isEmpty ? PostgresDatabase.text(PQresultErrorMessage(res)) : message
        if state == "42P01" {
            // `relation "customers" does not exist`
            let parts = text.split(separator: "\"", omittingEmptySubsequences: false)
            let table = parts.count >= 3 ? String(parts[1]) : nil
            throw DatabaseError(.missingTable, "table \(table.map { "\"\($0)\"" } ?? "") does not exist in the PostgreSQL database (\(text))", table: table)
        }
        throw DatabaseError(.sql, "PostgreSQL error" + (state.isEmpty ? "" : " \(state)") + ": \(text)")
    }

    /// libpq text on one line (its messages span lines: "…failed: Connection refused\n\tIs the server running…").
    static func text(_ p: UnsafePointer<CChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p).split(whereSeparator: { $0 == "\n" || $0 == "\t" || $0 == "\r" })
            .map { String($0).trimmingSpaces }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func text(_ p: UnsafeMutablePointer<CChar>?) -> String { text(p.map { UnsafePointer($0) }) }

    /// Removes the password from a message, should the server or libpq ever echo it.
    static func redact(_ message: String, conn: OpaquePointer, url: String) -> String {
        var out = message
        let pass = text(PQpass(conn))
        if !pass.isEmpty { out = SQLText.replacing(pass, with: "***", in: out) }
        return out
    }
}

/// COPY … FROM STDIN in text format, sent in chunks of about 1 MB.
final class PostgresCopyInserter: BulkInserter {
    private let db: PostgresDatabase
    private let conn: OpaquePointer
    private let width: Int
    private var buffer: [UInt8] = []
    private var finished = false

    init(db: PostgresDatabase, conn: OpaquePointer, width: Int) {
        self.db = db; self.conn = conn; self.width = width
        buffer.reserveCapacity(1 << 20)
    }

    func append(_ row: [SQLValue]) throws {
        guard !finished else { throw DatabaseError(.sql, "bulk insert already finished") }
        guard row.count == width else { throw DatabaseError(.sql, "bulk insert row has \(row.count) values, expected \(width)") }
        for (i, v) in row.enumerated() {
            if i > 0 { buffer.append(0x09) }
            guard let t = v.textForm else { buffer.append(contentsOf: [0x5C, 0x4E]); continue }  // \N
            for b in t.utf8 {
                switch b {
                case 0: throw DatabaseError(.sql, "PostgreSQL text cannot contain NUL bytes")
                case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: buffer.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: buffer.append(contentsOf: [0x5C, 0x72])
                case 0x09: buffer.append(contentsOf: [0x5C, 0x74])
                default: buffer.append(b)
                }
            }
        }
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        let rc = buffer.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { PQputCopyData(conn, $0.baseAddress, Int32($0.count)) }
        }
        buffer.removeAll(keepingCapacity: true)
        guard rc == 1 else { throw db.lostConnection(conn) }
    }

    func finish() throws {
        guard !finished else { return }
        finished = true
        try flush()
        guard PQputCopyEnd(conn, nil) == 1 else { throw db.lostConnection(conn) }
        var failure: Error?
        while let res = PQgetResult(conn) {
            if failure == nil { do { try db.check(res, conn) } catch { failure = error } }
            PQclear(res)
        }
        if let failure { throw failure }
    }
}
