import XCTest
import SegmintCore
import SegmintStore
@testable import SegmintDriver

/// Conformance of the edges: hostile keys through `run`'s three formats, `check --format json`
/// shape, SQLite timestamps with a `T`, the analyses on the saas catalog, `fmt` on hostile text.
final class Conformance2RunTests: ConformanceCase {
    /// Keys a TEXT primary key can hold and a CSV/JSON/table writer can get wrong.
    static let hostileKeys = ["a,b", "q\"uo\"te", "new\nline", "crlf\r\nx", "cr\rx", "tab\tx",
                              "ünï ☃ 日本", "", "ctl\u{1}x", " lead", "x;--"]

    /// A saas-shaped database whose "pro" accounts are exactly the hostile keys.
    func hostileDatabase(keys: [String] = Conformance2RunTests.hostileKeys) throws -> String {
        let path = dir + "/hostile.db"
        let script = try String(contentsOfFile: Conformance.fixtures + "/saas.sql", encoding: .utf8)
        let db = try SQLiteDatabase(path: path)
        try db.execute(script)
        try db.execute("UPDATE \"SaaS Accounts\" SET plan = 'free' WHERE plan = 'pro';")
        for k in keys {
            let lit = "'" + k.replacingOccurrences(of: "'", with: "''") + "'"
            try db.execute("INSERT INTO \"SaaS Accounts\"(acct_id, plan, SignupDay) VALUES (\(lit), 'pro', '2025-01-01');")
        }
        db.close()
        return path
    }

    func runPros(_ format: RunFormat, db: String) throws -> CommandOutput {
        let seg = try file("pros.seg", "segment pros {\n  include { plan = \"pro\" }\n}\n")
        return runRun(files: [seg], catalogPath: Conformance.saas, segment: nil, db: db, limit: 100, format: format)
    }

    /// A minimal RFC 4180 reader (quoted fields, doubled quotes, CR/LF inside quotes).
    func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, inQuotes = false
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 } else { inQuotes = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { inQuotes = true; quoted = true
            } else if c == "," { row.append(field); field = ""; quoted = false
            } else if c == "\n" || c == "\r" {
                if c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
                row.append(field); rows.append(row); row = []; field = ""; quoted = false
            } else { field.unicodeScalars.append(c) }
            i += 1
        }
        if !field.isEmpty || quoted || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    func testCSVQuotesHostileKeysPerRFC4180() throws {
        let out = try runPros(.csv, db: try hostileDatabase())
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        let rows = parseCSV(out.stdout)
        XCTAssertEqual(rows.first, ["acct_id"])
        XCTAssertEqual(rows.dropFirst().map { $0.count }, Array(repeating: 1, count: Self.hostileKeys.count), out.stdout)
        XCTAssertEqual(Set(rows.dropFirst().compactMap(\.first)), Set(Self.hostileKeys))
        // The empty key is a quoted empty field, never a blank line.
        XCTAssertTrue(out.stdout.contains("\n\"\"\n"), out.stdout)
        XCTAssertTrue(out.stdout.contains("\"q\"\"uo\"\"te\""), out.stdout)
        XCTAssertTrue(out.stdout.contains("\"crlf\r\nx\""), out.stdout)
        XCTAssertTrue(out.stderr.contains("pros: \(Self.hostileKeys.count) accounts"), out.stderr)
    }

    func testJSONParsesBackToTheKeys() throws {
        let out = try runPros(.json, db: try hostileDatabase())
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        let obj = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(obj?["segment"] as? String, "pros")
        XCTAssertEqual(obj?["count"] as? Int, Self.hostileKeys.count)
        XCTAssertEqual(Set((obj?["keys"] as? [String]) ?? []), Set(Self.hostileKeys))
    }

    func testTableKeepsOneKeyPerLine() throws {
        let out = try runPros(.table, db: try hostileDatabase())
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        let lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        // title, header, rule, one line per key, final empty piece after the last newline
        XCTAssertEqual(lines.count, 3 + Self.hostileKeys.count + 1, out.stdout)
        XCTAssertFalse(out.stdout.unicodeScalars.contains { $0 == "\r" || $0 == "\t" || $0 == "\u{1}" }, out.stdout)
        XCTAssertTrue(lines.contains("new\\nline"), out.stdout)
        XCTAssertTrue(lines.contains("crlf\\r\\nx"), out.stdout)
        XCTAssertTrue(lines.contains("ünï ☃ 日本"), out.stdout)
        XCTAssertTrue(lines.contains("a,b"), out.stdout)
    }

    func testIntegerLookingTextKeysArePrintedAsStored() throws {
        let keys = ["007", "+5", "10", "-0"]
        let db = try hostileDatabase(keys: keys)
        for format in RunFormat.allCases {
            let out = try runPros(format, db: db)
            XCTAssertEqual(out.exitCode, 0, out.stderr)
            for k in keys { XCTAssertTrue(out.stdout.contains(k), "\(format): \(k) missing in\n\(out.stdout)") }
        }
        // Numeric order still applies: -0, +5, 007, 10 (0 < 5 < 7 < 10).
        let csv = try runPros(.csv, db: db)
        XCTAssertEqual(csv.stdout, "acct_id\n-0\n+5\n007\n10\n")
    }

    func testMissingTablesAndBadURLsExitTwo() throws {
        let seg = try file("pros.seg", "segment pros {\n  include { plan = \"pro\" has invoice }\n}\n")
        let empty = dir + "/empty.db"
        let db = try SQLiteDatabase(path: empty)
        try db.execute("CREATE TABLE other(x INTEGER);")
        db.close()
        let noEvents = dir + "/noevents.db"
        let db2 = try SQLiteDatabase(path: noEvents)
        try db2.execute("CREATE TABLE \"SaaS Accounts\"(acct_id TEXT, plan TEXT);")
        db2.close()
        let cases: [(String, String)] = [
            (empty, "SaaS Accounts"), (noEvents, "invoices"), (dir + "/missing.db", "cannot open"),
            ("mysql://h/db", "unsupported database URL scheme"), ("", "empty database URL"),
            ("sqlite:", "names no file"), (dir, "cannot open"),
        ]
        for (url, fragment) in cases {
            let out = runRun(files: [seg], catalogPath: Conformance.saas, segment: nil, db: url)
            XCTAssertEqual(out.exitCode, 2, "\(url): \(out.stderr)")
            XCTAssertTrue(out.stderr.contains("error"), out.stderr)
            XCTAssertTrue(out.stderr.contains(fragment), "\(url): missing \(fragment) in \(out.stderr)")
            XCTAssertEqual(out.stdout, "")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/missing.db"), "run must not create a database")
    }
}

/// `check --format json` and the human layout on hostile input.
final class Conformance2CheckFormatTests: ConformanceCase {
    let fields: Set<String> = ["code", "severity", "message", "file", "line", "column", "end", "help"]

    func json(_ paths: [String], catalog: String = Conformance.saas) throws -> (Int32, [[String: Any]]) {
        let out = runCheck(paths: paths, catalogPath: catalog, strict: false, format: "json")
        let parsed = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8), options: [.fragmentsAllowed])
        guard let array = parsed as? [[String: Any]] else {
            XCTFail("not one JSON array of objects:\n\(out.stdout)")
            return (out.exitCode, [])
        }
        for d in array { XCTAssertEqual(Set(d.keys), fields, "\(d)") }
        return (out.exitCode, array)
    }

    func testCleanFileIsAnEmptyArray() throws {
        let path = try file("ok.seg", "segment ok {\n  include { plan = \"pro\" }\n}\n")
        let out = runCheck(paths: [path], catalogPath: Conformance.saas, strict: false, format: "json")
        XCTAssertEqual(out.exitCode, 0)
        XCTAssertEqual(out.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "[]")
    }

    func testHostileMessagesStayValidJSON() throws {
        // Quotes and backslashes in a file name, in a segment name and in values; a control escape.
        let path = try file("we\"ird\\name.seg",
                            "segment \"q\\\"x\" {\n  include { plan = \"pr\\\"o\" regin = \"a\\u{1}b\" }\n}\n")
        let (code, diags) = try json([path])
        XCTAssertEqual(code, 1)
        XCTAssertEqual(diags.count, 3, "\(diags)")
        XCTAssertTrue(diags.allSatisfy { ($0["file"] as? String) == path })
        let unknown = diags.first { ($0["message"] as? String) == "unknown facet \"regin\"" }
        XCTAssertEqual(unknown?["help"] as? String, "did you mean \"region\"?")
        XCTAssertEqual(unknown?["line"] as? Int, 2)
        XCTAssertEqual(unknown?["column"] as? Int, 28)
        let end = unknown?["end"] as? [String: Any]
        XCTAssertEqual(end?["line"] as? Int, 2)
        XCTAssertEqual(end?["column"] as? Int, 33)
        XCTAssertTrue(diags.contains { ($0["message"] as? String) == "\"pr\\\"o\" is not a value of plan" }, "\(diags)")
    }

    func testInvalidUTF8AndMissingFileAndBrokenCatalog() throws {
        let bad = dir + "/bad.seg"
        try AtomicFile.write(Array("segment a {\n  include { pl".utf8) + [0xFF, 0xFE] + Array("an = \"x\" }\n}\n".utf8), to: bad)
        let (c1, d1) = try json([bad])
        XCTAssertEqual(c1, 1)
        XCTAssertEqual(d1.first?["line"] as? Int, 2)
        XCTAssertEqual(d1.first?["severity"] as? String, "error")

        let (c2, d2) = try json([dir + "/nothere.seg"])
        XCTAssertEqual(c2, 2)
        XCTAssertEqual(d2.count, 1)
        XCTAssertTrue(d2.first?["line"] is NSNull)

        let cat = try file("bad.yaml", "name: x\nversion: 1\nentity: {name: a, table: t, key: k}\nfacets:\n  - {name: \"q\\\"\", type: strin}\n")
        let seg = try file("ok.seg", "segment ok {\n  include { q = 1 }\n}\n")
        let (c3, d3) = try json([seg], catalog: cat)
        XCTAssertNotEqual(c3, 0)
        XCTAssertTrue(d3.contains { ($0["file"] as? String) == cat && ($0["line"] as? Int) == 5 }, "\(d3)")
    }

    func testBOMOnlyFileIsEmptyLikeAnEmptyFile() throws {
        for (name, bytes) in [("empty.seg", [UInt8]()), ("bom.seg", [0xEF, 0xBB, 0xBF]), ("bomcrlf.seg", [0xEF, 0xBB, 0xBF, 0x0D, 0x0A])] {
            let path = dir + "/" + name
            try AtomicFile.write(bytes, to: path)
            let (code, diags) = try json([path])
            XCTAssertEqual(code, 0, name)
            XCTAssertEqual(diags.map { $0["code"] as? String }, ["W0901"], "\(name): \(diags)")
        }
    }

    func testHumanLayoutWithCRLFAndTabs() throws {
        let path = try file("crlf.seg", "segment a {\r\n\tinclude { plann = \"free\" }\r\n}\r\n")
        let out = runCheck(paths: [path], catalogPath: Conformance.saas, strict: false, format: "human")
        XCTAssertEqual(out.exitCode, 1)
        let lines = out.stderr.components(separatedBy: "\n")
        XCTAssertEqual(lines.first, "\(path):2:12: error[E0201]: unknown facet \"plann\"")
        XCTAssertTrue(lines.contains("2 | \tinclude { plann = \"free\" }"), out.stderr)
        // The caret sits under the name: the tab is kept so it lines up in a terminal.
        XCTAssertTrue(lines.contains("  | \t          ^^^^^"), out.stderr)
        XCTAssertTrue(lines.contains("  = help: did you mean \"plan\"?"), out.stderr)
        XCTAssertFalse(out.stderr.contains("\r"), "CR of CRLF must not reach the rendered source line")
    }
}

/// SQLite keeps times as text; ISO-8601 text with a `T` between date and time (what many
/// exporters write) must give the same keys as the space-separated convention of notes/db.md.
final class Conformance2TSeparatorTests: ConformanceCase {
    /// saas.sql with every 'YYYY-MM-DD HH:MM:SS' literal written 'YYYY-MM-DDTHH:MM:SS'.
    func tDatabase() throws -> String {
        let script = try String(contentsOfFile: Conformance.fixtures + "/saas.sql", encoding: .utf8)
        let regex = try NSRegularExpression(pattern: "'(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2})'")
        let ns = script as NSString
        let tScript = regex.stringByReplacingMatches(in: script, range: NSRange(location: 0, length: ns.length),
                                                     withTemplate: "'$1T$2'")
        XCTAssertTrue(tScript.contains("'2026-02-28T00:00:00'"), "fixture rewrite found no timestamps")
        let path = dir + "/t.db"
        let db = try SQLiteDatabase(path: path)
        try db.execute(tScript)
        db.close()
        return path
    }

    func keysOn(_ dbPath: String, _ body: String) throws -> Set<String> {
        let path = try file("s\(UInt32.random(in: 0...UInt32.max)).seg", include(body))
        let out = runCompile(paths: [path], catalogPath: Conformance.saas, segment: nil, dialect: "sqlite", asOf: nil, count: false)
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        let db = try SQLiteDatabase(path: dbPath, readOnly: true, create: false)
        defer { db.close() }
        return Set(try db.query(out.stdout).rows.compactMap { $0.first ?? nil })
    }

    func testEveryCrossDatabaseCaseHoldsWithTSeparatedTimes() throws {
        let db = try tDatabase()
        for (body, expected) in Conformance.crossDatabaseCases {
            XCTAssertEqual(try keysOn(db, body), expected, body)
        }
    }

    func testMidnightComparisonsWithTSeparatedTimes() throws {
        let db = try tDatabase()
        // LastSeenAt: a1 03-30 23:59:59, a2 03-31 00:00:00, a4 02-28 00:00:00,
        // a5 02-27 23:59:59, a6 2025-07-01 00:00:00, a3 NULL.
        let cases: [(String, Set<String>)] = [
            ("last_seen_at = 2026-02-28", ["a4"]),
            ("last_seen_at != 2026-02-28", ["a1", "a2", "a5", "a6"]),
            ("last_seen_at <= 2026-02-28", ["a4", "a5", "a6"]),
            ("last_seen_at > 2026-02-28", ["a1", "a2"]),
            ("last_seen_at in [2026-03-31, 2025-07-01]", ["a2", "a6"]),
            ("last_seen_at not in [2026-03-31, 2025-07-01]", ["a1", "a4", "a5"]),
            ("last_seen_at between 2026-02-27 and 2026-02-28", ["a4", "a5"]),
            ("last_seen_at < 2026-02-28", ["a5", "a6"]),
            ("last_seen_at >= 2026-03-31", ["a2"]),
        ]
        for (body, expected) in cases {
            XCTAssertEqual(try keysOn(db, body), expected, body)
            XCTAssertEqual(try where_(body), expected, "space-separated: " + body)
        }
    }
}

/// `overlap`, `explain`, `recommend` and `catalog import` on the saas catalog and fixture data.
final class Conformance2AnalysisTests: ConformanceCase {
    static let segments = """
    segment pros {
      as_of 2026-03-30
      include { plan = "pro" }
    }
    segment emea {
      as_of 2026-03-30
      include { region = "EMEA" }
    }
    segment payers {
      as_of 2026-03-30
      include { has invoice where status = "paid" }
    }
    segment big_pros {
      as_of 2026-03-30
      include { in segment pros seats > 15 }
    }
    segment nobody {
      as_of 2026-03-30
      include { seats > 60 seats < 30 }
    }
    segment small_or_free {
      as_of 2026-03-30
      include { any { plan = "free" seats < 5 } }
    }
    segment paying_plans {
      as_of 2026-03-30
      include { plan in ["pro", "enterprise"] seats >= 5 seats > 2 }
    }

    """

    func segmentKeys(_ path: String, _ name: String) throws -> Set<String> {
        let out = runCompile(paths: [path], catalogPath: Conformance.saas, segment: name, dialect: "sqlite", asOf: nil, count: false)
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        let db = try SQLiteDatabase(path: try Conformance.databasePath(), readOnly: true, create: false)
        defer { db.close() }
        return Set(try db.query(out.stdout).rows.compactMap { $0.first ?? nil })
    }

    func testOverlapCountsMatchHandDerivedSets() throws {
        let path = try file("multi.seg", Self.segments)
        // pros {a1,a6}; emea {a1,a5}; payers {a1,a2,a5}; big_pros {a6} (a1 has 10 seats); nobody {}.
        let out = runOverlap(OverlapRequest(paths: [path], catalogPath: Conformance.saas, dbURL: try Conformance.databasePath(),
                                            segments: ["pros", "emea", "payers", "big_pros", "nobody"], format: "json"))
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        let obj = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(obj?["base"] as? Int, 6)
        XCTAssertEqual(obj?["union"] as? Int, 4)
        XCTAssertEqual(obj?["sizes"] as? [String: Int], ["pros": 2, "emea": 2, "payers": 3, "big_pros": 1, "nobody": 0])
        XCTAssertEqual(obj?["unique_reach"] as? [String: Int], ["pros": 0, "emea": 0, "payers": 1, "big_pros": 0, "nobody": 0])
        let pairs = (obj?["pairs"] as? [[String: Any]]) ?? []
        func inter(_ a: String, _ b: String) -> Int? {
            pairs.first { ($0["a"] as? String) == a && ($0["b"] as? String) == b }?["intersection"] as? Int
        }
        XCTAssertEqual(inter("pros", "emea"), 1)
        XCTAssertEqual(inter("emea", "payers"), 2)
        XCTAssertEqual(inter("pros", "big_pros"), 1)
        XCTAssertEqual(inter("payers", "big_pros"), 0)
    }

    func testOverlapTableNamesTheEntity() throws {
        let path = try file("multi.seg", Self.segments)
        let svg = dir + "/o.svg"
        let out = runOverlap(OverlapRequest(paths: [path], catalogPath: Conformance.saas, dbURL: try Conformance.databasePath(),
                                            segments: ["pros", "emea"], svgPath: svg))
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("base 6 accounts"), out.stdout)
        XCTAssertFalse(out.stdout.contains("entities"), out.stdout)
        let picture = try String(contentsOfFile: svg, encoding: .utf8)
        XCTAssertTrue(picture.contains("base 6 accounts"))
    }

    /// Every claim `overlap --static` proves must hold on the fixture data (which has NULL
    /// plans and seats, the usual way such proofs go wrong).
    func testStaticClaimsHoldOnTheFixtureData() throws {
        let findings = try verifyStaticClaims(Self.segments)
        let kinds = Set(findings.compactMap { $0["kind"] as? String })
        XCTAssertTrue(kinds.isSuperset(of: ["empty", "contained", "disjoint", "redundant_include"]), "\(findings)")
        XCTAssertTrue(findings.contains { ($0["kind"] as? String) == "contained" && ($0["segment"] as? String) == "big_pros"
            && ($0["other"] as? String) == "pros" })
    }

    /// NULLs, negation, empty-aggregate and ordered-facet cases where a proof is easy to get wrong.
    func testStaticClaimsAroundMissingValuesHoldOnTheFixtureData() throws {
        let bodies = ["include { not seats > 5 }", "include { seats <= 5 }", "include { seats != 5 }",
                      "include { not seats = 5 }", "include { region not in [\"EMEA\"] }", "exclude { region = \"EMEA\" }",
                      "include { has invoice count = 0 }", "include { not has invoice }",
                      "include { has invoice sum(total) < 100 }",
                      "include { has invoice where status = \"paid\" }\n  exclude { has invoice }",
                      "include { company_name contains \"\" }", "include { plan >= \"pro\" }",
                      "include { plan in [\"pro\", \"enterprise\"] }", "include { region = \"EMEA\" }",
                      "include { any { seats > 5 seats is missing } }"]
        let text = bodies.enumerated().map { "segment s\($0.offset) {\n  as_of 2026-03-30\n  \($0.element)\n}\n" }.joined()
        let findings = try verifyStaticClaims(text)
        // a ⊇ b (seats <= 5 implies not seats > 5) and the ordered facet: plan >= "pro" is pro or enterprise.
        XCTAssertTrue(findings.contains { ($0["segment"] as? String) == "s1" && ($0["other"] as? String) == "s0" }, "\(findings)")
        XCTAssertTrue(findings.contains { ($0["segment"] as? String) == "s11" && ($0["other"] as? String) == "s12" }, "\(findings)")
        XCTAssertTrue(findings.contains { ($0["kind"] as? String) == "empty" && ($0["segment"] as? String) == "s9" }, "\(findings)")
    }

    /// Runs `overlap --static` on `text` and checks every finding against the fixture data.
    @discardableResult
    func verifyStaticClaims(_ text: String) throws -> [[String: Any]] {
        let path = try file("multi\(UInt32.random(in: 0...UInt32.max)).seg", text)
        let out = runOverlap(OverlapRequest(paths: [path], catalogPath: Conformance.saas, format: "json", staticOnly: true))
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        let obj = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        let findings = (obj?["findings"] as? [[String: Any]]) ?? []
        for f in findings {
            let kind = f["kind"] as? String ?? "", seg = f["segment"] as? String ?? ""
            let a = try segmentKeys(path, seg)
            switch kind {
            case "empty": XCTAssertEqual(a, [], "\(f)")
            case "contained": XCTAssertTrue(a.isSubset(of: try segmentKeys(path, f["other"] as? String ?? "")), "\(f)")
            case "disjoint": XCTAssertTrue(a.isDisjoint(with: try segmentKeys(path, f["other"] as? String ?? "")), "\(f)")
            case "redundant_include":
                // Dropping the condition must not change the members.
                let cond = f["condition"] as? String ?? ""
                let without = text.replacingOccurrences(of: " " + cond + " }", with: " }")
                XCTAssertNotEqual(without, text, "condition \(cond) not found to drop")
                let p2 = try file("without.seg", without)
                XCTAssertEqual(try segmentKeys(p2, seg), a, "\(f)")
            default: XCTFail("unknown finding kind \(kind)")
            }
        }
        return findings
    }

    func testExplainAndRecommendUseTheEntityName() throws {
        let path = try file("multi.seg", Self.segments)
        let ex = runExplain(paths: [path], catalogPath: Conformance.saas, segment: "payers", dbURL: try Conformance.databasePath())
        XCTAssertEqual(ex.exitCode, 0, ex.stderr)
        XCTAssertTrue(ex.stdout.contains("Includes every account"), ex.stdout)
        XCTAssertTrue(ex.stdout.contains("accounts remaining"), ex.stdout)
        // 6 accounts, 3 with a paid invoice (a1, a2, a5).
        XCTAssertTrue(ex.stdout.contains("  3   50.0%"), ex.stdout)
        XCTAssertFalse(ex.stdout.contains("customer"), ex.stdout)
        let rec = runRecommend(paths: [path], catalogPath: Conformance.saas, dbURL: try Conformance.databasePath())
        XCTAssertEqual(rec.exitCode, 0, rec.stderr)
        XCTAssertTrue(rec.stdout.contains("0 of 6 accounts"), rec.stdout)
        XCTAssertFalse(rec.stdout.contains("customer"), rec.stdout)
        let recJSON = runRecommend(paths: [path], catalogPath: Conformance.saas, dbURL: try Conformance.databasePath(), format: "json")
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(recJSON.stdout.utf8)), recJSON.stdout)
    }

    func testExplainShowsHostileTitleAndDescriptionOnOneLineEach() throws {
        let path = try file("h.seg", "segment h \"ti\\\"tle \\u{202E} \\n x\" {\n"
            + "  description \"Accounts that \\\"churned\\\"\\nline2\"\n  include { seats > 5 }\n}\n")
        let ex = runExplain(paths: [path], catalogPath: Conformance.saas, segment: "h")
        XCTAssertEqual(ex.exitCode, 0, ex.stderr)
        let lines = ex.stdout.components(separatedBy: "\n")
        XCTAssertEqual(lines.first, "Segment h \"ti\\\"tle \\u{202E} \\n x\"", ex.stdout)
        XCTAssertEqual(lines.dropFirst().first, "Accounts that \"churned\"\\nline2", ex.stdout)
        XCTAssertTrue(lines.dropFirst(2).first?.hasPrefix("Catalog saas@1") ?? false, ex.stdout)
        XCTAssertFalse(ex.stdout.unicodeScalars.contains("\u{202E}"), ex.stdout)
        let json = runExplain(paths: [path], catalogPath: Conformance.saas, segment: "h", format: "json")
        let obj = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(obj?["title"] as? String, "ti\"tle \u{202E} \n x", "JSON keeps the exact text")
    }

    func testCatalogImportOfHostileNamesLoadsAndRuns() throws {
        let path = dir + "/weird.db"
        let db = try SQLiteDatabase(path: path)
        try db.execute("""
        CREATE TABLE "we""ird, tbl" ("k ey" TEXT PRIMARY KEY, "na""me" TEXT, "ünï" REAL, ts TEXT, flag INTEGER);
        INSERT INTO "we""ird, tbl" VALUES ('x', 'y', 1.5, '2026-01-01 00:00:00', 1), ('z', 'w"q', 0.5, NULL, 0);
        """)
        db.close()
        let yaml = dir + "/imported.yaml"
        let imp = runCatalogImport(db: path, entity: "we\"ird, tbl", key: "k ey", out: yaml)
        XCTAssertEqual(imp.exitCode, 0, imp.stderr)
        let seg = try file("a.seg", "segment a {\n  include { na_me = \"y\" _n_ > 1 }\n}\n")
        let out = runRun(files: [seg], catalogPath: yaml, segment: nil, db: path, format: .json)
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        let obj = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(obj?["keys"] as? [String], ["x"])
        XCTAssertEqual(obj?["key"] as? String, "k ey")

        let missing = runCatalogImport(db: path, entity: "nope", key: "k ey")
        XCTAssertEqual(missing.exitCode, 2)
        XCTAssertTrue(missing.stderr.contains("nope"), missing.stderr)
    }
}

/// `fmt` on hostile text: idempotent, comments kept, and the meaning (the compiled SQL) unchanged.
final class Conformance2FmtTests: ConformanceCase {
    func fmt(_ path: String) -> CommandOutput { runFmt(paths: [path], check: false, toStdout: true) }

    func sql(_ path: String, catalog: String, segment: String) -> CommandOutput {
        runCompile(paths: [path], catalogPath: catalog, segment: segment, dialect: "sqlite", asOf: "2026-03-30", count: false)
    }

    /// fmt(x) is a fixed point, and x and fmt(x) compile to the same SQL for every segment.
    func assertFmtSafe(_ text: [UInt8], catalog: String = Conformance.saas, _ label: String,
                       file f: StaticString = #filePath, line: UInt = #line) throws {
        let original = dir + "/orig.seg"
        try AtomicFile.write(text, to: original)
        let once = fmt(original)
        XCTAssertEqual(once.exitCode, 0, "\(label): \(once.stderr)", file: f, line: line)
        let formatted = try file("once.seg", once.stdout)
        let twice = fmt(formatted)
        XCTAssertEqual(twice.stdout, once.stdout, "\(label): not idempotent", file: f, line: line)
        let names = once.stdout.split(separator: "\n").compactMap { l -> String? in
            guard l.hasPrefix("segment ") else { return nil }
            return l.dropFirst(8).split(separator: " ").first.map(String.init)
        }
        XCTAssertFalse(names.isEmpty, label, file: f, line: line)
        for name in names {
            let before = sql(original, catalog: catalog, segment: name), after = sql(formatted, catalog: catalog, segment: name)
            XCTAssertEqual(before.exitCode, 0, "\(label): \(before.stderr)", file: f, line: line)
            XCTAssertEqual(after.stdout, before.stdout, "\(label) \(name): meaning changed", file: f, line: line)
        }
    }

    func testHostileLayoutBOMCRLFTabsEscapesAndHashesInStrings() throws {
        let text = "\u{FEFF}# top comment with \"quotes\" and # hash\r\n"
            + "segment   hostile {\r\n"
            + "\tdescription \"tab\\there # not a comment \\u{1F600} \\u{0} \\\"q\\\" \\\\ \"\r\n"
            + "  include {\r\n"
            + "\t\tcompany_name = \"a # b\"   # trailing # comment\r\n"
            + "    lastname in [\"O'Brien\", \"\\u{E9}\", \"\t\", \"\\u{202E}rtl\"]\r\n"
            + "  }\r\n}\r\n"
        try assertFmtSafe(Array(text.utf8), "hostile")
        let out = fmt(dir + "/orig.seg").stdout
        XCTAssertTrue(out.hasPrefix("# top comment with \"quotes\" and # hash\n"), out)
        XCTAssertTrue(out.contains("company_name = \"a # b\"  # trailing # comment\n"), out)
        XCTAssertFalse(out.contains("\r"), out)
        XCTAssertFalse(out.unicodeScalars.contains { $0 == "\u{FEFF}" || $0 == "\u{202E}" || $0 == "\t" }, out)
        XCTAssertTrue(out.contains("\\u{202E}rtl"), "bidi override must stay escaped:\n\(out)")
        XCTAssertTrue(out.contains("\\u{0}"), out)
    }

    /// LF, CRLF and lone-CR (old Mac) files are the same program, with the same comments.
    func testLoneCRLineEndingsEndCommentsAndLines() throws {
        let lf = "# head\n\nsegment a {\n  include { lastname = \"x\" }  # c\n  # own line\n  exclude { plann = \"pro\" }\n}"
        let cr = String(lf.map { $0 == "\n" ? "\r" : $0 })
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        var outputs: [String] = []
        for (name, text) in [("lf", lf), ("cr", cr), ("crlf", crlf)] {
            let path = try file(name + ".seg", text)
            let checked = runCheck(paths: [path], catalogPath: Conformance.saas, strict: false, format: "human")
            XCTAssertEqual(checked.exitCode, 1, name)
            XCTAssertTrue(checked.stderr.hasPrefix("\(path):6:13: error[E0201]: unknown facet \"plann\""), "\(name): \(checked.stderr)")
            XCTAssertTrue(checked.stderr.contains("6 |   exclude { plann = \"pro\" }\n"), "\(name): \(checked.stderr)")
            try file(name + ".seg", text.replacingOccurrences(of: "plann", with: "plan"))
            let out = fmt(path)
            XCTAssertEqual(out.exitCode, 0, "\(name): \(out.stderr)")
            outputs.append(out.stdout)
        }
        XCTAssertEqual(Set(outputs).count, 1, "\(outputs)")
        XCTAssertTrue(outputs[0].contains("  # own line\n  exclude {\n"), outputs[0])
        XCTAssertTrue(outputs[0].hasPrefix("# head\n\nsegment a {\n"), outputs[0])
        try assertFmtSafe(Array(cr.replacingOccurrences(of: "plann", with: "plan").utf8), "lone CR")
    }

    func testInvisibleCharactersStayEscaped() throws {
        let text = "segment a {\n  include { lastname in [\"x\\u{200B}y\", \"\\u{FEFF}\", \"\\u{85}\", \"\\u{2028}\", \"é😀\"] }\n}\n"
        try assertFmtSafe(Array(text.utf8), "invisible")
        let out = fmt(dir + "/orig.seg").stdout
        for e in ["\\u{200B}", "\\u{FEFF}", "\\u{85}", "\\u{2028}"] { XCTAssertTrue(out.contains(e), "\(e) in\n\(out)") }
        XCTAssertTrue(out.contains("\"é😀\""), out)
    }

    func testEveryCrossDatabaseCaseAndShippedExample() throws {
        for (body, _) in Conformance.crossDatabaseCases {
            try assertFmtSafe(Array(include(body).utf8), body)
        }
        let examples = Conformance.repo + "/examples"
        let names = try FileManager.default.contentsOfDirectory(atPath: examples).filter { $0.hasSuffix(".seg") }
        XCTAssertFalse(names.isEmpty)
        for n in names {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: examples + "/" + n)))
            try assertFmtSafe(bytes, catalog: Conformance.retail, n)
        }
    }
}

/// `ask --offline` on the saas catalog: its synonyms, a refusal naming its entity, an
/// unmappable request.
final class Conformance2AskTests: ConformanceCase {
    func ask(_ request: String, catalog: String = Conformance.saas) async -> CommandOutput {
        await runAsk(AskArguments(request: request, catalog: catalog, offline: true, memory: "none"), model: nil)
    }

    func testSynonymsOfTheSaasCatalogGiveACheckedSegment() async throws {
        // "tier" and "subscription" are synonyms of plan in catalogs/saas.yaml.
        let r = await ask("subscription enterprise accounts with an invoice in the last 30 days")
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("plan = \"enterprise\""), r.stdout)
        XCTAssertTrue(r.stdout.contains("has invoice during last 30 days"), r.stdout)
        let t = await ask("tier pro accounts in EMEA")
        XCTAssertEqual(t.exitCode, 0, t.stderr)
        XCTAssertTrue(t.stdout.contains("plan = \"pro\""), t.stdout)
        XCTAssertTrue(t.stdout.contains("region = \"EMEA\""), t.stdout)
        for out in [r, t] {
            let path = try file("asked\(UInt32.random(in: 0...UInt32.max)).seg", out.stdout)
            let checked = runCheck(paths: [path], catalogPath: Conformance.saas, strict: false, format: "human")
            XCTAssertEqual(checked.exitCode, 0, checked.stderr)
        }
        // Run it: pro accounts in EMEA are a1 only (a6 is AMER).
        let path = try file("tier.seg", t.stdout)
        let run = runRun(files: [path], catalogPath: Conformance.saas, segment: nil, db: try Conformance.databasePath(), format: .csv)
        XCTAssertEqual(run.stdout, "acct_id\na1\n", run.stderr)
    }

    func testAskedSegmentsRunToHandDerivedKeys() async throws {
        // APAC + partner: a4. More than 10 seats: a4 (50), a6 (20). Enterprise without invoices:
        // a3 is the only enterprise account and has one, so nobody.
        let cases: [(String, String)] = [("APAC accounts from partner", "acct_id\na4\n"),
                                         ("accounts with more than 10 seats", "acct_id\na4\na6\n"),
                                         ("enterprise accounts without any invoice", "acct_id\n")]
        for (request, csv) in cases {
            let r = await ask(request)
            XCTAssertEqual(r.exitCode, 0, "\(request): \(r.stderr)")
            let path = try file("asked\(UInt32.random(in: 0...UInt32.max)).seg", r.stdout)
            let run = runRun(files: [path], catalogPath: Conformance.saas, segment: nil, db: try Conformance.databasePath(), format: .csv)
            XCTAssertEqual(run.exitCode, 0, run.stderr)
            XCTAssertEqual(run.stdout, csv, "\(request):\n\(r.stdout)")
        }
    }

    func testRefusalNamesTheCatalogsEntity() async {
        let r = await ask("delete all accounts in EMEA")
        XCTAssertEqual(r.exitCode, 4)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("segments of accounts"), r.stderr)
        XCTAssertFalse(r.stderr.contains("customers"), r.stderr)
        // The entity's own word counts as an object of a destructive verb on another catalog.
        let things = await ask("please wipe things that are red", catalog: Conformance.minimal)
        XCTAssertEqual(things.exitCode, 4, things.stderr)
        XCTAssertTrue(things.stderr.contains("segments of things"), things.stderr)
        let sql = await ask("pro accounts; DROP TABLE invoices")
        XCTAssertEqual(sql.exitCode, 4)
    }

    func testUnmappableRequestExitsOneWithTheWords() async {
        let r = await ask("accounts who like pizza")
        XCTAssertEqual(r.exitCode, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("pizza"), r.stderr)
    }
}
