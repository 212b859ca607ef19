import XCTest
import SegmintCore

/// Temporary files for tests, and the repository root (for `catalogs/retail.yaml`).
enum TestFiles {
    static let repoRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)   // Tests/SegmintStoreTests/TestFiles.swift
        return parts.joined(separator: "/")
    }()

    static var retailCatalog: String { repoRoot + "/catalogs/retail.yaml" }

    static func temp(_ tag: String, _ ext: String) -> String {
        NSTemporaryDirectory() + "segmint-\(tag)-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).\(ext)"
    }

    /// Writes `text` to a new temporary file and returns its path.
    static func write(_ text: String, tag: String, ext: String) throws -> String {
        let p = temp(tag, ext)
        try AtomicFile.write(text, to: p)
        return p
    }
}
