import XCTest
import SegmintStore
@testable import SegmintDriver

/// Spec §3: without a pinned as-of the SQL is relative to the warehouse's current date. The
/// relative SQL, evaluated as if today were D (its `CURRENT_DATE` replaced by D), must give the
/// same keys as the hand-derived table at D = 2026-03-30, and the same keys as the SQL pinned
/// at other D around month ends and leap days (where calendar-month clamping matters).
final class ConformanceRelativeTests: ConformanceCase {
    func relativeSQL(_ body: String, dialect: String) throws -> String {
        let p = try file("rel\(UInt32.random(in: 0...UInt32.max)).seg", "segment s { include { \(body) } }")
        let out = runCompile(paths: [p], catalogPath: Conformance.saas, segment: nil, dialect: dialect, asOf: nil, count: false)
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("-- as of: current date"), out.stdout)
        return out.stdout
    }

    func sqliteKeys(_ sql: String) throws -> Set<String> {
        let db = try SQLiteDatabase(path: try Conformance.databasePath(), readOnly: true, create: false)
        defer { db.close() }
        return Set(try db.query(sql).rows.compactMap { $0.first ?? nil })
    }

    static let relativeBodies = [
        "has invoice during last 1 day", "has invoice during last 30 days", "has invoice during last 1 month",
        "has invoice during last 2 months count >= 1", "has invoice during last 1 year count >= 2",
        "has login during last 1 month", "has login during last 1 week", "has login during last 3 months",
        "signup_day during last 1 month", "last_seen_at during last 1 month", "last_seen_at during last 1 day",
        "not has invoice during last 1 month", "has invoice during last 13 months count = 4",
    ]

    func testRelativeSQLMatchesHandDerivedTableOnSQLite() throws {
        for (body, expected) in Conformance.crossDatabaseCases {
            let sql = try relativeSQL(body, dialect: "sqlite").replacingOccurrences(of: "CURRENT_DATE", with: "'2026-03-30'")
            XCTAssertEqual(try sqliteKeys(sql), expected, body)
        }
    }

    func testRelativeSQLMatchesPinnedSQLAroundMonthEndsOnSQLite() throws {
        let days = ["2026-03-30", "2026-03-31", "2026-02-27", "2026-02-28", "2025-12-30", "2025-12-31",
                    "2026-04-29", "2026-04-30", "2026-01-31", "2025-06-29", "2024-02-29", "2027-02-28"]
        for body in Self.relativeBodies {
            let relative = try relativeSQL(body, dialect: "sqlite")
            for d in days {
                let pinned = try keys("segment s { include { \(body) } }", asOf: d)
                let shifted = try sqliteKeys(relative.replacingOccurrences(of: "CURRENT_DATE", with: "'\(d)'"))
                XCTAssertEqual(shifted, pinned, "\(body) at \(d)")
            }
        }
        // Hand-derived spot checks at month ends (D + 1 day, minus calendar months, clamped):
        // D = 2026-03-31: last 1 month = 2026-03-01 .. 2026-03-31 → a1 (03-30), a2 (03-31), a5 (03-01)
        XCTAssertEqual(try keys("segment s { include { has invoice during last 1 month } }", asOf: "2026-03-31"), ["a1", "a2", "a5"])
        // D = 2026-02-27: last 1 month = 2026-01-28 .. 2026-02-27 → a3 (02-27)
        XCTAssertEqual(try keys("segment s { include { has invoice during last 1 month } }", asOf: "2026-02-27"), ["a3"])
        // D = 2025-12-30: last 1 month = 2025-11-30 .. 2025-12-30 → nobody; 2025-12-31 → a4's login at 23:59:59
        XCTAssertEqual(try keys("segment s { include { has login during last 1 month } }", asOf: "2025-12-30"), [])
        XCTAssertEqual(try keys("segment s { include { has login during last 1 month } }", asOf: "2025-12-31"), ["a4"])
        // D = 2026-06-29: last 1 year = 2025-06-30 .. 2026-06-29 → every invoice but none later
        XCTAssertEqual(try keys("segment s { include { has invoice during last 1 year count = 4 } }", asOf: "2026-06-29"), ["a1"])
        XCTAssertEqual(try keys("segment s { include { has invoice during last 1 year count = 3 } }", asOf: "2026-06-30"), ["a1"])
    }

    func testRelativeSQLOnDuckDB() throws {
        var queries: [String] = [], expected: [Set<String>] = [], labels: [String] = []
        for (body, want) in Conformance.crossDatabaseCases {
            queries.append(try relativeSQL(body, dialect: "duckdb").replacingOccurrences(of: "CURRENT_DATE", with: "DATE '2026-03-30'"))
            expected.append(want); labels.append(body)
        }
        for body in Self.relativeBodies {
            for d in ["2026-03-31", "2026-02-27", "2025-12-31", "2024-02-29"] {
                queries.append(try relativeSQL(body, dialect: "duckdb").replacingOccurrences(of: "CURRENT_DATE", with: "DATE '\(d)'"))
                expected.append(try keys("segment s { include { \(body) } }", asOf: d)); labels.append("\(body) at \(d)")
            }
        }
        let answers = try oracle(["op": "duckdb", "fixture": Conformance.fixtures + "/saas.sql", "queries": queries])
        XCTAssertEqual(answers.count, queries.count)
        for ((label, want), a) in zip(zip(labels, expected), answers) {
            if let k = a["keys"] as? [String] { XCTAssertEqual(Set(k), want, label) } else { XCTFail("\(label): \(a["error"] ?? "?")") }
        }
    }
}
