import Foundation

/// A DuckDB database file, reached through the `duckdb` command-line tool (Debian has no
/// libduckdb; PyPI's `duckdb-cli` installs the tool). Each call runs one `duckdb` process
/// with the SQL on its standard input (never through a shell) and JSON output.
///
/// Transactions: a process ends its transaction when it exits, so `BEGIN` starts collecting
/// statements and `COMMIT` runs them all in one process between BEGIN and COMMIT (`ROLLBACK`
/// drops them). A query inside such a transaction runs after the collected statements in the
/// same process, which then exits without committing.
public final class DuckDBDatabase: Database {
    public let dialectName = "duckdb"
    public let path: String
    let tool: String
    let readOnly: Bool
    private var pending: [String]?
    private var closed = false

    /// Opens `path`. `create`: a missing file is created on the first write; otherwise a
    /// missing file is an error now. `readOnly`: the tool opens the file with `-readonly`.
    public init(path: String, create: Bool = true, readOnly: Bool = false) throws {
        self.path = path
        self.readOnly = readOnly
        self.tool = try DuckDBTool.locate()
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw DatabaseError(.connection, "cannot open DuckDB database \(path): no such file")
        }
    }

    public func close() { closed = true; pending = nil }

    public func query(_ sql: String) throws -> QueryResult { try query(sql, parameters: []) }

    public func execute(_ sql: String) throws { try execute(sql, parameters: []) }

    public func execute(_ sql: String, parameters: [String?]) throws {
        let statement = try DuckDBScript.bind(sql, parameters)
        switch DuckDBScript.keyword(statement) {
        case "BEGIN" where pending == nil:
            pending = []
        case "COMMIT", "END":
            guard let statements = pending else { _ = try runScript(DuckDBScript.terminated(statement), json: false); return }
            pending = nil
            guard !statements.isEmpty else { return }
            _ = try runScript((["BEGIN TRANSACTION"] + statements + ["COMMIT"]).map(DuckDBScript.terminated).joined(), json: false)
        case "ROLLBACK" where pending != nil:
            pending = nil
        default:
            if pending != nil { pending?.append(statement); return }
            _ = try runScript(DuckDBScript.terminated(statement), json: false)
        }
    }

    public func query(_ sql: String, parameters: [String?]) throws -> QueryResult {
        let statement = DuckDBScript.trimmed(try DuckDBScript.bind(sql, parameters))
        guard !DuckDBScript.hasSeveralStatements(statement) else {
            throw DatabaseError(.sql, "DuckDB: a query runs one statement; this SQL holds several")
        }
        // DESCRIBE gives the column names and types even when no row comes back.
        let describe = DuckDBScript.isQuery(statement)
        var script = (pending ?? []).map(DuckDBScript.terminated).joined()
        if pending != nil { script = "BEGIN TRANSACTION;\n" + script }
        if describe { script += DuckDBScript.terminated("DESCRIBE " + statement) }
        script += DuckDBScript.terminated(statement)
        let arrays = try DuckDBJSON.parseArrays(try runScript(script, json: true))
        return try DuckDBScript.result(arrays, described: describe)
    }

    public func bulkInserter(table: String, columns: [String]) throws -> BulkInserter {
        DuckDBInserter(db: self, table: table, columns: columns)
    }

    public func tableNames() throws -> [String] {
        try query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1")
            .rows.compactMap { $0.first ?? nil }
    }

    /// Runs the tool on `script`; its standard output, or the classified error.
    private func runScript(_ script: String, json: Bool) throws -> String {
        guard !closed else { throw DatabaseError(.connection, "DuckDB database \(path) is closed") }
        // -init /dev/null: no ~/.duckdbrc; the CLI has no `--`, so a path never starts with `-`.
        var args = ["-init", "/dev/null", "-batch", "-bail", "-noheader"]
        if json { args.append("-json") }
        if readOnly { args.append("-readonly") }
        args.append(path.hasPrefix("-") ? "./" + path : path)
        let run = try DuckDBTool.run(tool, arguments: args, input: script)
        if run.status != 0 {
            throw DuckDBScript.classify(run.stderr, path: path)
        }
        return run.stdout
    }
}

/// Appends rows as multi-row INSERT statements of at most 1000 rows each.
final class DuckDBInserter: BulkInserter {
    let db: DuckDBDatabase
    let head: String
    var rows: [String] = []
    var finished = false

    init(db: DuckDBDatabase, table: String, columns: [String]) {
        self.db = db
        head = "INSERT INTO \(SQLText.quoteTableName(table)) (\(columns.map(SQLText.quoteIdentifier).joined(separator: ", "))) VALUES\n"
    }

    func append(_ row: [SQLValue]) throws {
        guard !finished else { throw DatabaseError(.sql, "append after finish") }
        rows.append("(" + row.map(DuckDBScript.literal).joined(separator: ", ") + ")")
        if rows.count >= 1000 { try flush() }
    }

    func finish() throws {
        guard !finished else { return }
        try flush()
        finished = true
    }

    private func flush() throws {
        guard !rows.isEmpty else { return }
        let sql = head + rows.joined(separator: ",\n")
        rows = []
        try db.execute(sql)
    }
}
