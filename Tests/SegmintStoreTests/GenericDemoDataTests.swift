import XCTest
import SegmintCore
import SegmintCatalog
import SegmintDriver
@testable import SegmintStore
@testable import SegmintDemo

/// The generic demo generator on the held-out catalogs (bank, game, iot) and the second
/// domain (saas): every catalog column present, counts, types, NULLs, determinism, and the
/// golden sets' reference segments running on the data. Every check is computed by SQLite
/// over the written rows.
final class GenericDemoDataTests: XCTestCase {
    static let asOf = CivilDate(year: 2026, month: 3, day: 1)!
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let heldOut = ["bank", "game", "iot"]

    func catalogPath(_ name: String) -> String { Self.root + "/catalogs/\(name).yaml" }

    func catalog(_ name: String) throws -> Catalog {
        let loaded = CatalogLoader.load(path: catalogPath(name), sources: SourceMap())
        // The catalogs in this repository load cleanly: no error and no warning.
        XCTAssertTrue(loaded.diagnostics.isEmpty, "\(name): \(loaded.diagnostics)")
        return try XCTUnwrap(loaded.catalog)
    }

    func tempPath(_ tag: String) -> String {
        NSTemporaryDirectory() + "segmint-gdemo-\(tag)-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).db"
    }

    func write(_ name: String, customers: Int = 1500, seed: UInt64 = 7) throws -> (String, DemoSummary) {
        let p = tempPath(name)
        let s = try DemoData.writeSQLite(path: p, catalog: try catalog(name), options: DemoOptions(customers: customers, seed: seed, asOf: Self.asOf))
        return (p, s)
    }

    func scalar(_ db: SQLiteDatabase, _ sql: String) throws -> String {
        try db.query(sql).rows.first?.first.flatMap { $0 } ?? "NULL"
    }

    func q(_ name: String) -> String { SQLText.quoteTableName(name) }
    func c(_ name: String) -> String { SQLText.quoteIdentifier(name) }

    func testAutoPicksTheNamedGeneratorOnlyForRetailLikeCatalogs() throws {
        XCTAssertEqual(DemoGeneratorChoice.auto.resolve(for: try catalog("retail")), .named)
        for name in Self.heldOut + ["saas"] {
            XCTAssertEqual(DemoGeneratorChoice.auto.resolve(for: try catalog(name)), .generic, name)
        }
        XCTAssertEqual(DemoGeneratorChoice.generic.resolve(for: try catalog("retail")), .generic)
    }

    func testEveryCatalogColumnIsPresentAndCountsMatch() throws {
        for name in Self.heldOut + ["saas"] {
            let cat = try catalog(name)
            let (p, summary) = try write(name, customers: 300)
            defer { unlink(p) }
            let db = try SQLiteDatabase(path: p, create: false)
            XCTAssertEqual(summary.tables.map(\.name), [cat.entity.table] + cat.events.map(\.table))
            for t in summary.tables {
                XCTAssertEqual(try scalar(db, "SELECT count(*) FROM \(q(t.name))"), String(t.rows), "\(name).\(t.name)")
            }
            XCTAssertEqual(summary.tables.first?.rows, 300)
            let entityColumns = try db.query("SELECT * FROM \(q(cat.entity.table)) LIMIT 0").columns
            XCTAssertEqual(Set(entityColumns), Set([cat.entity.key] + cat.facets.map(\.column)), name)
            for e in cat.events {
                let cols = try db.query("SELECT * FROM \(q(e.table)) LIMIT 0").columns
                XCTAssertEqual(Set(cols), Set([e.key, e.time] + e.fields.map(\.column)), "\(name).\(e.name)")
                XCTAssertGreaterThan(summary.tables.first { $0.name == e.table }?.rows ?? 0, 0, "\(name).\(e.name) has rows")
            }
        }
    }

    func testSameSeedSameRowsOtherSeedDiffersAndAnEntityDoesNotDependOnTheCount() throws {
        let (a, _) = try write("iot", customers: 200, seed: 5)
        let (b, _) = try write("iot", customers: 200, seed: 5)
        let (c, _) = try write("iot", customers: 200, seed: 6)
        let (big, _) = try write("iot", customers: 400, seed: 5)
        defer { for p in [a, b, c, big] { unlink(p) } }
        func dump(_ p: String, _ sql: String) throws -> [[String?]] { try SQLiteDatabase(path: p, create: false).query(sql).rows }
        let devices = "SELECT * FROM devices ORDER BY device_id"
        let alerts = "SELECT * FROM device_alerts ORDER BY device_id, raised_at, severity, alert_code"
        XCTAssertEqual(try dump(a, devices), try dump(b, devices))
        XCTAssertEqual(try dump(a, alerts), try dump(b, alerts))
        XCTAssertNotEqual(try dump(a, devices), try dump(c, devices))
        XCTAssertEqual(try dump(a, devices), try dump(big, "SELECT * FROM devices WHERE device_id <= 200 ORDER BY device_id"))
        XCTAssertEqual(try dump(a, alerts), try dump(big, "SELECT * FROM device_alerts WHERE device_id <= 200 ORDER BY device_id, raised_at, severity, alert_code"))
    }

    /// Types, enumerated values, model scores, units, NULLs and dates, facet by facet.
    func testValuesFollowTheCatalog() throws {
        for name in Self.heldOut {
            let cat = try catalog(name)
            let (p, _) = try write(name)
            defer { unlink(p) }
            let db = try SQLiteDatabase(path: p, create: false)
            let table = q(cat.entity.table)
            for f in cat.facets {
                let col = c(f.column), what = "\(name).\(f.name)"
                let nulls = Int(try scalar(db, "SELECT count(*) FROM \(table) WHERE \(col) IS NULL")) ?? -1
                if f.nullable { XCTAssertGreaterThan(nulls, 0, "\(what) sometimes unknown") } else { XCTAssertEqual(nulls, 0, what) }
                let present = "FROM \(table) WHERE \(col) IS NOT NULL"
                if let values = f.values {
                    let list = values.map { "'\($0)'" }.joined(separator: ", ")
                    XCTAssertEqual(try scalar(db, "SELECT count(*) \(present) AND \(col) NOT IN (\(list))"), "0", what)
                    XCTAssertEqual(try scalar(db, "SELECT count(DISTINCT \(col)) \(present)"), String(values.count), "\(what): every value occurs")
                    if f.ordered, let low = values.first, let top = values.last {
                        XCTAssertGreaterThan(Int(try scalar(db, "SELECT count(*) \(present) AND \(col) = '\(low)'")) ?? 0,
                                             Int(try scalar(db, "SELECT count(*) \(present) AND \(col) = '\(top)'")) ?? 0, "\(what) thins out to the top")
                    }
                    continue
                }
                switch f.type {
                case .bool:
                    XCTAssertEqual(try scalar(db, "SELECT group_concat(DISTINCT \(col)) FROM (SELECT \(col) \(present) ORDER BY 1)"), "0,1", what)
                case .int:
                    XCTAssertEqual(try scalar(db, "SELECT group_concat(DISTINCT typeof(\(col))) \(present)"), "integer", what)
                case .decimal where f.isModelScore:
                    XCTAssertEqual(try scalar(db, "SELECT min(\(col)) >= 0 AND max(\(col)) <= 1 AND max(\(col)) > 0.9 \(present)"), "1", what)
                case .decimal where f.unit == "percent":
                    XCTAssertEqual(try scalar(db, "SELECT min(\(col)) >= 0 AND max(\(col)) <= 100 \(present)"), "1", what)
                case .date:
                    XCTAssertEqual(try scalar(db, "SELECT count(*) \(present) AND date(\(col)) IS NOT \(col)"), "0", "\(what) is YYYY-MM-DD")
                case .timestamp:
                    XCTAssertEqual(try scalar(db, "SELECT count(*) \(present) AND (datetime(\(col)) IS NOT \(col) OR \(col) > '2026-03-01 23:59:59')"), "0", what)
                default:
                    break
                }
            }
            // The first date facet that is never missing is each entity's start: on or before the
            // reference date, and no event of the entity happens before it.
            let start = try XCTUnwrap(cat.facets.first { $0.type == .date && !$0.nullable })
            XCTAssertEqual(try scalar(db, "SELECT max(\(c(start.column))) <= '2026-03-01' FROM \(table)"), "1", name)
            for e in cat.events {
                let early = """
                    SELECT count(*) FROM \(q(e.table)) ev JOIN \(table) en ON en.\(c(cat.entity.key)) = ev.\(c(e.key))
                    WHERE date(ev.\(c(e.time))) < en.\(c(start.column)) OR date(ev.\(c(e.time))) > '2026-03-01'
                    """
                XCTAssertEqual(try scalar(db, early), "0", "\(name).\(e.name) within the entity's life")
            }
        }
    }

    /// Every hand-written reference of the held-out golden sets compiles for SQLite and runs on
    /// the data its suite generates; nearly all of them select someone.
    func testGoldenReferencesRunOnTheGeneratedData() throws {
        for name in Self.heldOut {
            let (p, _) = try write(name, customers: 3000, seed: 7)
            defer { unlink(p) }
            let db = try SQLiteDatabase(path: p, create: false)
            let casesDir = Self.root + "/golden/nl-\(name)/cases"
            let refs = try FileManager.default.contentsOfDirectory(atPath: casesDir).sorted()
                .map { casesDir + "/" + $0 + "/reference.seg" }.filter { FileManager.default.fileExists(atPath: $0) }
            XCTAssertGreaterThanOrEqual(refs.count, 30, name)
            var empty = 0
            for ref in refs {
                let sql = runCompile(paths: [ref], catalogPath: catalogPath(name), segment: nil, dialect: "sqlite", asOf: "2026-03-01", count: true)
                XCTAssertEqual(sql.exitCode, 0, "\(ref): \(sql.stderr)")
                let n = Int(try scalar(db, sql.stdout)) ?? -1
                XCTAssertGreaterThanOrEqual(n, 0, ref)
                if n == 0 { empty += 1 }
            }
            XCTAssertLessThanOrEqual(empty, 3, "\(name): references selecting nobody")
        }
    }
}
