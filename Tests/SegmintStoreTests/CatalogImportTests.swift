import XCTest
import SegmintCore
import SegmintCatalog
@testable import SegmintStore
@testable import SegmintDemo
@testable import SegmintCatalogImport
@testable import SegmintDriver

final class CatalogImportTests: XCTestCase {
    static let asOf = CivilDate(year: 2026, month: 3, day: 1)!

    func demoSQLite() throws -> String {
        let p = NSTemporaryDirectory() + "segmint-import-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).db"
        _ = try DemoData.writeSQLite(path: p, catalog: RetailFixture.catalog, options: DemoOptions(customers: 500, seed: 2, asOf: Self.asOf))
        return p
    }

    func testSQLiteDemoSchemaImportsWithTypesValuesAndEvents() throws {
        let p = try demoSQLite()
        defer { unlink(p) }
        let yaml = try CatalogImporter.importYAML(from: try SQLiteDatabase(path: p), entity: "customers", key: "customer_id")
        XCTAssertTrue(yaml.contains("entity: {name: \"customer\", table: \"customers\", key: \"customer_id\"}"), yaml)
        XCTAssertTrue(yaml.contains("- {name: \"created_at\", type: date, nullable: false}"), yaml)
        XCTAssertTrue(yaml.contains("- {name: \"last_login_at\", type: timestamp}"), yaml)
        XCTAssertTrue(yaml.contains("- {name: \"email_opt_out\", type: bool}"), yaml)
        XCTAssertTrue(yaml.contains("- {name: \"is_employee\", type: bool, nullable: false}"), yaml)
        XCTAssertTrue(yaml.contains("- {name: \"lifetime_spend\", type: decimal}"), yaml)
        XCTAssertTrue(yaml.contains("- {name: \"order_count\", type: int, nullable: false}"), yaml)
        XCTAssertTrue(yaml.contains("- {name: \"loyalty_tier\", type: string, values: [\"bronze\", \"gold\", \"platinum\", \"silver\"]}"), yaml)
        XCTAssertTrue(yaml.contains("- {name: \"country\", type: string, values: [\"CA\", \"MX\", \"US\"], nullable: false}"), yaml)
        // High-cardinality strings get no values.
        XCTAssertTrue(yaml.contains("- {name: \"postal_code\", type: string}"), yaml)
        XCTAssertTrue(yaml.contains("""
              - name: "order"
                table: "orders"
                key: "customer_id"
                time: "ordered_at"
                time_type: timestamp
            """), yaml)
        XCTAssertTrue(yaml.contains("time: \"opened_on\"\n    time_type: date"), yaml)
        XCTAssertTrue(yaml.contains("- {name: \"discount_code\", type: string, values: ["), yaml)
        XCTAssertTrue(yaml.contains("\"50%OFF\""), yaml)
    }

    func testReservedAndOddColumnNamesAreRenamedWithColumnKept() throws {
        let db = try SQLiteDatabase(path: ":memory:")
        try db.execute("""
            CREATE TABLE people (id INTEGER PRIMARY KEY, "count" INTEGER, "from" TEXT, "first name" TEXT, "2fa" INTEGER, blobby BLOB, "count_" TEXT);
            CREATE TABLE visits (id INTEGER, at TEXT, "where" TEXT);
            CREATE TABLE notes (id INTEGER, body TEXT);
            INSERT INTO people VALUES (1, 5, 'x', 'Ann', 3, x'00', 'a'), (2, 6, 'y', 'Bo', 4, x'01', 'b');
            INSERT INTO visits VALUES (1, '2026-01-01 10:00:00', 'home'), (1, '2026-01-02 11:00:00', 'home'), (2, '2026-01-03 12:00:00', 'work'), (2, '2026-01-03 12:00:00', 'work');
            """)
        let yaml = try CatalogImporter.importYAML(from: db, entity: "people", key: "id")
        XCTAssertTrue(yaml.contains("- {name: \"count_\", type: int, column: \"count\"}   # \"count\" is a reserved word"), yaml)
        XCTAssertTrue(yaml.contains("- {name: \"from_\", type: string, column: \"from\"}"), yaml)
        XCTAssertTrue(yaml.contains("- {name: \"first_name\", type: string, column: \"first name\"}"), yaml)
        XCTAssertTrue(yaml.contains("- {name: \"c_2fa\", type: int, column: \"2fa\"}"), yaml)
        XCTAssertTrue(yaml.contains("# skipped column blobby: type BLOB has no catalog type"), yaml)
        // "count_" is taken by the renamed "count", so the real column count_ gets another name.
        XCTAssertTrue(yaml.contains("- {name: \"count__\", type: string, column: \"count_\"}"), yaml)
        XCTAssertTrue(yaml.contains("- name: \"visit\""), yaml)
        XCTAssertTrue(yaml.contains("- {name: \"where_\", type: string, column: \"where\", values: [\"home\", \"work\"]}"), yaml)
        XCTAssertTrue(yaml.contains("# table notes holds id but has no date or timestamp column"), yaml)
    }

    func testMissingEntityTableOrKeyIsAClearError() throws {
        let db = try SQLiteDatabase(path: ":memory:")
        try db.execute("CREATE TABLE customers (customer_id INTEGER)")
        XCTAssertThrowsError(try CatalogImporter.importYAML(from: db, entity: "clients", key: "id")) { e in
            XCTAssertEqual((e as? DatabaseError)?.kind, .missingTable)
            XCTAssertTrue((e as? DatabaseError)?.message.contains("tables: customers") == true)
        }
        XCTAssertThrowsError(try CatalogImporter.importYAML(from: db, entity: "customers", key: "id")) { e in
            XCTAssertTrue((e as? DatabaseError)?.message.contains("no column \"id\"") == true)
        }
    }

    func testYAMLStringsAreEscaped() {
        XCTAssertEqual(CatalogImporter.yamlString("O'Brien \"x\" \\ yes: #"), "\"O'Brien \\\"x\\\" \\\\ yes: #\"")
        XCTAssertEqual(CatalogImporter.yamlString("a\nb\u{1}"), "\"a\\nb\\u0001\"")  // YAML accepts JSON escapes
        XCTAssertEqual(CatalogImporter.singular("categories"), "category")
        XCTAssertEqual(CatalogImporter.singular("address"), "address")
    }

    func testDriverWritesAtomicallyAndReportsErrors() throws {
        let p = try demoSQLite()
        let out = p + ".yaml"
        defer { unlink(p); unlink(out) }
        let r = runCatalogImport(db: "sqlite:" + p, entity: "customers", key: "customer_id", out: out)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("wrote \(out)"))
        let written = String(decoding: try FileInput.read(out), as: UTF8.self)
        XCTAssertTrue(written.hasPrefix("# Starter catalog imported"))
        let toStdout = runCatalogImport(db: p, entity: "customers", key: "customer_id")
        XCTAssertEqual(toStdout.stdout, written.replacingOccurrences(of: p, with: p))
        let missing = runCatalogImport(db: "/nonexistent/x.db", entity: "customers", key: "customer_id")
        XCTAssertEqual(missing.exitCode, 2)
        let unreachable = runCatalogImport(db: "postgres://u:secretpw@127.0.0.1:\(try closedPort())/x", entity: "customers", key: "customer_id")
        XCTAssertEqual(unreachable.exitCode, 2)
        XCTAssertTrue(unreachable.stderr.contains("cannot connect to PostgreSQL at 127.0.0.1:"), unreachable.stderr)
        XCTAssertFalse(unreachable.stderr.contains("secretpw"))
    }

    func testPostgresSchemaImports() throws {
        let s = try TestPostgres.Scratch()
        _ = try DemoData.write(to: s.url, catalog: RetailFixture.catalog, options: DemoOptions(customers: 300, seed: 2, asOf: Self.asOf))
        let pg = try s.open()
        try pg.execute("CREATE TABLE tags (customer_id bigint, label uuid, \"count\" integer, tagged_on date)")
        let yaml = try CatalogImporter.importYAML(from: pg, entity: "customers", key: "customer_id")
        XCTAssertTrue(yaml.contains("- {name: \"created_at\", type: date, nullable: false}"), yaml)
        XCTAssertTrue(yaml.contains("- {name: \"email_opt_out\", type: bool}"), yaml)
        XCTAssertTrue(yaml.contains("- {name: \"lifetime_spend\", type: decimal}"), yaml)
        XCTAssertTrue(yaml.contains("- {name: \"income_band\", type: string, values: [\"high\", \"low\", \"lower_middle\", \"middle\", \"upper_middle\"]}"), yaml)
        XCTAssertTrue(yaml.contains("time: \"ordered_at\"\n    time_type: timestamp"), yaml)
        XCTAssertTrue(yaml.contains("- name: \"tag\""), yaml)
        XCTAssertTrue(yaml.contains("# skipped column label: type uuid has no catalog type"), yaml)
        XCTAssertTrue(yaml.contains("- {name: \"count_\", type: int, column: \"count\"}"), yaml)
    }
}
