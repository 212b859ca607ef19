import XCTest
import SegmintStore
@testable import SegmintDriver

/// The hand-derived case table through `segmint run` on PostgreSQL with typed columns (text key,
/// date, timestamp, boolean, numeric), in a fresh schema of the test server (`SEGMINT_TEST_PG`).
final class ConformancePostgresTests: ConformanceCase {
    static let ddl: [(table: String, columns: String)] = [
        ("SaaS Accounts", #""acct_id" text PRIMARY KEY, "plan" text, "Region" text, "Company Name" text, "lastname" text, "SeatCount" bigint, "MRR" numeric(12,2), "in_trial" boolean, "from_source" text, "counts" bigint, "SignupDay" date NOT NULL, "LastSeenAt" timestamp, "health_score" double precision"#),
        ("invoices", #""account_ref" text, "issued_on" date, "Total" numeric(12,2), "status" text, "line_items" bigint"#),
        ("Login Events", #""acct_id" text, "LoggedAt" timestamp, "user_email" text, "sso" boolean"#),
    ]

    func testCaseTableOnPostgres() throws {
        let env = ProcessInfo.processInfo.environment
        guard let base = env["SEGMINT_TEST_PG"], !base.isEmpty else {
            if env["CI"] != nil { XCTFail("SEGMINT_TEST_PG is not set under CI") }
            throw XCTSkip("SEGMINT_TEST_PG not set (eval \"$(scripts/pg_test_server.sh start)\")")
        }
        let schema = "segmint_conf_\(UInt32.random(in: 0...UInt32.max))"
        let admin = try DatabaseURL.open(base)
        defer { try? admin.execute("DROP SCHEMA \"\(schema)\" CASCADE"); admin.close() }
        try admin.execute("CREATE SCHEMA \"\(schema)\"")
        let lite = try SQLiteDatabase(path: try Conformance.databasePath(), readOnly: true, create: false)
        defer { lite.close() }
        for (table, columns) in Self.ddl {
            try admin.execute("CREATE TABLE \"\(schema)\".\"\(table)\" (\(columns))")
            let rows = try lite.query("SELECT * FROM \"\(table)\"")
            let marks = rows.columns.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
            for row in rows.rows {
                try admin.execute("INSERT INTO \"\(schema)\".\"\(table)\" VALUES (\(marks))", parameters: row)
            }
        }
        // The catalog's schema-qualified event table points at the scratch schema; the
        // unqualified tables are found through the URL's search_path.
        let yaml = try String(contentsOfFile: Conformance.saas, encoding: .utf8)
            .replacingOccurrences(of: "table: main.invoices", with: "table: \(schema).invoices")
        let catalog = try file("saas-pg.yaml", yaml)
        let url = base + (base.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)"
        for (body, expected) in Conformance.crossDatabaseCases {
            let seg = try file("pg.seg", include(body))
            let out = runRun(files: [seg], catalogPath: catalog, segment: nil, db: url, limit: 1000, format: .csv)
            XCTAssertEqual(out.exitCode, 0, "\(body)\n\(out.stderr)")
            let keys = out.stdout.split(separator: "\n").dropFirst().map(String.init)
            XCTAssertEqual(Set(keys), expected, body)
            XCTAssertEqual(keys.count, Set(keys).count, "duplicates: \(body)")
        }
        // A catalog without `time_type` (spec §4 alone): the DATE column is compared with
        // timestamp bounds, which must give the same days.
        let specOnly = try file("saas-pg-spec.yaml", yaml.replacingOccurrences(of: "    time_type: date\n", with: ""))
        for (body, expected) in Conformance.crossDatabaseCases where body.contains("has invoice during") {
            let seg = try file("pg2.seg", include(body))
            let out = runRun(files: [seg], catalogPath: specOnly, segment: nil, db: url, limit: 1000, format: .csv)
            XCTAssertEqual(out.exitCode, 0, "\(body)\n\(out.stderr)")
            XCTAssertEqual(Set(out.stdout.split(separator: "\n").dropFirst().map(String.init)), expected, "spec-only: \(body)")
        }
    }
}
