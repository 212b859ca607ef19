import Foundation
import CSQLite3
import CLibPQ
import SegmintCatalog
import SegmintTestSupport

/// Loads a Dataset into a database and runs SQL returning one key column. Values are bound as
/// parameters, so loading never depends on the literal escaping under test.
protocol KeyRunner {
    func load(_ data: Dataset) throws
    func keys(_ sql: String) throws -> Set<String>
}

struct RunnerError: Error, CustomStringConvertible { var description: String }

final class SQLiteRunner: KeyRunner {
    private var db: OpaquePointer?

    init(path: String = ":memory:") throws {
        guard sqlite3_open(path, &db) == SQLITE_OK else { throw RunnerError(description: "sqlite open failed") }
    }
    deinit { sqlite3_close(db) }

    private func exec(_ sql: String) throws {
        var err: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(db, sql, nil, nil, &err) != SQLITE_OK {
            let m = err.map { String(cString: $0) } ?? "?"
            sqlite3_free(err)
            throw RunnerError(description: "sqlite: \(m)")
        }
    }

    func load(_ data: Dataset) throws {
        try exec("BEGIN")
        defer { try? exec("COMMIT") }
        for t in [data.entities] + data.events {
            let cols = t.columns.map { "\"\($0.name)\" \(Self.type($0.type))" }.joined(separator: ", ")
            try exec("CREATE TABLE \"\(t.name)\" (\(cols))")
            var stmt: OpaquePointer?
            let marks = t.columns.map { _ in "?" }.joined(separator: ", ")
            guard sqlite3_prepare_v2(db, "INSERT INTO \"\(t.name)\" VALUES (\(marks))", -1, &stmt, nil) == SQLITE_OK else {
                throw RunnerError(description: "sqlite prepare insert")
            }
            defer { sqlite3_finalize(stmt) }
            for row in t.rows {
                sqlite3_reset(stmt)
                for (i, cell) in row.enumerated() {
                    let idx = Int32(i + 1)
                    switch cell {
                    case .null: sqlite3_bind_null(stmt, idx)
                    case .int(let v): sqlite3_bind_int64(stmt, idx, v)
                    case .dec(let v): sqlite3_bind_double(stmt, idx, v)
                    case .bool(let b): sqlite3_bind_int64(stmt, idx, b ? 1 : 0)
                    default:
                        // Bound with an explicit length so an embedded NUL is kept.
                        let bytes = Array((cell.text ?? "").utf8).map { CChar(bitPattern: $0) } + [0]
                        _ = bytes.withUnsafeBufferPointer { p in
                            sqlite3_bind_text(stmt, idx, p.baseAddress, Int32(bytes.count - 1), segmint_sqlite_transient())
                        }
                    }
                }
                guard sqlite3_step(stmt) == SQLITE_DONE else { throw RunnerError(description: "sqlite insert failed") }
            }
        }
    }

    static func type(_ t: ValueType) -> String {
        switch t { case .int, .bool: return "INTEGER"; case .decimal: return "REAL"; default: return "TEXT" }
    }

    func keys(_ sql: String) throws -> Set<String> {
        var stmt: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let text = Array(sql.utf8CString)
        let rc = text.withUnsafeBufferPointer { p in sqlite3_prepare_v2(db, p.baseAddress, -1, &stmt, &tail) }
        guard rc == SQLITE_OK else { throw RunnerError(description: "sqlite: \(String(cString: sqlite3_errmsg(db)))\n\(sql)") }
        defer { sqlite3_finalize(stmt) }
        var out = Set<String>()
        while true {
            let s = sqlite3_step(stmt)
            if s == SQLITE_DONE { break }
            guard s == SQLITE_ROW else { throw RunnerError(description: "sqlite step: \(String(cString: sqlite3_errmsg(db)))") }
            if let t = sqlite3_column_text(stmt, 0) { out.insert(String(cString: t)) } else { out.insert("NULL") }
        }
        return out
    }

    /// Every row, every column as text.
    func rows(_ sql: String) throws -> [[String]] {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK else { throw RunnerError(description: "sqlite: \(String(cString: sqlite3_errmsg(db)))") }
        defer { sqlite3_finalize(stmt) }
        var out: [[String]] = []
        while sqlite3_step(stmt) == SQLITE_ROW {
            out.append((0..<sqlite3_column_count(stmt)).map { i in sqlite3_column_text(stmt, i).map { String(cString: $0) } ?? "NULL" })
        }
        return out
    }

    /// Whether the prepared text left anything after the first statement (it must not).
    func trailingText(_ sql: String) -> String? {
        var stmt: OpaquePointer?
        var rest = ""
        sql.withCString { p in
            var tail: UnsafePointer<CChar>?
            if sqlite3_prepare_v2(db, p, -1, &stmt, &tail) == SQLITE_OK, let t = tail { rest = String(cString: t) }
        }
        sqlite3_finalize(stmt)
        return rest.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : rest
    }

    func isReadOnly(_ sql: String) -> Bool {
        var stmt: OpaquePointer?
        defer { sqlite3_finalize(stmt) }
        guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK else { return false }
        return sqlite3_stmt_readonly(stmt) != 0
    }
}

final class PostgresRunner: KeyRunner {
    private let conn: OpaquePointer?
    private let schema: String

    init(url: String) throws {
        conn = PQconnectdb(url)
        guard PQstatus(conn) == CONNECTION_OK else {
            let m = String(cString: PQerrorMessage(conn))
            PQfinish(conn)
            throw RunnerError(description: "postgres: \(m)")
        }
        schema = "segmint_sqltest_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
        try run("CREATE SCHEMA \(schema)")
        try run("SET search_path TO \(schema)")
    }
    deinit {
        _ = try? run("DROP SCHEMA \(schema) CASCADE")
        PQfinish(conn)
    }

    @discardableResult
    private func run(_ sql: String, _ params: [String?] = []) throws -> OpaquePointer? {
        var cStrings = params.map { $0.map { strdup($0) } ?? nil }
        defer { cStrings.forEach { free($0) } }
        let res = cStrings.withUnsafeMutableBufferPointer { buf -> OpaquePointer? in
            buf.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: max(buf.count, 1)) { p in
                PQexecParams(conn, sql, Int32(params.count), nil, params.isEmpty ? nil : p, nil, nil, 0)
            }
        }
        let st = PQresultStatus(res)
        guard st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK else {
            let m = String(cString: PQresultErrorMessage(res))
            PQclear(res)
            throw RunnerError(description: "postgres: \(m)\n\(sql)")
        }
        return res
    }

    func load(_ data: Dataset) throws {
        for t in [data.entities] + data.events {
            let cols = t.columns.map { "\"\($0.name)\" \(Self.type($0.type))" }.joined(separator: ", ")
            PQclear(try run("CREATE TABLE \"\(t.name)\" (\(cols))"))
            let marks = t.columns.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
            for row in t.rows { PQclear(try run("INSERT INTO \"\(t.name)\" VALUES (\(marks))", row.map(\.text))) }
        }
    }

    static func type(_ t: ValueType) -> String {
        switch t {
        case .int: return "BIGINT"; case .bool: return "BOOLEAN"; case .decimal: return "NUMERIC"
        case .date: return "DATE"; case .timestamp: return "TIMESTAMP"; case .string: return "TEXT"
        }
    }

    func keys(_ sql: String) throws -> Set<String> {
        let res = try run(sql)
        defer { PQclear(res) }
        var out = Set<String>()
        for r in 0..<PQntuples(res) {
            out.insert(PQgetisnull(res, r, 0) != 0 ? "NULL" : String(cString: PQgetvalue(res, r, 0)))
        }
        return out
    }
}

final class DataBox: @unchecked Sendable { var data = Data() }

/// The Python oracles (DuckDB and sqlglot) through one script per batch.
enum Python {
    static var executable: String { OraclePython.executable }

    static func available(_ module: String) -> Bool {
        (try? run("import \(module)", input: Data())) != nil
    }

    /// Runs `script` with `input` on stdin; returns stdout.
    static func run(_ script: String, input: Data) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        p.arguments = (executable.hasPrefix("/") ? [] : [executable]) + ["-c", script]
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        p.standardInput = inPipe; p.standardOutput = outPipe; p.standardError = errPipe
        try p.run()
        let writer = Thread { inPipe.fileHandleForWriting.write(input); try? inPipe.fileHandleForWriting.close() }
        writer.start()
        let errFile = errPipe.fileHandleForReading
        let errBox = DataBox()
        let errThread = Thread { errBox.data = errFile.readDataToEndOfFile() }
        errThread.start()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        while errThread.isExecuting { usleep(1000) }
        let errData = errBox.data
        guard p.terminationStatus == 0 else {
            throw RunnerError(description: "python failed: \(String(decoding: errData, as: UTF8.self))")
        }
        return out
    }

    /// Loads `data` into an in-memory DuckDB (parameters, typed columns) and runs every query;
    /// returns each query's key set, or its error text.
    static func duckdb(_ data: Dataset, queries: [String]) throws -> [Result<Set<String>, RunnerError>] {
        let script = """
        import sys, json, duckdb
        req = json.load(sys.stdin)
        con = duckdb.connect(':memory:')
        T = {'int': 'BIGINT', 'bool': 'BOOLEAN', 'decimal': 'DECIMAL(18,4)', 'date': 'DATE', 'timestamp': 'TIMESTAMP', 'string': 'VARCHAR'}
        for t in req['tables']:
            cols = ', '.join('"%s" %s' % (c, T[ty]) for c, ty in t['columns'])
            con.execute('CREATE TABLE "%s" (%s)' % (t['name'], cols))
            marks = ', '.join('?' for _ in t['columns'])
            rows = []
            for r in t['rows']:
                rows.append([None if v is None else (v == '1') if ty == 'bool' else v for v, (c, ty) in zip(r, t['columns'])])
            if rows:
                con.executemany('INSERT INTO "%s" VALUES (%s)' % (t['name'], marks), rows)
        out = []
        for q in req['queries']:
            try:
                out.append({'keys': [str(r[0]) for r in con.execute(q).fetchall()]})
            except Exception as e:
                out.append({'error': str(e)})
        json.dump(out, sys.stdout)
        """
        let tables = ([data.entities] + data.events).map { t -> [String: Any] in
            ["name": t.name, "columns": t.columns.map { [$0.name, $0.type.rawValue] }, "rows": t.rows.map { $0.map { $0.text as Any? ?? NSNull() } }]
        }
        let input = try JSONSerialization.data(withJSONObject: ["tables": tables, "queries": queries])
        let out = try run(script, input: input)
        guard let arr = try JSONSerialization.jsonObject(with: out) as? [[String: Any]] else { throw RunnerError(description: "bad duckdb output") }
        return arr.map { o in
            if let k = o["keys"] as? [String] { return .success(Set(k)) }
            return .failure(RunnerError(description: "duckdb: \(o["error"] ?? "?")"))
        }
    }

    /// Parses each (dialect, sql) with sqlglot in that dialect (errors raised); returns nil for a
    /// statement that is exactly one SELECT, else the problem.
    static func sqlglot(_ items: [(dialect: String, sql: String)]) throws -> [String?] {
        let script = """
        import sys, json, sqlglot
        from sqlglot import exp
        from sqlglot.errors import ErrorLevel
        out = []
        for d, sql in json.load(sys.stdin):
            try:
                stmts = [s for s in sqlglot.parse(sql, read=d, error_level=ErrorLevel.RAISE) if s is not None]
                if len(stmts) != 1:
                    out.append('%d statements' % len(stmts))
                elif not isinstance(stmts[0], exp.Select):
                    out.append('not a SELECT: %s' % type(stmts[0]).__name__)
                elif any(isinstance(n, (exp.Insert, exp.Update, exp.Delete, exp.Drop, exp.Create)) for n in stmts[0].walk()):
                    out.append('writes')
                else:
                    sqlglot.parse_one(sql, read=d, error_level=ErrorLevel.RAISE)
                    out.append(None)
            except Exception as e:
                out.append('%s: %s' % (type(e).__name__, str(e)[:300]))
        json.dump(out, sys.stdout)
        """
        let input = try JSONSerialization.data(withJSONObject: items.map { [$0.dialect, $0.sql] })
        let out = try run(script, input: input)
        guard let arr = try JSONSerialization.jsonObject(with: out) as? [Any] else { throw RunnerError(description: "bad sqlglot output") }
        return arr.map { $0 as? String }
    }
}
