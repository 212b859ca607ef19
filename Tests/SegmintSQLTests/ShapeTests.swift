import XCTest
import SegmintCore
import SegmintCheck
@testable import SegmintSQL

/// The statement's shape and the guarantees §6 makes about it.
final class ShapeTests: XCTestCase {
    static let lapsed = seg("lapsed_outdoor", asOf: "2026-03-01", include: [
        f("state", .inList(negated: false, [.string("CA"), .string("OR"), .string("WA")])),
        f("lifetime_spend", .compare(.ge, .int(500))),
        has("purchase", where: [("category", .compare(.eq, .string("Outdoor")))], during: .last(2, .year), .count, .compare(.ge, "2")),
        .any([f("loyalty_tier", .compare(.ge, .string("gold"))), .inSegment("readers")]),
    ], exclude: [
        has("purchase", during: .last(180, .day)),
        f("email_opt_out", .compare(.eq, .bool(true))),
    ])
    static let readers = seg("readers", include: [has("support_ticket", where: [("topic", .compare(.eq, .string("product")))])])

    func testHeaderAndKeysStatement() throws {
        let text = try sql(Self.lapsed, [Self.readers])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(Array(lines.prefix(4)), ["-- segment: lapsed_outdoor", "-- catalog: retail@3", "-- dialect: postgres", "-- as of: 2026-03-01"])
        XCTAssertEqual(lines[4], "SELECT DISTINCT e.\"customer_id\"")
        XCTAssertTrue(text.hasSuffix("ORDER BY e.\"customer_id\"\n"))
        // Ordered enum: gold and above; pinned windows are literal timestamps.
        XCTAssertTrue(text.contains("e.\"loyalty_tier\" IN ('gold', 'platinum')"), text)
        XCTAssertTrue(text.contains("ev.\"ordered_at\" >= TIMESTAMP '2024-03-02 00:00:00' AND ev.\"ordered_at\" < TIMESTAMP '2026-03-02 00:00:00'"), text)
        XCTAssertTrue(text.contains("ev.\"ordered_at\" >= TIMESTAMP '2025-09-03 00:00:00'"), text)
        XCTAssertFalse(text.contains(";"))
    }

    func testReferencedSegmentKeepsItsOwnAsOf() throws {
        let inner = seg("inner", asOf: "2026-01-31", include: [has("purchase", during: .last(1, .month))])
        let outer = seg("outer", asOf: "2026-03-31", include: [.inSegment("inner"), has("purchase", during: .last(1, .month))])
        let text = try sql(outer, [inner])
        // inner: D+1 = 2026-02-01, minus a month = 2026-01-01; outer: 2026-04-01 - 1 month = 2026-03-01.
        XCTAssertTrue(text.contains("TIMESTAMP '2026-01-01 00:00:00'"), text)
        XCTAssertTrue(text.contains("TIMESTAMP '2026-03-01 00:00:00'"), text)
        let relativeInner = seg("inner", include: [has("purchase", during: .last(7, .day))])
        let text2 = try sql(outer, [relativeInner], asOf: "2026-05-10")
        XCTAssertTrue(text2.contains("TIMESTAMP '2026-05-04 00:00:00'"), "inner takes --as-of, not outer's as_of: \(text2)")
    }

    func testMonthWindowClampsAtMonthEnd() throws {
        let s = seg("m", asOf: "2026-03-30", include: [f("signup_date", .window(.last(1, .month)))])
        // D + 1 day = 2026-03-31; minus one month clamps to 2026-02-28.
        XCTAssertTrue(try sql(s).contains("WHERE e.\"created_at\" >= DATE '2026-02-28'\n  AND e.\"created_at\" < DATE '2026-03-31'\n"))
    }

    func testCountShape() throws {
        let text = try sql(Self.readers, count: true)
        XCTAssertTrue(text.contains("SELECT COUNT(*) AS \"count\"\nFROM (\nSELECT DISTINCT e.\"customer_id\""), text)
    }

    func testDeterministicBytes() throws {
        for dialect in Dialect.allCases {
            let a = try sql(Self.lapsed, [Self.readers], dialect: dialect)
            let b = try sql(Self.lapsed, [Self.readers], dialect: dialect)
            XCTAssertEqual(a, b)
        }
    }

    func testUnknownSegmentSuggests() {
        guard case .failure(let f) = SQLCompiler.compile(program([Self.readers]), segment: "reader", options: CompileOptions()) else {
            return XCTFail("expected failure")
        }
        XCTAssertEqual(f.diagnostics.first?.code, "E0501")
        XCTAssertEqual(f.diagnostics.first?.message, "no segment named \"reader\"")
        XCTAssertEqual(f.diagnostics.first?.help, "did you mean \"readers\"? segments: readers")
    }

    func testTheOnlySegmentNeedsNoName() throws {
        guard case .success(let sql) = SQLCompiler.compile(program([Self.readers]), segment: nil, options: CompileOptions()) else {
            return XCTFail("expected SQL")
        }
        XCTAssertTrue(sql.hasPrefix("-- segment: readers\n"), sql)
    }

    func testHeaderCannotBreakOutOfTheComment() throws {
        let s = seg("x\nDROP TABLE customers", include: nil)
        let text = try sql(s)
        XCTAssertTrue(text.hasPrefix("-- segment: x?DROP TABLE customers\n"))
    }

    func testNoIncludeMeansEveryEntity() throws {
        let text = try sql(seg("all", include: nil))
        XCTAssertFalse(text.contains("WHERE"))
        XCTAssertTrue(try sql(seg("none", include: [.any([])])).contains("WHERE FALSE"))
    }

    func testOverlapQuery() throws {
        let p = program([Self.lapsed, Self.readers])
        guard case .success(let text) = SQLCompiler.overlapQuery(p, segments: ["lapsed_outdoor", "readers"], options: CompileOptions(dialect: .postgres)) else {
            return XCTFail("overlap failed")
        }
        XCTAssertTrue(text.contains("SELECT \"m0\", \"m1\", COUNT(*) AS \"n\""), text)
        XCTAssertTrue(text.contains("WHERE \"m0\" = 1 OR \"m1\" = 1"), text)
        // The readers join is shared between the reference inside lapsed_outdoor and readers itself.
        XCTAssertEqual(text.components(separatedBy: "FROM \"support_tickets\"").count - 1, 1, text)
    }

    func testSQLiteWritesEventAggregatesAsCorrelatedSubqueries() throws {
        // SQLite's planner can scan a selective LEFT JOINed derived table once per entity
        // (minutes for an overlap on 100k customers); a correlated subquery seeks the key index.
        let p = program([Self.lapsed, Self.readers])
        guard case .success(let text) = SQLCompiler.overlapQuery(p, segments: ["lapsed_outdoor", "readers"], options: CompileOptions(dialect: .sqlite)) else {
            return XCTFail("overlap failed")
        }
        XCTAssertFalse(text.contains("LEFT JOIN"), text)
        XCTAssertTrue(text.contains("(SELECT COUNT(*) FROM \"support_tickets\" AS ev WHERE ev.\"customer_id\" = e.\"customer_id\""), text)
    }

    func testPrintExamples() throws {
        for dialect in Dialect.allCases {
            print(try sql(Self.lapsed, [Self.readers], dialect: dialect))
            print(try sql(seg("rel", include: [has("purchase", during: .last(3, .month)), f("signup_date", .window(.last(2, .week))), f("city", .contains("50%_o\\ff"))]), dialect: dialect))
        }
    }
}
