/// Rows as text (NULL as nil), the lowest common form of SQLite and PostgreSQL results.
public struct QueryResult: Sendable {
    public var columns: [String]
    public var rows: [[String?]]
    public init(columns: [String], rows: [[String?]]) { self.columns = columns; self.rows = rows }
}

/// A classified database failure; its description is a clear one-line message for users.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    public enum Kind: String, Sendable { case badURL, connection, sql, io }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) { self.kind = kind; self.message = message }
    public var description: String { message }
}

/// A connection to a database Segmint can run SQL on.
public protocol Database: AnyObject {
    /// Which SQL dialect this database speaks (`sqlite` or `postgres`).
    var dialectName: String { get }
    func query(_ sql: String) throws -> QueryResult
    /// Runs statements that return nothing (DDL, bulk inserts in demo data).
    func execute(_ sql: String) throws
    func close()
}
