import XCTest
@testable import SegmintStore

final class PostgresDatabaseTests: XCTestCase {
    func testTypesAndNullsComeBackAsText() throws {
        let s = try TestPostgres.Scratch()
        let db = try s.open()
        XCTAssertEqual(db.dialectName, "postgres")
        try db.execute("""
            CREATE TABLE t (i bigint, n numeric(12,2), s text, b boolean, d date, ts timestamp);
            INSERT INTO t VALUES (42, 12.5, 'x', true, '2026-01-31', '2026-01-31 13:45:00'), (NULL, NULL, NULL, NULL, NULL, NULL);
            """)
        let r = try db.query("SELECT i, n, s, b, d, ts FROM t ORDER BY i NULLS LAST")
        XCTAssertEqual(r.columns, ["i", "n", "s", "b", "d", "ts"])
        XCTAssertEqual(r.rows, [["42", "12.50", "x", "t", "2026-01-31", "2026-01-31 13:45:00"], [nil, nil, nil, nil, nil, nil]])
    }

    func testParametersRoundTripHostileText() throws {
        let s = try TestPostgres.Scratch()
        let db = try s.open()
        try db.execute("CREATE TABLE t (id int, s text)")
        let hostile = ["O'Brien", "''", "a\"b", "back\\slash", "50%OFF", "A_B", "new\nline", "tab\there", "😀 ünïcødé", "'; DROP TABLE t; --", ""]
        for (i, v) in hostile.enumerated() {
            try db.execute("INSERT INTO t VALUES ($1, $2)", parameters: [String(i), v])
        }
        try db.execute("INSERT INTO t VALUES ($1, $2)", parameters: ["99", nil])
        XCTAssertEqual(try db.query("SELECT s FROM t ORDER BY id").rows.map { $0[0] }, hostile.map { Optional($0) } + [nil])
        XCTAssertEqual(try db.query("SELECT id FROM t WHERE s = $1", parameters: ["'; DROP TABLE t; --"]).rows, [["9"]])
    }

    func testNulInParameterIsAClearErrorNotATruncation() throws {
        let s = try TestPostgres.Scratch()
        let db = try s.open()
        XCTAssertThrowsError(try db.query("SELECT $1::text", parameters: ["a\0b"])) { e in
            XCTAssertEqual((e as? DatabaseError)?.kind, .sql)
            XCTAssertTrue((e as? DatabaseError)?.message.contains("NUL") == true)
        }
    }

    func testMissingTableAndSyntaxErrorsAreClassified() throws {
        let s = try TestPostgres.Scratch()
        let db = try s.open()
        XCTAssertThrowsError(try db.query("SELECT * FROM customers")) { e in
            let err = e as? DatabaseError
            XCTAssertEqual(err?.kind, .missingTable)
            XCTAssertEqual(err?.table, "customers")
        }
        XCTAssertThrowsError(try db.query("SELEC 1")) { e in
            let err = e as? DatabaseError
            XCTAssertEqual(err?.kind, .sql)
            XCTAssertTrue(err?.message.contains("syntax error") == true, err?.message ?? "")
        }
        XCTAssertThrowsError(try db.query("SELECT 1; SELECT 2")) { e in
            XCTAssertEqual((e as? DatabaseError)?.kind, .sql)
        }
        // The connection stays usable after errors.
        XCTAssertEqual(try db.query("SELECT 1").rows, [["1"]])
    }

    func testTransactionAndCopyBulkInsert() throws {
        let s = try TestPostgres.Scratch()
        let db = try s.open()
        try db.execute("CREATE TABLE t (i bigint, r numeric(12,2), s text)")
        try db.transaction {
            let ins = try db.bulkInserter(table: "t", columns: ["i", "r", "s"])
            for k in 0..<5000 {
                try ins.append([.int(Int64(k)), .real(Double(k) / 4), k % 10 == 0 ? .null : .text("v\(k)\t\\\n'\"%_")])
            }
            try ins.finish()
        }
        let r = try db.query("SELECT count(*), sum(i), sum(r), count(s) FROM t")
        XCTAssertEqual(r.rows, [["5000", "12497500", "3124375.00", "4500"]])
        XCTAssertEqual(try db.query("SELECT s FROM t WHERE i = 7").rows, [["v7\t\\\n'\"%_"]])
        struct Boom: Error {}
        XCTAssertThrowsError(try db.transaction { () throws -> Void in
            try db.execute("DELETE FROM t"); throw Boom()
        })
        XCTAssertEqual(try db.query("SELECT count(*) FROM t").rows, [["5000"]])
    }

    func testCopyErrorIsReported() throws {
        let s = try TestPostgres.Scratch()
        let db = try s.open()
        try db.execute("CREATE TABLE t (i bigint)")
        let ins = try db.bulkInserter(table: "t", columns: ["i"])
        try ins.append([.text("not a number")])
        XCTAssertThrowsError(try ins.finish()) { e in
            XCTAssertEqual((e as? DatabaseError)?.kind, .sql)
        }
        XCTAssertEqual(try db.query("SELECT count(*) FROM t").rows, [["0"]])
    }

    func testTableNamesSeeOnlyTheSearchPath() throws {
        let s = try TestPostgres.Scratch()
        let db = try s.open()
        try db.execute("CREATE TABLE b (x int); CREATE TABLE a (x int)")
        XCTAssertEqual(try db.tableNames(), ["a", "b"])
    }

    func testUnreachableServerFailsFastWithHostAndPort() throws {
        // A port nothing listens on: connection refused at once, well within connect_timeout.
        let port = try closedPort()
        let start = DispatchTime.now()
        XCTAssertThrowsError(try DatabaseURL.open("postgres://bob:hunter2@127.0.0.1:\(port)/x")) { e in
            let err = e as? DatabaseError
            XCTAssertEqual(err?.kind, .connection)
            XCTAssertTrue(err?.message.contains("127.0.0.1:\(port)") == true, err?.message ?? "")
            XCTAssertFalse(err?.message.contains("hunter2") == true)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        XCTAssertLessThan(seconds, 6)
    }

    func testWrongDatabaseNameIsAConnectionErrorWithTheServerMessage() throws {
        let base = try TestPostgres.url()
        guard case .postgres(_, let host, let port, _, _) = try DatabaseURL.parse(base) else { return }
        XCTAssertThrowsError(try DatabaseURL.open("postgres://postgres@\(host):\(port)/no_such_db_segmint")) { e in
            let err = e as? DatabaseError
            XCTAssertEqual(err?.kind, .connection)
            XCTAssertTrue(err?.message.contains("no_such_db_segmint") == true, err?.message ?? "")
        }
    }
}

/// A loopback port with no listener: bind an ephemeral port, note it, close it.
func closedPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw XCTSkip("no socket") }
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = 0
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    let ok = withUnsafeMutablePointer(to: &addr) { p in
        p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
    }
    guard ok else { throw XCTSkip("cannot bind") }
    return Int(UInt16(bigEndian: addr.sin_port))
}
