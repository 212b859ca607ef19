/// The SQL text handed to the DuckDB tool, and reading its answers.
enum DuckDBScript {
    /// DuckDB's integer types (their JSON values are plain decimal integers).
    static let integerTypes: Set<String> = ["TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
                                            "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT"]

    /// `sql` without surrounding whitespace and trailing semicolons.
    static func trimmed(_ sql: String) -> String {
        var s = Substring(sql.trimmingSpaces)
        while s.hasSuffix(";") { s = Substring(String(s.dropLast()).trimmingSpaces) }
        return String(s)
    }

    /// The statement and its `;` on a line of its own (a trailing `--` comment would hide it).
    static func terminated(_ sql: String) -> String { trimmed(sql) + "\n;\n" }

    /// The first keyword, upper-cased, after leading whitespace and `--` comments.
    static func keyword(_ sql: String) -> String {
        var rest = Substring(sql)
        while true {
            rest = rest.drop(while: { $0.isWhitespace })
            guard rest.hasPrefix("--") else { break }
            rest = rest.drop(while: { $0 != "\n" })
        }
        if rest.first == "(" { return "(" }
        return rest.prefix(while: { $0.isLetter }).uppercased()
    }

    /// Statements that return rows and that DESCRIBE accepts.
    static func isQuery(_ sql: String) -> Bool {
        ["SELECT", "WITH", "VALUES", "FROM", "TABLE", "("].contains(keyword(sql))
    }

    /// True when a `;` outside quotes and comments separates two statements (`query` runs
    /// one statement, as on SQLite and PostgreSQL; it also keeps CLI dot-commands out, which
    /// the tool reads only at the start of a statement).
    static func hasSeveralStatements(_ sql: String) -> Bool {
        let chars = Array(trimmed(sql).unicodeScalars)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "'" || c == "\"" {
                i += 1
                while i < chars.count { if chars[i] == c { if i + 1 < chars.count && chars[i + 1] == c { i += 2; continue }; break }; i += 1 }
            } else if c == "-", i + 1 < chars.count, chars[i + 1] == "-" {
                while i < chars.count && chars[i] != "\n" { i += 1 }
            } else if c == "/", i + 1 < chars.count, chars[i + 1] == "*" {
                i += 2
                while i + 1 < chars.count && !(chars[i] == "*" && chars[i + 1] == "/") { i += 1 }
                i += 1
            } else if c == ";" {
                return true
            }
            i += 1
        }
        return false
    }

    /// A value as a DuckDB literal: numbers bare, text quoted, NaN and infinities cast.
    static func literal(_ v: SQLValue) -> String {
        switch v {
        case .null: return "NULL"
        case .int(let i): return String(i)
        case .real(let d):
            return d.isFinite ? d.description : "'\(d.isNaN ? "nan" : d < 0 ? "-inf" : "inf")'::DOUBLE"
        case .text(let s): return SQLText.quoteLiteral(s)
        }
    }

    /// `sql` with each `$n` outside quotes and comments replaced by parameter n as a quoted
    /// literal (the tool has no binding); DuckDB casts a string literal to the column's type.
    static func bind(_ sql: String, _ parameters: [String?]) throws -> String {
        guard !parameters.isEmpty else { return sql }
        let chars = Array(sql.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "'" || c == "\"" {
                var j = i + 1
                while j < chars.count { if chars[j] == c { if j + 1 < chars.count && chars[j + 1] == c { j += 2; continue }; break }; j += 1 }
                out.append(contentsOf: chars[i...min(j, chars.count - 1)]); i = j + 1; continue
            }
            if c == "-", i + 1 < chars.count, chars[i + 1] == "-" {
                var j = i
                while j < chars.count && chars[j] != "\n" { j += 1 }
                out.append(contentsOf: chars[i..<j]); i = j; continue
            }
            if c == "$", i + 1 < chars.count, ("0"..."9").contains(chars[i + 1]) {
                var j = i + 1
                while j < chars.count && ("0"..."9").contains(chars[j]) { j += 1 }
                let digits = String(String.UnicodeScalarView(chars[(i + 1)..<j]))
                guard let n = Int(digits), n >= 1, n <= parameters.count else {
                    throw DatabaseError(.sql, "parameter $\(digits) has no value (\(parameters.count) given)")
                }
                out.append(contentsOf: literal(parameters[n - 1].map(SQLValue.text) ?? .null).unicodeScalars)
                i = j; continue
            }
            out.append(c); i += 1
        }
        return String(out)
    }

    /// The rows of the last JSON array; with `described`, names and types from the first.
    static func result(_ arrays: [[DuckDBJSON.Object]], described: Bool) throws -> QueryResult {
        let data = arrays.count > (described ? 1 : 0) ? arrays[arrays.count - 1] : []
        var columns: [String] = [], integers: [Bool] = []
        if described {
            guard let description = arrays.first else { throw DatabaseError(.sql, "DuckDB returned no column description") }
            for row in description {
                let name = row.first { $0.key == "column_name" }?.value ?? nil
                let type = row.first { $0.key == "column_type" }?.value ?? nil
                columns.append(name ?? ""); integers.append(integerTypes.contains(type ?? ""))
            }
        } else if let first = data.first {
            columns = first.map(\.key); integers = columns.map { _ in false }
        }
        var rows: [[String?]] = []
        for object in data {
            guard object.count == columns.count else {
                throw DatabaseError(.sql, "DuckDB returned a row of \(object.count) values for \(columns.count) columns")
            }
            rows.append(object.map(\.value))
        }
        return QueryResult(columns: columns, rows: rows, integerColumns: integers)
    }

    /// The tool's error text as a classified error (a missing table names the table).
    static func classify(_ stderr: String, path: String) -> DatabaseError {
        var lines: [String] = []
        for line in stderr.split(separator: "\n", omittingEmptySubsequences: false) {
            let t = String(line).trimmingSpaces
            if t.isEmpty { if !lines.isEmpty { break } else { continue } }
            lines.append(t)
        }
        let message = lines.isEmpty ? "the DuckDB tool failed without a message" : lines.joined(separator: " ")
        if let r = message.firstRange(of: "Table with name "), let end = message[r.upperBound...].firstRange(of: " does not exist") {
            let table = String(message[r.upperBound..<end.lowerBound])
            return DatabaseError(.missingTable, "DuckDB database \(path) has no table \(table): \(message)", table: table)
        }
        if message.hasPrefix("IO Error") {
            return DatabaseError(.connection, "cannot open DuckDB database \(path): \(message)")
        }
        return DatabaseError(.sql, "DuckDB: \(message)")
    }
}
