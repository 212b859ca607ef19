/// Where a `--db` value points: an SQLite file, a DuckDB file or a PostgreSQL server.
public enum DatabaseTarget: Sendable, Equatable {
    /// A file path, or `:memory:`.
    case sqlite(path: String)
    /// A DuckDB database file, run through the `duckdb` command-line tool.
    case duckdb(path: String)
    /// A libpq connection URL and the parts shown in messages (never the password).
    case postgres(url: String, host: String, port: Int, user: String?, database: String?)

    /// The dialect the database speaks.
    public var dialectName: String {
        switch self { case .sqlite: return "sqlite"; case .duckdb: return "duckdb"; case .postgres: return "postgres" }
    }

    /// A description safe to print: the path, or `postgres://user@host:port/db` without password.
    public var displayName: String {
        switch self {
        case .sqlite(let path): return path
        case .duckdb(let path): return "duckdb:" + path
        case .postgres(_, let host, let port, let user, let db):
            return "postgres://" + (user.map { $0 + "@" } ?? "") + "\(host):\(port)" + (db.map { "/" + $0 } ?? "")
        }
    }
}

/// Parses `--db` values and opens them.
///
/// Accepted: a plain path or `:memory:` (SQLite), `sqlite:PATH` / `sqlite://PATH`,
/// `postgres://…` / `postgresql://…` (libpq URL), `duckdb:PATH` / `duckdb://PATH` (so
/// `duckdb:///abs/file.duckdb` is an absolute path) and a plain path ending in `.duckdb`
/// (DuckDB). Anything else is `DatabaseError(.badURL)`.
public enum DatabaseURL {
    public static func parse(_ text: String) throws -> DatabaseTarget {
        let url = text.trimmingSpaces
        guard !url.isEmpty else { throw DatabaseError(.badURL, "empty database URL") }
        if url.contains("\0") { throw DatabaseError(.badURL, "database URL contains a NUL byte") }
        for prefix in ["sqlite://", "sqlite:"] where url.hasPrefix(prefix) {
            let path = String(url.dropFirst(prefix.count))
            guard !path.isEmpty else { throw DatabaseError(.badURL, "\"\(url)\" names no file; write sqlite:PATH") }
            return .sqlite(path: path)
        }
        for prefix in ["duckdb://", "duckdb:"] where url.hasPrefix(prefix) {
            let path = String(url.dropFirst(prefix.count))
            guard !path.isEmpty else { throw DatabaseError(.badURL, "\"\(url)\" names no file; write duckdb:PATH or duckdb:///absolute/path") }
            guard path != ":memory:" else {
                throw DatabaseError(.badURL, "\"\(url)\": an in-memory DuckDB database would vanish after each query; give a file")
            }
            return .duckdb(path: path)
        }
        for prefix in ["postgres://", "postgresql://"] where url.hasPrefix(prefix) {
            return try parsePostgres(url, rest: Substring(url.dropFirst(prefix.count)))
        }
        for prefix in ["postgres:", "postgresql:"] where url.hasPrefix(prefix) {
            throw DatabaseError(.badURL, "bad PostgreSQL URL \"\(url)\": write postgres://host:port/database")
        }
        if let colon = url.firstIndex(of: ":"), url[..<colon].count >= 2,
           url[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }),
           url[colon...].hasPrefix("://") {
            let scheme = url[..<colon]
            throw DatabaseError(.badURL, "unsupported database URL scheme \"\(scheme)\"")
        }
        if url.hasSuffix(".duckdb") { return .duckdb(path: url) }
        return .sqlite(path: url)
    }

    /// Opens the database. `create`: for SQLite, create the file when missing (otherwise a
    /// missing file is an error, which is what `run` wants).
    public static func open(_ text: String, create: Bool = true) throws -> Database {
        switch try parse(text) {
        case .sqlite(let path):
            return try SQLiteDatabase(path: path, create: create)
        case .duckdb(let path):
            return try DuckDBDatabase(path: path, create: create)
        case .postgres(let url, let host, let port, _, _):
            return try PostgresDatabase(url: url, host: host, port: port)
        }
    }

    private static func parsePostgres(_ url: String, rest: Substring) throws -> DatabaseTarget {
        // Only the authority and path are read here, for messages; libpq parses the URL itself.
        var authority = rest
        var database: String?
        if let q = authority.firstIndex(of: "?") { authority = authority[..<q] }
        if let slash = authority.firstIndex(of: "/") {
            let db = authority[authority.index(after: slash)...]
            database = db.isEmpty ? nil : percentDecoded(db)
            authority = authority[..<slash]
        }
        var user: String?
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
            let name = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            user = name.isEmpty ? nil : percentDecoded(name)
        }
        var host = "localhost", port = 5432
        var hp = hostPort
        if hp.hasPrefix("[") {
            guard let close = hp.firstIndex(of: "]") else { throw DatabaseError(.badURL, "bad PostgreSQL URL: unclosed [ in host") }
            host = String(hp[hp.index(after: hp.startIndex)..<close])
            hp = hp[hp.index(after: close)...]
            if !hp.isEmpty && !hp.hasPrefix(":") { throw DatabaseError(.badURL, "bad PostgreSQL URL: unexpected text after host") }
        } else if let colon = hp.firstIndex(of: ":") {
            if colon != hp.startIndex { host = String(hp[..<colon]) }
            hp = hp[colon...]
        } else {
            if !hp.isEmpty { host = String(hp) }
            hp = ""
        }
        if hp.hasPrefix(":") {
            let digits = hp.dropFirst()
            guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let p = Int(digits), (1...65535).contains(p) else {
                throw DatabaseError(.badURL, "bad PostgreSQL URL: port \"\(digits)\" is not a number from 1 to 65535")
            }
            port = p
        }
        if host.contains(",") { throw DatabaseError(.badURL, "bad PostgreSQL URL: several hosts are not supported") }
        return .postgres(url: url, host: percentDecoded(Substring(host)), port: port, user: user, database: database)
    }

    private static func percentDecoded(_ s: Substring) -> String {
        var bytes: [UInt8] = []
        var it = Array(s.utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "%"), it.count >= 2,
               let v = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(v); it = it.dropFirst(2)
            } else { bytes.append(b) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
