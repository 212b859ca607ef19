import XCTest
@testable import SegmintStore

final class SQLiteDatabaseTests: XCTestCase {
    func memory() throws -> SQLiteDatabase { try SQLiteDatabase(path: ":memory:") }

    func testTypesAndNullsComeBackAsText() throws {
        let db = try memory()
        try db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b INTEGER, d TEXT); INSERT INTO t VALUES (42, 12.5, 'x', 1, '2026-01-31'), (NULL, NULL, NULL, NULL, NULL)")
        let r = try db.query("SELECT i, r, s, b, d FROM t ORDER BY i IS NULL")
        XCTAssertEqual(r.columns, ["i", "r", "s", "b", "d"])
        XCTAssertEqual(r.rows.count, 2)
        XCTAssertEqual(r.rows[0], ["42", "12.5", "x", "1", "2026-01-31"])
        XCTAssertEqual(r.rows[1], [nil, nil, nil, nil, nil])
    }

    func testParametersRoundTripHostileText() throws {
        let db = try memory()
        try db.execute("CREATE TABLE t (id INTEGER, s TEXT)")
        let hostile = ["O'Brien", "''", "a\"b", "back\\slash", "50%OFF", "A_B", "new\nline", "nul\0byte", "😀 ünïcødé", "'; DROP TABLE t; --", ""]
        for (i, s) in hostile.enumerated() {
            try db.execute("INSERT INTO t VALUES ($1, $2)", parameters: [String(i), s])
        }
        try db.execute("INSERT INTO t VALUES ($1, $2)", parameters: ["99", nil])
        let r = try db.query("SELECT s FROM t ORDER BY id")
        XCTAssertEqual(r.rows.map { $0[0] }, hostile.map { Optional($0) } + [nil])
        // Parameters are compared as data, not spliced into the SQL.
        let hit = try db.query("SELECT id FROM t WHERE s = $1", parameters: ["'; DROP TABLE t; --"])
        XCTAssertEqual(hit.rows, [["9"]])
        XCTAssertEqual(try db.query("SELECT count(*) FROM t").rows, [["12"]])
    }

    /// Quoted literals and identifiers denote exactly their text, also where a quote carries a
    /// combining mark (one Character, but still a quote to the SQL lexer).
    func testQuotedLiteralsAndIdentifiersDenoteTheirText() throws {
        let db = try memory()
        for s in ["it's", "'\u{301}; DROP TABLE t; --", "\"\u{301}x", "a\\b", "\u{202E}rtl", "crlf\r\n", "]]>"] {
            XCTAssertEqual(try db.query("SELECT " + SQLText.quoteLiteral(s)).rows, [[s]], s)
            let name = "t" + s
            try db.execute("CREATE TABLE \(SQLText.quoteIdentifier(name)) (\(SQLText.quoteIdentifier(s)) TEXT)")
            let r = try db.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = \(SQLText.quoteLiteral(name))")
            XCTAssertEqual(r.rows, [[name]], s)
            XCTAssertEqual(try db.query("SELECT \(SQLText.quoteIdentifier(s)) FROM \(SQLText.quoteIdentifier(name))").columns, [s])
        }
    }

    func testParametersBindByNumberEvenOutOfOrder() throws {
        let db = try memory()
        let r = try db.query("SELECT $2 || '-' || $1", parameters: ["a", "b"])
        XCTAssertEqual(r.rows, [["b-a"]])
    }

    func testWrongParameterCountIsAnError() throws {
        let db = try memory()
        XCTAssertThrowsError(try db.query("SELECT $1", parameters: [])) { e in
            XCTAssertEqual((e as? DatabaseError)?.kind, .sql)
        }
    }

    func testMissingTableNamesTheTable() throws {
        let db = try memory()
        XCTAssertThrowsError(try db.query("SELECT * FROM customers")) { e in
            let err = e as? DatabaseError
            XCTAssertEqual(err?.kind, .missingTable)
            XCTAssertEqual(err?.table, "customers")
            XCTAssertTrue(err?.message.contains("\"customers\"") == true, err?.message ?? "")
        }
    }

    func testSyntaxErrorIsClassifiedWithTheDatabaseMessage() throws {
        let db = try memory()
        XCTAssertThrowsError(try db.query("SELEC 1")) { e in
            let err = e as? DatabaseError
            XCTAssertEqual(err?.kind, .sql)
            XCTAssertTrue(err?.message.contains("syntax error") == true, err?.message ?? "")
        }
    }

    func testQueryRejectsSeveralStatementsButAllowsTrailingComment() throws {
        let db = try memory()
        XCTAssertEqual(try db.query("-- header\nSELECT 1;\n-- trailer\n").rows, [["1"]])
        XCTAssertThrowsError(try db.query("SELECT 1; SELECT 2")) { e in
            XCTAssertEqual((e as? DatabaseError)?.kind, .sql)
        }
        XCTAssertThrowsError(try db.query("   ")) { e in
            XCTAssertEqual((e as? DatabaseError)?.kind, .sql)
        }
    }

    func testTransactionCommitsAndRollsBack() throws {
        let db = try memory()
        try db.execute("CREATE TABLE t (x INTEGER)")
        try db.transaction { try db.execute("INSERT INTO t VALUES (1)") }
        struct Boom: Error {}
        XCTAssertThrowsError(try db.transaction { () throws -> Void in
            try db.execute("INSERT INTO t VALUES (2)"); throw Boom()
        })
        XCTAssertEqual(try db.query("SELECT x FROM t").rows, [["1"]])
    }

    func testBulkInsertTypedValues() throws {
        let db = try memory()
        try db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT)")
        let ins = try db.bulkInserter(table: "t", columns: ["i", "r", "s"])
        try db.transaction {
            for k in 0..<1000 { try ins.append([.int(Int64(k)), .real(Double(k) / 4), k % 10 == 0 ? .null : .text("v\(k)'")]) }
            try ins.finish()
        }
        XCTAssertThrowsError(try ins.append([.int(1), .null, .null]))
        let r = try db.query("SELECT count(*), sum(i), sum(r), count(s), typeof(i), typeof(r) FROM t")
        XCTAssertEqual(r.rows, [["1000", "499500", "124875.0", "900", "integer", "real"]])
        XCTAssertEqual(try db.query("SELECT s FROM t WHERE i = 7").rows, [["v7'"]])
        XCTAssertThrowsError(try db.bulkInserter(table: "t", columns: []))
    }

    func testMissingFileWithoutCreateIsAnIOError() throws {
        XCTAssertThrowsError(try SQLiteDatabase(path: "/nonexistent-dir/x.db", create: false)) { e in
            XCTAssertEqual((e as? DatabaseError)?.kind, .connection)
            XCTAssertTrue((e as? DatabaseError)?.message.contains("/nonexistent-dir/x.db") == true)
        }
    }

    func testFileDatabaseWithWALPersists() throws {
        let path = NSTemporaryDirectory() + "segmint-sqlite-\(UInt32.random(in: 0...UInt32.max)).db"
        defer { for s in ["", "-wal", "-shm"] { unlink(path + s) } }
        do {
            let db = try SQLiteDatabase(path: path)
            try db.enableWAL()
            XCTAssertEqual(try db.query("PRAGMA journal_mode").rows, [["wal"]])
            try db.execute("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('kept')")
            db.close()
        }
        let again = try SQLiteDatabase(path: path, create: false)
        XCTAssertEqual(try again.query("SELECT x FROM t").rows, [["kept"]])
        XCTAssertEqual(try again.tableNames(), ["t"])
    }

    func testClosedDatabaseThrows() throws {
        let db = try memory()
        db.close()
        XCTAssertThrowsError(try db.query("SELECT 1"))
    }

    func testNotADatabaseFileIsClassified() throws {
        let path = NSTemporaryDirectory() + "segmint-notdb-\(UInt32.random(in: 0...UInt32.max)).db"
        defer { unlink(path) }
        try String(repeating: "this is not sqlite ", count: 100).write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SQLiteDatabase(path: path).query("SELECT * FROM customers")) { e in
            XCTAssertEqual((e as? DatabaseError)?.kind, .io)
        }
    }

    func testBusyTimeoutWaitsThenFailsClearly() throws {
        let path = NSTemporaryDirectory() + "segmint-busy-\(UInt32.random(in: 0...UInt32.max)).db"
        defer { for s in ["", "-journal"] { unlink(path + s) } }
        let holder = try SQLiteDatabase(path: path)
        try holder.execute("CREATE TABLE t (x INTEGER)")
        try holder.execute("BEGIN EXCLUSIVE")
        let waiter = try SQLiteDatabase(path: path, busyTimeoutMs: 150)
        let start = DispatchTime.now()
        XCTAssertThrowsError(try waiter.execute("INSERT INTO t VALUES (1)")) { e in
            XCTAssertEqual((e as? DatabaseError)?.kind, .sql)
            XCTAssertTrue((e as? DatabaseError)?.message.contains("locked") == true, "\(e)")
        }
        let waitedMs = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        XCTAssertGreaterThanOrEqual(waitedMs, 100, "the busy timeout should make it wait before failing")
        try holder.execute("COMMIT")
        try waiter.execute("INSERT INTO t VALUES (1)")
        XCTAssertEqual(try holder.query("SELECT count(*) FROM t").rows, [["1"]])
    }
}
