import XCTest
@testable import SegmintStore

/// The test server from `scripts/pg_test_server.sh` (env `SEGMINT_TEST_PG`). Without it the
/// PostgreSQL tests are skipped, except under CI (env `CI` set), where they fail.
enum TestPostgres {
    static func url() throws -> String {
        let env = ProcessInfo.processInfo.environment
        if let u = env["SEGMINT_TEST_PG"], !u.isEmpty { return u }
        if env["CI"] != nil {
            XCTFail("SEGMINT_TEST_PG is not set under CI; run eval \"$(scripts/pg_test_server.sh start)\"")
            throw XCTSkip("no PostgreSQL")
        }
        throw XCTSkip("SEGMINT_TEST_PG not set (eval \"$(scripts/pg_test_server.sh start)\")")
    }

    /// A fresh schema on the test server and a URL whose search_path points at it, so tests
    /// running side by side (or other test targets) never see each other's tables.
    final class Scratch {
        let url: String
        let schema: String
        private let admin: PostgresDatabase

        init() throws {
            let base = try TestPostgres.url()
            schema = "segmint_t_\(UInt32.random(in: 0...UInt32.max))_\(UInt16.random(in: 0...UInt16.max))"
            guard case .postgres(let u, let host, let port, _, _) = try DatabaseURL.parse(base) else {
                throw XCTSkip("SEGMINT_TEST_PG is not a postgres:// URL")
            }
            admin = try PostgresDatabase(url: u, host: host, port: port)
            try admin.execute("CREATE SCHEMA \(schema)")
            url = base + (base.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)"
        }

        func open() throws -> Database { try DatabaseURL.open(url) }

        deinit {
            try? admin.execute("DROP SCHEMA \(schema) CASCADE")
            admin.close()
        }
    }
}
