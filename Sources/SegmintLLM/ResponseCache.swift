import Foundation
import SegmintStore

/// Exact-match response cache, content-addressed by `LLMClient.cacheKey` (SHA-256 of the prompt
/// version, the model and the wire body), stored in SQLite at `<dir>/llm-cache.sqlite3`.
///
/// Several processes may share one cache: the database runs in WAL mode with a busy timeout,
/// each write is its own `BEGIN IMMEDIATE` transaction (so it takes the write lock up front and
/// waits for it instead of failing on a stale snapshot), and a write still refused after the
/// timeout is retried a few times. The cache is an optimisation: a failed lookup counts as a
/// miss and a failed store is dropped, never failing the call.
public final class ResponseCache: @unchecked Sendable {
    /// Per-process counters.
    public struct Stats: Sendable, Equatable {
        public var hits: Int
        public var misses: Int
        public init(hits: Int, misses: Int) { self.hits = hits; self.misses = misses }
    }

    public let path: String
    private let db: SQLiteDatabase
    private let lock = NSLock()
    private var counters = Stats(hits: 0, misses: 0)
    /// Stores that failed even after retrying (for tests and diagnostics).
    public private(set) var failedStores = 0

    /// Opens (creating directory and database if needed) the cache under `directory`.
    public init(directory: String, busyTimeoutMs: Int32 = 10_000) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw LLMConfigError("cannot create cache directory \(directory): \(error.localizedDescription)")
        }
        path = directory + "/llm-cache.sqlite3"
        do {
            db = try SQLiteDatabase(path: path, busyTimeoutMs: busyTimeoutMs)
        } catch {
            throw LLMConfigError("cannot open response cache \(path): \(error)")
        }
        // Switching to WAL and creating the table race with other processes opening the same
        // new file; both are idempotent, so retry while another process holds the lock.
        try Self.retryingBusy {
            try db.enableWAL()
            // In WAL mode NORMAL cannot corrupt the file; a power cut may drop the newest entries,
            // which for a cache only means asking the model again. Saves an fsync per store.
            try db.execute("PRAGMA synchronous=NORMAL")
            try db.execute("CREATE TABLE IF NOT EXISTS llm_responses (key TEXT PRIMARY KEY, model TEXT NOT NULL, response TEXT NOT NULL, created_at TEXT NOT NULL)")
        }
    }

    deinit { db.close() }

    public var stats: Stats { lock.lock(); defer { lock.unlock() }; return counters }

    /// The cached response for `key`, counting a hit or a miss.
    public func lookup(_ key: String) -> LLMResponse? {
        lock.lock(); defer { lock.unlock() }
        let found: LLMResponse? = {
            guard let result = try? db.query("SELECT response FROM llm_responses WHERE key = $1", parameters: [key]),
                  let first = result.rows.first, let text = first.first ?? nil else { return nil }
            return try? JSONDecoder().decode(LLMResponse.self, from: Data(text.utf8))
        }()
        if found != nil { counters.hits += 1 } else { counters.misses += 1 }
        return found
    }

    /// Stores a response under `key` (replacing any previous one); returns whether it was written.
    @discardableResult
    public func store(key: String, model: String, response: LLMResponse) -> Bool {
        var clean = response
        clean.cacheHit = false
        guard let data = try? WireJSON.encoder.encode(clean) else { return false }
        let json = String(decoding: data, as: UTF8.self)
        lock.lock(); defer { lock.unlock() }
        do {
            try Self.retryingBusy {
                try db.execute("BEGIN IMMEDIATE")
                do {
                    try db.execute("INSERT OR REPLACE INTO llm_responses (key, model, response, created_at) VALUES ($1, $2, $3, datetime('now'))",
                                   parameters: [key, model, json])
                    try db.execute("COMMIT")
                } catch {
                    try? db.execute("ROLLBACK")
                    throw error
                }
            }
            return true
        } catch {
            failedStores += 1
            return false
        }
    }

    /// Number of cached responses.
    public func count() throws -> Int {
        lock.lock(); defer { lock.unlock() }
        let r = try db.query("SELECT count(*) FROM llm_responses")
        return Int((r.rows.first?.first ?? nil) ?? "") ?? 0
    }

    /// `PRAGMA integrity_check`'s verdict (`ok` when sound).
    public func integrityCheck() throws -> String {
        lock.lock(); defer { lock.unlock() }
        let r = try db.query("PRAGMA integrity_check")
        return r.rows.compactMap { $0.first ?? nil }.joined(separator: "; ")
    }

    /// Runs `body`, retrying up to 20 times while the database reports busy or locked (the busy
    /// timeout already waited; this covers the cases SQLite reports busy without waiting).
    static func retryingBusy(_ body: () throws -> Void) throws {
        var attempt = 0
        while true {
            do { try body(); return } catch {
                let text = "\(error)".lowercased()
                attempt += 1
                guard attempt < 20, text.contains("locked") || text.contains("busy") else { throw error }
                usleep(useconds_t(5_000 + Int.random(in: 0...20_000)))
            }
        }
    }
}
