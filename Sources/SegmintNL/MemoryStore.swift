import Foundation
import SegmintStore

/// One remembered answer.
public struct MemoryEntry: Sendable, Equatable, Codable {
    public var tenant: String
    public var user: String
    /// The question key, `kind:span` (e.g. `window:recently`).
    public var key: String
    public var value: String
    public var updatedAt: String
}

/// Answers to clarification questions, kept per tenant and user and reused on later requests
/// ("recent" → last 30 days). Every read and write names its tenant: one tenant never sees
/// another's answers.
public protocol MemoryStore: Sendable {
    func answers(tenant: String, user: String) throws -> [String: String]
    func remember(tenant: String, user: String, key: String, value: String) throws
    /// Entries of one tenant (all users when `user` is nil), ordered by user then key.
    func list(tenant: String, user: String?) throws -> [MemoryEntry]
    /// Forgets one key (or every key of the user when `key` is nil); returns how many were removed.
    func forget(tenant: String, user: String, key: String?) throws -> Int
}

/// The memory store in one table of a SQLite or PostgreSQL database (the same SQL, with
/// parameters `$1`, `$2`, …, runs on both).
public final class SQLMemoryStore: MemoryStore, @unchecked Sendable {
    // One connection, used under a lock: the CLI asks a handful of questions per run.
    private let db: Database
    private let lock = NSLock()

    public init(database: Database) throws {
        self.db = database
        try db.execute("""
            CREATE TABLE IF NOT EXISTS segmint_memory (
              tenant TEXT NOT NULL, user_name TEXT NOT NULL, answer_key TEXT NOT NULL,
              answer TEXT NOT NULL, updated_at TEXT NOT NULL,
              PRIMARY KEY (tenant, user_name, answer_key))
            """, parameters: [])
    }

    public func answers(tenant: String, user: String) throws -> [String: String] {
        try lock.withLock {
            let r = try db.query("SELECT answer_key, answer FROM segmint_memory WHERE tenant = $1 AND user_name = $2 ORDER BY answer_key",
                                 parameters: [tenant, user])
            var out: [String: String] = [:]
            for row in r.rows where row.count == 2 { if let k = row[0], let v = row[1] { out[k] = v } }
            return out
        }
    }

    public func remember(tenant: String, user: String, key: String, value: String) throws {
        let now = ISO8601DateFormatter().string(from: Date())
        try lock.withLock {
            try db.execute("""
                INSERT INTO segmint_memory (tenant, user_name, answer_key, answer, updated_at) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (tenant, user_name, answer_key) DO UPDATE SET answer = excluded.answer, updated_at = excluded.updated_at
                """, parameters: [tenant, user, key.lowercased(), value, now])
        }
    }

    public func list(tenant: String, user: String?) throws -> [MemoryEntry] {
        try lock.withLock {
            let r: QueryResult
            if let user {
                r = try db.query("SELECT tenant, user_name, answer_key, answer, updated_at FROM segmint_memory WHERE tenant = $1 AND user_name = $2 ORDER BY user_name, answer_key", parameters: [tenant, user])
            } else {
                r = try db.query("SELECT tenant, user_name, answer_key, answer, updated_at FROM segmint_memory WHERE tenant = $1 ORDER BY user_name, answer_key", parameters: [tenant])
            }
            return r.rows.compactMap { row in
                guard row.count == 5, let t = row[0], let u = row[1], let k = row[2], let v = row[3] else { return nil }
                return MemoryEntry(tenant: t, user: u, key: k, value: v, updatedAt: row[4] ?? "")
            }
        }
    }

    public func forget(tenant: String, user: String, key: String?) throws -> Int {
        let before = try list(tenant: tenant, user: user).filter { key == nil || $0.key == key?.lowercased() }.count
        try lock.withLock {
            if let key {
                try db.execute("DELETE FROM segmint_memory WHERE tenant = $1 AND user_name = $2 AND answer_key = $3", parameters: [tenant, user, key.lowercased()])
            } else {
                try db.execute("DELETE FROM segmint_memory WHERE tenant = $1 AND user_name = $2", parameters: [tenant, user])
            }
        }
        return before
    }
}

/// A memory store that lives only as long as the process (tests, `--memory none`).
public final class InMemoryStore: MemoryStore, @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [MemoryEntry] = []
    public init() {}

    public func answers(tenant: String, user: String) throws -> [String: String] {
        lock.withLock { Dictionary(entries.filter { $0.tenant == tenant && $0.user == user }.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 }) }
    }
    public func remember(tenant: String, user: String, key: String, value: String) throws {
        lock.withLock {
            entries.removeAll { $0.tenant == tenant && $0.user == user && $0.key == key.lowercased() }
            entries.append(MemoryEntry(tenant: tenant, user: user, key: key.lowercased(), value: value, updatedAt: ""))
        }
    }
    public func list(tenant: String, user: String?) throws -> [MemoryEntry] {
        lock.withLock { entries.filter { $0.tenant == tenant && (user == nil || $0.user == user) }.sorted { ($0.user, $0.key) < ($1.user, $1.key) } }
    }
    public func forget(tenant: String, user: String, key: String?) throws -> Int {
        lock.withLock {
            let n = entries.count
            entries.removeAll { $0.tenant == tenant && $0.user == user && (key == nil || $0.key == key?.lowercased()) }
            return n - entries.count
        }
    }
}
