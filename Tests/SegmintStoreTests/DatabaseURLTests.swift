import XCTest
@testable import SegmintStore

final class DatabaseURLTests: XCTestCase {
    func testPlainPathsAndSqlitePrefixAreSQLite() throws {
        XCTAssertEqual(try DatabaseURL.parse("demo.db"), .sqlite(path: "demo.db"))
        XCTAssertEqual(try DatabaseURL.parse("/tmp/x.sqlite"), .sqlite(path: "/tmp/x.sqlite"))
        XCTAssertEqual(try DatabaseURL.parse("sqlite:demo.db"), .sqlite(path: "demo.db"))
        XCTAssertEqual(try DatabaseURL.parse("sqlite:///tmp/a.db"), .sqlite(path: "/tmp/a.db"))
        XCTAssertEqual(try DatabaseURL.parse(":memory:"), .sqlite(path: ":memory:"))
        XCTAssertEqual(try DatabaseURL.parse("  demo.db "), .sqlite(path: "demo.db"))
    }

    func testPostgresURLs() throws {
        XCTAssertEqual(try DatabaseURL.parse("postgres://bob:secret@127.0.0.1:5544/shop?sslmode=disable"),
                       .postgres(url: "postgres://bob:secret@127.0.0.1:5544/shop?sslmode=disable", host: "127.0.0.1", port: 5544, user: "bob", database: "shop"))
        XCTAssertEqual(try DatabaseURL.parse("postgresql://db.example"),
                       .postgres(url: "postgresql://db.example", host: "db.example", port: 5432, user: nil, database: nil))
        XCTAssertEqual(try DatabaseURL.parse("postgres://[::1]:6000/x"),
                       .postgres(url: "postgres://[::1]:6000/x", host: "::1", port: 6000, user: nil, database: "x"))
    }

    func testDisplayNameNeverShowsThePassword() throws {
        let t = try DatabaseURL.parse("postgres://bob:hunter2@127.0.0.1:5544/shop")
        XCTAssertEqual(t.displayName, "postgres://bob@127.0.0.1:5544/shop")
        XCTAssertFalse(t.displayName.contains("hunter2"))
    }

    func testBadURLs() {
        for bad in ["", "   ", "mysql://localhost/x", "postgres://h:notaport/db", "postgres://h:99999/db", "postgres://[::1/x", "sqlite:", "a\0b", "postgres:/x/y", "postgresql:db"] {
            XCTAssertThrowsError(try DatabaseURL.parse(bad), bad) { e in
                XCTAssertEqual((e as? DatabaseError)?.kind, .badURL, bad)
                XCTAssertFalse((e as? DatabaseError)?.message.isEmpty ?? true)
            }
        }
        XCTAssertThrowsError(try DatabaseURL.parse("mysql://localhost/x")) { e in
            XCTAssertTrue((e as? DatabaseError)?.message.contains("\"mysql\"") == true)
        }
    }

    func testOpenDispatchesOnTheScheme() throws {
        let db = try DatabaseURL.open(":memory:")
        XCTAssertEqual(db.dialectName, "sqlite")
        XCTAssertEqual(try db.query("SELECT 1 + 1").rows, [["2"]])
        XCTAssertThrowsError(try DatabaseURL.open("oracle://x/y")) { e in
            XCTAssertEqual((e as? DatabaseError)?.kind, .badURL)
        }
    }
}
