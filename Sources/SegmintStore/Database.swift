/// Rows as text (NULL as nil), the lowest common form of SQLite and PostgreSQL results.
public struct QueryResult: Sendable {
    public var columns: [String]
    public var rows: [[String?]]
    /// Per column: true when the database says it holds integers (PostgreSQL: an int2/int4/int8
    /// column; SQLite, whose types belong to values: every non-NULL value is an INTEGER and
    /// there is at least one), so their text is a plain decimal integer.
    public var integerColumns: [Bool]
    public init(columns: [String], rows: [[String?]], integerColumns: [Bool]? = nil) {
        self.columns = columns; self.rows = rows
        self.integerColumns = integerColumns ?? columns.map { _ in false }
    }
}

/// A classified database failure; its description is a clear one-line message for users.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// `missingTable`: the SQL names a table the database does not have (`table` names it).
    public enum Kind: String, Sendable { case badURL, connection, sql, io, missingTable }
    public var kind: Kind
    public var message: String
    /// The missing table, for `.missingTable` when the database names it.
    public var table: String?
    public init(_ kind: Kind, _ message: String, table: String? = nil) {
        self.kind = kind; self.message = message; self.table = table
    }
    public var description: String { message }
}

/// One value to bind or bulk-insert. Text is the portable form; typed cases let SQLite store
/// numbers without a round trip through text (PostgreSQL receives their text form).
public enum SQLValue: Sendable, Equatable {
    case null
    case int(Int64)
    case real(Double)
    case text(String)

    /// The text form PostgreSQL parses (and SQLite would store for `.text`).
    public var textForm: String? {
        switch self {
        case .null: return nil
        case .int(let v): return String(v)
        case .real(let v): return v.description
        case .text(let s): return s
        }
    }
}

/// A connection to a database Segmint can run SQL on.
///
/// Parameters are written `$1`, `$2`, … in the SQL on both databases (PostgreSQL's own form;
/// SQLite accepts it too), and bound as text (nil binds NULL).
public protocol Database: AnyObject {
    /// Which SQL dialect this database speaks (`sqlite` or `postgres`).
    var dialectName: String { get }
    func query(_ sql: String) throws -> QueryResult
    /// Runs statements that return nothing (DDL, bulk inserts in demo data).
    func execute(_ sql: String) throws
    func close()

    /// One statement with parameters `$1…$n` bound to `parameters` (text; nil is NULL).
    func query(_ sql: String, parameters: [String?]) throws -> QueryResult
    /// One statement with parameters that returns nothing.
    func execute(_ sql: String, parameters: [String?]) throws
    /// A fast appender of many rows to one table (prepared statement on SQLite, COPY on
    /// PostgreSQL). Call `finish()` when done; the caller owns any surrounding transaction.
    func bulkInserter(table: String, columns: [String]) throws -> BulkInserter
    /// Names of the tables (and views) in the current database / search path.
    func tableNames() throws -> [String]
}

/// Appends rows to one table; see `Database.bulkInserter`.
public protocol BulkInserter: AnyObject {
    /// One row, values in the column order given when it was made.
    func append(_ row: [SQLValue]) throws
    /// Flushes and ends the insert; further appends fail.
    func finish() throws
}

extension Database {
    /// Runs `body` inside BEGIN/COMMIT; rolls back and rethrows when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Quotes an identifier the way both SQLite and PostgreSQL accept (`"a""b"`).
    public func quoteIdentifier(_ name: String) -> String {
        SQLText.quoteIdentifier(name)
    }
}
