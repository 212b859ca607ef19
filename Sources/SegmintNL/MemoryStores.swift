import Foundation
import SegmintStore

/// Opening the memory store named by `--memory`.
public enum MemoryStores {
    /// `postgres://…` (PostgreSQL), `sqlite:PATH` or a plain path (SQLite), `none` (this run only).
    public static func open(_ url: String) throws -> MemoryStore {
        if url == "none" { return InMemoryStore() }
        return try SQLMemoryStore(database: try DatabaseURL.open(url, create: true))
    }

    /// `$SEGMINT_HOME/memory.sqlite`, else `~/.segmint/memory.sqlite` (the directory is created).
    public static func defaultURL() -> String {
        let env = ProcessInfo.processInfo.environment
        let home = env["SEGMINT_HOME"] ?? ((env["HOME"] ?? NSTemporaryDirectory()) as NSString).appendingPathComponent(".segmint")
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        return (home as NSString).appendingPathComponent("memory.sqlite")
    }
}
