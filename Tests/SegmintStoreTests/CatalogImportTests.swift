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

    /// Values declared by CHECK (x IN (…)) come in the declared order whatever the data holds;
    /// other text columns get sampled values when some value repeats, up to --max-values; the
    /// report names each inference.
    func testSQLiteCheckConstraintsAndSampledValues() throws {
        let db = try SQLiteDatabase(path: ":memory:")
        try db.execute("""
            CREATE TABLE accounts (id INTEGER PRIMARY KEY, plan TEXT CHECK (plan IN ('free', 'pro', 'team', 'enterprise')),
              region TEXT, name TEXT, "odd col" TEXT, band TEXT CHECK (band NOT IN ('x')), size TEXT CHECK (length(size) < 9),
              checked_at TEXT, CHECK ("odd col" in ('it''s', 'b,c')));
            INSERT INTO accounts (plan, region, name, band, size) VALUES ('free', 'eu', 'a', 'p', 's'), ('pro', 'us', 'b', 'q', 's'),
              ('free', 'eu', 'c', 'p', 'm'), ('free', 'apac', 'd', 'q', 'm');
            """)
        let r = try CatalogImporter.importCatalog(from: db, entity: "accounts", key: "id")
        XCTAssertTrue(r.yaml.contains("- {name: \"plan\", type: string, values: [\"free\", \"pro\", \"team\", \"enterprise\"]}"), r.yaml)
        XCTAssertTrue(r.yaml.contains("- {name: \"region\", type: string, values: [\"apac\", \"eu\", \"us\"]}"), r.yaml)
        XCTAssertTrue(r.yaml.contains("- {name: \"name\", type: string}"), "unique names are not an enumeration:\n\(r.yaml)")
        XCTAssertTrue(r.yaml.contains("column: \"odd col\", values: [\"it's\", \"b,c\"]}"), r.yaml)
        // NOT IN and other checks declare no values; the data still may.
        XCTAssertTrue(r.yaml.contains("- {name: \"band\", type: string, values: [\"p\", \"q\"]}"), r.yaml)
        XCTAssertEqual(r.inferred.filter { $0.hasPrefix("accounts.plan:") }, ["accounts.plan: 4 values from the CHECK constraint"])
        XCTAssertTrue(r.inferred.contains("accounts.region: 3 values sampled from 4 rows (at most 50 distinct: --max-values)"), "\(r.inferred)")
        let capped = try CatalogImporter.importCatalog(from: db, entity: "accounts", key: "id", maxValues: 2)
        XCTAssertTrue(capped.yaml.contains("- {name: \"region\", type: string}"), capped.yaml)
        XCTAssertTrue(capped.yaml.contains("values: [\"free\", \"pro\", \"team\", \"enterprise\"]"), "declared values ignore the cap")
        let none = try CatalogImporter.importCatalog(from: db, entity: "accounts", key: "id", maxValues: 0)
        XCTAssertFalse(none.yaml.contains("\"apac\""), none.yaml)
        // The catalog loads, and the driver prints the report on stderr.
        XCTAssertFalse(CatalogLoader.load(yaml: r.yaml, path: "i.yaml", sources: SourceMap()).diagnostics.hasErrors)
    }

    func testCheckInScannerShapes() {
        let found = CheckInScanner.constraints(in: "CREATE TABLE t (a TEXT CHECK(a IN('x','y')), [b c] TEXT, `d` TEXT, "
            + "CHECK ( [b c] in ( 'p' ) ), check (`d` IN ('q''s')), CHECK (e IN ('a', f)), CHECK (g IN ('a'))")
        XCTAssertEqual(found.map(\.0), ["a", "b c", "d", "g"])
        XCTAssertEqual(found.map(\.1), [["x", "y"], ["p"], ["q's"], ["a"]])
        XCTAssertEqual(CheckInScanner.anyArray("CHECK ((plan = ANY (ARRAY['free'::text, 'it''s'::text])))"), ["free", "it's"])
        XCTAssertEqual(CheckInScanner.anyArray(
            "CHECK (((tier)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])))"), ["a", "b"])
        XCTAssertNil(CheckInScanner.anyArray("CHECK ((plan <> ALL (ARRAY['x'::text])))"))
        XCTAssertNil(CheckInScanner.anyArray("CHECK ((n > 0))"))
    }

    func testPostgresEnumsAndCheckConstraints() throws {
        let s = try TestPostgres.Scratch()
        let pg = try s.open()
        try pg.execute("""
            CREATE TYPE tier AS ENUM ('bronze', 'silver', 'gold');
            CREATE TABLE members (id bigint PRIMARY KEY, level tier, plan text CHECK (plan IN ('free', 'pro')),
              seat varchar(10) CHECK (seat IN ('a', 'b')), n integer CHECK (n > 0), city text);
            INSERT INTO members VALUES (1, 'gold', 'free', 'a', 1, 'Oslo'), (2, 'bronze', 'pro', 'b', 2, 'Oslo'), (3, NULL, NULL, NULL, 3, 'Rome');
            """)
        let r = try CatalogImporter.importCatalog(from: pg, entity: "members", key: "id")
        XCTAssertTrue(r.yaml.contains("- {name: \"level\", type: string, values: [\"bronze\", \"silver\", \"gold\"]}"), r.yaml)
        XCTAssertTrue(r.yaml.contains("- {name: \"plan\", type: string, values: [\"free\", \"pro\"]}"), r.yaml)
        XCTAssertTrue(r.yaml.contains("- {name: \"seat\", type: string, values: [\"a\", \"b\"]}"), r.yaml)
        XCTAssertTrue(r.yaml.contains("- {name: \"n\", type: int}"), r.yaml)
        XCTAssertTrue(r.yaml.contains("- {name: \"city\", type: string, values: [\"Oslo\", \"Rome\"]}"), r.yaml)
        XCTAssertTrue(r.inferred.contains("members.level: 3 values from the enum type tier"), "\(r.inferred)")
        XCTAssertTrue(r.inferred.contains("members.plan: 2 values from the CHECK constraint"), "\(r.inferred)")
        let out = runCatalogImport(db: s.url, entity: "members", key: "id")
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        XCTAssertTrue(out.stderr.contains("inferred: members.level: 3 values from the enum type tier\n"), out.stderr)
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
