import XCTest
import Foundation
@testable import SegmintNL

final class MemoryStoreTests: XCTestCase {
    var dir: String = ""
    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "segmint-nl-mem-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func exercise(_ open: () throws -> MemoryStore) throws {
        let a = try open()
        try a.remember(tenant: "retail", user: "ana", key: "window:recently", value: "last 30 days")
        try a.remember(tenant: "retail", user: "ana", key: "window:recently", value: "last 14 days")  // replaces
        try a.remember(tenant: "retail", user: "bo", key: "number:high-value", value: ">= 1000")
        try a.remember(tenant: "travel", user: "ana", key: "window:recently", value: "last 7 days")
        // A second store on the same database sees the answers: reuse across runs.
        let b = try open()
        XCTAssertEqual(try b.answers(tenant: "retail", user: "ana"), ["window:recently": "last 14 days"])
        XCTAssertEqual(try b.answers(tenant: "travel", user: "ana"), ["window:recently": "last 7 days"])
        XCTAssertEqual(try b.answers(tenant: "other", user: "ana"), [:])
        XCTAssertEqual(try b.list(tenant: "retail", user: nil).map { "\($0.user) \($0.key)=\($0.value)" },
                       ["ana window:recently=last 14 days", "bo number:high-value=>= 1000"])
        XCTAssertEqual(try b.forget(tenant: "retail", user: "ana", key: "WINDOW:recently"), 1)
        XCTAssertEqual(try b.answers(tenant: "retail", user: "ana"), [:])
        XCTAssertEqual(try b.answers(tenant: "travel", user: "ana").count, 1)  // other tenant untouched
        XCTAssertEqual(try b.forget(tenant: "retail", user: "bo", key: nil), 1)
    }

    func testSQLiteStore() throws {
        let path = dir + "/memory.sqlite"
        try exercise { try MemoryStores.open(path) }
    }

    func testInMemoryStore() throws {
        let s = InMemoryStore()
        try exercise { s }
    }

    func testPostgresStore() throws {
        guard let url = ProcessInfo.processInfo.environment["SEGMINT_TEST_PG"], !url.isEmpty else {
            throw XCTSkip("SEGMINT_TEST_PG not set (eval \"$(scripts/pg_test_server.sh start)\")")
        }
        // Start clean: the table may hold rows from an earlier run of this test.
        let s = try MemoryStores.open(url)
        for t in ["retail", "travel"] { for u in ["ana", "bo"] { _ = try s.forget(tenant: t, user: u, key: nil) } }
        try exercise { try MemoryStores.open(url) }
    }

    func testBadURLIsAClearError() {
        XCTAssertThrowsError(try MemoryStores.open("mysql://x")) { e in
            XCTAssertTrue("\(e)".contains("unsupported database URL scheme"), "\(e)")
        }
    }
}
