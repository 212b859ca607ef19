import XCTest
import SegmintStore
@testable import SegmintDriver

/// Spec §3/§4 fiscal windows under other fiscal calendars: the SaaS catalog with its
/// `fiscal_year` line replaced, executed on the same hand-made rows.
final class ConformanceFiscalTests: ConformanceCase {
    /// Keys of `include { body }` with the catalog's fiscal_year set to `fiscal` (nil: no line).
    func fiscalKeys(_ fiscal: String?, _ body: String) throws -> Set<String> {
        let yaml = try String(contentsOfFile: Conformance.saas, encoding: .utf8)
        let line = "fiscal_year: {start_month: 7, named_by: start}"
        XCTAssertTrue(yaml.contains(line))
        let cat = try file("fiscal.yaml", yaml.replacingOccurrences(of: line, with: fiscal ?? ""))
        let seg = try file("f.seg", include(body))
        let out = runCompile(paths: [seg], catalogPath: cat, segment: nil, dialect: "sqlite", asOf: nil, count: false)
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        let db = try SQLiteDatabase(path: try Conformance.databasePath(), readOnly: true, create: false)
        defer { db.close() }
        return Set(try db.query(out.stdout).rows.compactMap { $0.first ?? nil })
    }

    // start_month 2, named_by end (the retail calendar): FY2026 = 2025-02-01 .. 2026-01-31
    func testStartMonth2NamedByEnd() throws {
        let f = "fiscal_year: {start_month: 2, named_by: end}"
        XCTAssertEqual(try fiscalKeys(f, "has invoice during fiscal_year 2026"), ["a1", "a4"])
        XCTAssertEqual(try fiscalKeys(f, "has invoice during fiscal_year 2027"), ["a1", "a2", "a3", "a5"])
        XCTAssertEqual(try fiscalKeys(f, "has invoice during fiscal_quarter 2026 Q1"), [])
        XCTAssertEqual(try fiscalKeys(f, "has invoice during fiscal_quarter 2026 Q2 count = 2"), ["a1"])
        XCTAssertEqual(try fiscalKeys(f, "has invoice during fiscal_quarter 2026 Q4"), ["a4"])
        XCTAssertEqual(try fiscalKeys(f, "has login during fiscal_quarter 2026 Q4"), ["a4", "a5"])
        XCTAssertEqual(try fiscalKeys(f, "has login during fiscal_quarter 2027 Q1"), ["a1", "a2", "a3"])
    }

    // No fiscal_year line: calendar years, named by the year (start_month 1)
    func testDefaultCalendarYears() throws {
        XCTAssertEqual(try fiscalKeys(nil, "has invoice during fiscal_year 2025"), ["a1"])
        XCTAssertEqual(try fiscalKeys(nil, "has invoice during fiscal_year 2026"), ["a1", "a2", "a3", "a4", "a5"])
        XCTAssertEqual(try fiscalKeys(nil, "has invoice during fiscal_quarter 2026 Q1"), ["a1", "a2", "a3", "a4", "a5"])
        XCTAssertEqual(try fiscalKeys(nil, "has invoice during fiscal_quarter 2025 Q2"), ["a1"])
        XCTAssertEqual(try fiscalKeys(nil, "has invoice during fiscal_quarter 2025 Q3 count = 1"), ["a1"])
        XCTAssertEqual(try fiscalKeys(nil, "has login during fiscal_quarter 2025 Q4"), ["a4"])
        XCTAssertEqual(try fiscalKeys("fiscal_year: {start_month: 1, named_by: start}", "has login during fiscal_quarter 2025 Q4"), ["a4"])
    }

    // start_month 12: a fiscal year spanning two calendar years, both namings
    func testStartMonth12BothNamings() throws {
        let start = "fiscal_year: {start_month: 12, named_by: start}", end = "fiscal_year: {start_month: 12, named_by: end}"
        XCTAssertEqual(try fiscalKeys(start, "has invoice during fiscal_year 2025"), ["a1", "a2", "a3", "a4", "a5"])
        XCTAssertEqual(try fiscalKeys(end, "has invoice during fiscal_year 2026"), ["a1", "a2", "a3", "a4", "a5"])
        XCTAssertEqual(try fiscalKeys(start, "has invoice during fiscal_year 2024"), ["a1"])
        XCTAssertEqual(try fiscalKeys(end, "has invoice during fiscal_year 2025"), ["a1"])
        // Q1 = 2025-12-01 .. 2026-02-28; Q2 = 2026-03-01 .. 2026-05-31
        XCTAssertEqual(try fiscalKeys(start, "has invoice during fiscal_quarter 2025 Q1"), ["a1", "a3", "a4"])
        XCTAssertEqual(try fiscalKeys(end, "has invoice during fiscal_quarter 2026 Q2"), ["a1", "a2", "a5"])
        XCTAssertEqual(try fiscalKeys(start, "last_seen_at during fiscal_quarter 2025 Q1"), ["a4", "a5"])
    }
}

/// A catalog written from the spec alone has no `time_type` (our extension): the invoice time is
/// then "timestamp", while SQLite holds plain `YYYY-MM-DD` text in it. Windows must still count
/// an event on the first day and leave out one on the day after the window (spec §3: date or
/// timestamp t), as PostgreSQL and DuckDB do with a DATE column.
final class ConformanceSpecOnlyCatalogTests: ConformanceCase {
    func testDateTextInATimestampTypedEventTimeOnSQLite() throws {
        let yaml = try String(contentsOfFile: Conformance.saas, encoding: .utf8)
            .replacingOccurrences(of: "    time_type: date\n", with: "")
        XCTAssertFalse(yaml.contains("time_type: date"))
        let cat = try file("spec-only.yaml", yaml)
        let db = try SQLiteDatabase(path: try Conformance.databasePath(), readOnly: true, create: false)
        defer { db.close() }
        func run(_ body: String) throws -> Set<String> {
            let seg = try file("so.seg", include(body))
            let out = runCompile(paths: [seg], catalogPath: cat, segment: nil, dialect: "sqlite", asOf: nil, count: false)
            XCTAssertEqual(out.exitCode, 0, out.stderr)
            return Set(try db.query(out.stdout).rows.compactMap { $0.first ?? nil })
        }
        XCTAssertEqual(try run("has invoice during last 30 days"), ["a1", "a5"])
        XCTAssertEqual(try run("has invoice during last 1 day"), ["a1"])
        XCTAssertEqual(try run("has invoice during last 1 month count >= 2"), ["a1", "a5"])
        XCTAssertEqual(try run("has invoice since 2026-03-31"), ["a2"])
        XCTAssertEqual(try run("has invoice before 2026-02-28"), ["a1", "a3", "a4"])
        XCTAssertEqual(try run("has invoice during 2026-02-28 to 2026-03-01"), ["a1", "a5"])
        XCTAssertEqual(try run("has invoice during fiscal_quarter 2025 Q1"), ["a1"])
        XCTAssertEqual(try run("has invoice during fiscal_year 2024"), ["a1"])
        // Relative SQL at D = 2026-03-30
        let seg = try file("rel.seg", "segment s { include { has invoice during last 30 days } }")
        let rel = runCompile(paths: [seg], catalogPath: cat, segment: nil, dialect: "sqlite", asOf: nil, count: false)
        let sql = rel.stdout.replacingOccurrences(of: "CURRENT_DATE", with: "'2026-03-30'")
        XCTAssertEqual(Set(try db.query(sql).rows.compactMap { $0.first ?? nil }), ["a1", "a5"])
    }
}
