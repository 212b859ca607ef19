import XCTest
import SegmintCore
@testable import SegmintSQL

/// How each dialect spells the leaves: quoting, escaping, booleans, dates.
final class SpellingTests: XCTestCase {
    func testIdentifierQuotingEscapesTheQuoteCharacter() {
        XCTAssertEqual(Dialect.postgres.rules.identifier("a\"b"), "\"a\"\"b\"")
        XCTAssertEqual(Dialect.snowflake.rules.identifier("x"), "\"x\"")
        XCTAssertEqual(Dialect.bigquery.rules.identifier("a`b\\c"), "`a\\`b\\\\c`")
        XCTAssertEqual(Dialect.spark.rules.identifier("a`b"), "`a``b`")
        XCTAssertEqual(Dialect.trino.rules.table("analytics.orders"), "\"analytics\".\"orders\"")
    }

    func testStandardStringsDoubleQuotesAndKeepBackslashes() throws {
        for d in [Dialect.sqlite, .duckdb, .trino] {
            XCTAssertEqual(try d.rules.string("it's \\ %_"), "'it''s \\ %_'", "\(d)")
            XCTAssertEqual(try d.rules.string("a\nb"), "'a\nb'", "\(d)")
        }
        XCTAssertEqual(try Dialect.postgres.rules.string("it's"), "'it''s'")
        XCTAssertEqual(try Dialect.postgres.rules.string("a\\b'"), "E'a\\\\b'''")
    }

    func testBackslashDialectsEscapeEverythingSpecial() throws {
        for d in [Dialect.bigquery, .snowflake, .spark] {
            XCTAssertEqual(try d.rules.string("it's \\ \"x\"\n\t\u{1}é😀"), "'it\\'s \\\\ \"x\"\\n\\t\\u0001é😀'", "\(d)")
            XCTAssertEqual(try d.rules.string("''"), "'\\'\\''", "\(d) must not rely on doubled quotes")
        }
    }

    func testNULIsADiagnosticExceptInSQLite() throws {
        XCTAssertEqual(try Dialect.sqlite.rules.string("a\u{0}b"), "('a' || char(0) || 'b')")
        for d in Dialect.allCases where d != .sqlite {
            XCTAssertThrowsError(try d.rules.string("a\u{0}b"), "\(d)")
        }
        let s = seg("nul", include: [f("city", .compare(.eq, .string("x\u{0}y")))])
        XCTAssertThrowsError(try sql(s, dialect: .postgres)) { e in
            XCTAssertTrue("\(e)".contains("NUL"), "\(e)")
        }
        XCTAssertNoThrow(try sql(s, dialect: .sqlite))
    }

    func testBooleansAndDates() {
        XCTAssertEqual(Dialect.sqlite.rules.boolean(true), "1")
        XCTAssertEqual(Dialect.postgres.rules.boolean(false), "FALSE")
        XCTAssertEqual(Dialect.sqlite.rules.timestamp(d("2026-03-01")), "'2026-03-01 00:00:00'")
        XCTAssertEqual(Dialect.bigquery.rules.date(d("2026-03-01")), "DATE '2026-03-01'")
    }

    func testEveryDialectHasARelativeMonthSpelling() {
        for dialect in Dialect.allCases {
            let s = dialect.rules.today(plusDays: 1, minusMonths: 3, asTimestamp: false)
            XCTAssertTrue(s.contains("3"), "\(dialect): \(s)")
        }
    }
}

final class CombiningMarkTests: XCTestCase {
    /// A quote followed by a combining mark is one Swift Character but two scalars to a SQL
    /// lexer: the quote must still be escaped.
    func testQuoteWithCombiningMarkIsEscaped() throws {
        let s = "x'\u{301} OR 1=1 --"
        XCTAssertEqual(try Dialect.postgres.rules.string(s), "'x''\u{301} OR 1=1 --'")
        XCTAssertEqual(try Dialect.bigquery.rules.string(s), "'x\\'\u{301} OR 1=1 --'")
        XCTAssertEqual(Dialect.spark.rules.identifier("a`\u{301}"), "`a``\u{301}`")
        XCTAssertEqual(Dialect.sqlite.rules.identifier("a\"\u{301}"), "\"a\"\"\u{301}\"")
    }
}
