import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif
import SegmintCore
import SegmintDriver
@testable import SegmintProject

/// `segmint test`: snapshots and data tests, end to end through the driver.
final class ProjectTestCommandTests: XCTestCase {
    private func test(_ t: TempProject, update: Bool = false, db: String? = nil, junit: String? = nil) -> CommandOutput {
        runProjectTest(dialects: [], update: update, db: db, junit: junit, catalog: nil, tenant: nil, environment: t.environment())
    }

    private let fixture = """
    as_of: 2026-03-01
    entity:
      - {member_id: 1, plan: pro, seats: 12, fee: 9.5, trial: false, joined_on: 2025-01-01}
      - {member_id: 2, plan: team, seats: 3}
      - {member_id: 3, plan: free, seats: 40}
      - {member_id: 4, plan: null, seats: null}
    events:
      login:
        - {member_id: 1, at: "2026-02-27 08:00:00", device: ios}
        - {member_id: 3, at: 2026-02-28, device: web}
        - {member_id: 4, at: "2025-12-01T10:00", device: web}
    expect:
      paying: {keys: [1, 2]}
      big_teams: {keys: [1], count: 1}
      active: {keys: [1, 3]}
    """

    func testSnapshotsAreMissingThenWrittenThenPass() throws {
        let t = try ShopCatalog.project()
        let first = test(t)
        XCTAssertEqual(first.exitCode, 1)
        XCTAssertTrue(first.stdout.contains("FAIL snapshot postgres/paying [E1215]"), first.stdout)
        let update = test(t, update: true)
        XCTAssertEqual(update.exitCode, 0, update.stdout + update.stderr)
        XCTAssertTrue(update.stdout.contains("wrote tests/golden/sqlite/big_teams.sql"), update.stdout)
        let again = test(t)
        XCTAssertEqual(again.exitCode, 0, again.stdout)
        XCTAssertTrue(again.stdout.hasSuffix("6 passed, 0 failed (6 snapshots, 0 data tests)\n"), again.stdout)
    }

    func testAChangedSegmentShowsAUnifiedDiff() throws {
        let t = try ShopCatalog.project("dialects: [postgres]")
        XCTAssertEqual(test(t, update: true).exitCode, 0)
        try t.write("segments/plans.seg", ShopCatalog.segments.replacingOccurrences(of: "seats >= 10", with: "seats >= 20"))
        let out = test(t)
        XCTAssertEqual(out.exitCode, 1)
        XCTAssertTrue(out.stdout.contains("FAIL snapshot postgres/big_teams [E1213]"), out.stdout)
        XCTAssertTrue(out.stdout.contains("  --- tests/golden/postgres/big_teams.sql\n  +++ compiled postgres/big_teams\n  @@ "), out.stdout)
        XCTAssertTrue(out.stdout.contains("\n  -  AND e.\"seats\" >= 10\n  +  AND e.\"seats\" >= 20\n"), out.stdout)
        XCTAssertFalse(out.stdout.contains("postgres/paying ["), "unchanged segments pass")
    }

    func testStaleSnapshotsAreReportedAndRemovedByUpdate() throws {
        let t = try ShopCatalog.project("dialects: [postgres]")
        XCTAssertEqual(test(t, update: true).exitCode, 0)
        try t.write("tests/golden/postgres/gone.sql", "SELECT 1\n")
        let out = test(t)
        XCTAssertEqual(out.exitCode, 0)
        XCTAssertTrue(out.stderr.contains("warning[W1214]: stale snapshot tests/golden/postgres/gone.sql"), out.stderr)
        XCTAssertTrue(test(t, update: true).stdout.contains("removed tests/golden/postgres/gone.sql"))
        XCTAssertFalse(t.exists("tests/golden/postgres/gone.sql"))
    }

    func testASnapshotThatIsNotUTF8IsADiagnosticWithFileAndLine() throws {
        let t = try ShopCatalog.project("dialects: [postgres]")
        XCTAssertEqual(test(t, update: true).exitCode, 0)
        try t.writeBytes("tests/golden/postgres/paying.sql", Array("-- ok\n".utf8) + [0xC3, 0x28])
        let out = test(t)
        XCTAssertEqual(out.exitCode, 1)
        XCTAssertTrue(out.stderr.contains("tests/golden/postgres/paying.sql:2:1: error[E1212]: snapshot tests/golden/postgres/paying.sql is not UTF-8 text"), out.stderr)
    }

    func testDataTestsPassOnSQLiteAndReportWrongExpectations() throws {
        let t = try ShopCatalog.project("dialects: [postgres]")
        XCTAssertEqual(test(t, update: true).exitCode, 0)
        try t.write("tests/data/members.yaml", fixture)
        let ok = test(t)
        XCTAssertEqual(ok.exitCode, 0, ok.stdout + ok.stderr)
        XCTAssertTrue(ok.stdout.hasSuffix("6 passed, 0 failed (3 snapshots, 3 data tests)\n"), ok.stdout)

        try t.write("tests/data/members.yaml", fixture.replacingOccurrences(of: "active: {keys: [1, 3]}", with: "active: {keys: [1, 4], count: 3}"))
        let bad = test(t)
        XCTAssertEqual(bad.exitCode, 1)
        XCTAssertTrue(bad.stdout.contains("FAIL data tests/data/members.yaml: active [E1223]\n  expected keys [1, 4], got [1, 3]; missing 4; unexpected 3\n  expected count 3, got 2\n"), bad.stdout)
    }

    func testFixtureRowsFromCSV() throws {
        let t = try ShopCatalog.project("dialects: [postgres]")
        XCTAssertEqual(test(t, update: true).exitCode, 0)
        try t.write("tests/data/rows/members.csv", "member_id,plan,seats\n1,pro,12\n2,\"te\"\"am\",\n3,team,30\n")
        try t.write("tests/data/csv.yaml", "entity: {csv: rows/members.csv}\nexpect:\n  big_teams: {keys: [1, 3]}\n  paying: {count: 2}\n")
        let out = test(t)
        XCTAssertEqual(out.exitCode, 0, out.stdout + out.stderr)
    }

    func testBadFixturesAreDiagnosticsWithFileAndLine() throws {
        let t = try ShopCatalog.project("dialects: [postgres]")
        XCTAssertEqual(test(t, update: true).exitCode, 0)
        try t.write("tests/data/bad.yaml", """
        entity:
          - {member_id: 1, plna: pro}
          - {member_id: 2, seats: many, trial: yes, joined_on: 2026-02-30}
        events:
          logins: []
        expect:
          payng: {count: 1}
        """)
        try t.write("tests/data/rows.csv", "member_id,seats\n1,x\n2\n")
        try t.write("tests/data/csv.yaml", "entity: {csv: rows.csv}\nexpect:\n  paying: {count: 0}\n")
        let out = test(t)
        XCTAssertEqual(out.exitCode, 1)
        for expected in [
            "tests/data/bad.yaml:2:20: error[E1218]: members has no column \"plna\" in the catalog",
            "= help: did you mean \"plan\"?",
            "tests/data/bad.yaml:3:27: error[E1219]: members.seats is int, not \"many\"",
            "tests/data/bad.yaml:3:40: error[E1219]: members.trial is bool, not \"yes\"",
            "tests/data/bad.yaml:3:56: error[E1219]: members.joined_on is date, not \"2026-02-30\"",
            "tests/data/bad.yaml:5:3: error[E1221]: the catalog has no event \"logins\"",
            "tests/data/bad.yaml:7:3: error[E1220]: the project declares no segment \"payng\"",
            "tests/data/rows.csv:2: error[E1219]: members.seats is int, not \"x\"",
            "tests/data/rows.csv:3: error[E1222]: tests/data/rows.csv: 1 fields where the header has 2",
        ] {
            XCTAssertTrue(out.stderr.contains(expected), "missing: \(expected)\n\(out.stderr)")
        }
    }

    func testJUnitReportParsesAndCountsFailures() throws {
        let t = try ShopCatalog.project("dialects: [postgres]")
        XCTAssertEqual(test(t, update: true).exitCode, 0)
        try t.write("tests/data/members.yaml", fixture.replacingOccurrences(of: "paying: {keys: [1, 2]}", with: "paying: {keys: [1, \"<&>\"]}"))
        let out = test(t, junit: "reports/junit.xml")
        XCTAssertEqual(out.exitCode, 2, "the reports directory does not exist: \(out.stderr)")
        let ok = test(t, junit: "junit.xml")
        XCTAssertEqual(ok.exitCode, 1)
        let xml = try XMLDocument(contentsOf: URL(fileURLWithPath: t.path("junit.xml")))
        let root = try XCTUnwrap(xml.rootElement())
        XCTAssertEqual(root.attribute(forName: "tests")?.stringValue, "6")
        XCTAssertEqual(root.attribute(forName: "failures")?.stringValue, "1")
        let failures = try root.nodes(forXPath: "//testcase[failure]")
        XCTAssertEqual(failures.count, 1)
        XCTAssertEqual((failures.first as? XMLElement)?.attribute(forName: "name")?.stringValue, "tests/data/members.yaml: paying")
        XCTAssertTrue(failures.first?.stringValue?.contains("<&>") ?? false)
    }

    /// The same fixture on a real PostgreSQL server (scripts/pg_test_server.sh).
    func testDataTestsOnPostgreSQL() throws {
        let env = ProcessInfo.processInfo.environment
        guard let url = env["SEGMINT_TEST_PG"], !url.isEmpty else {
            if env["CI"] != nil { XCTFail("SEGMINT_TEST_PG is not set under CI") }
            throw XCTSkip("SEGMINT_TEST_PG not set (eval \"$(scripts/pg_test_server.sh start)\")")
        }
        let t = try ShopCatalog.project("dialects: [postgres]")
        XCTAssertEqual(test(t, update: true).exitCode, 0)
        try t.write("tests/data/members.yaml", fixture)
        let out = test(t, db: url)
        XCTAssertEqual(out.exitCode, 0, out.stdout + out.stderr)
        XCTAssertTrue(out.stdout.hasSuffix("6 passed, 0 failed (3 snapshots, 3 data tests)\n"), out.stdout)
        let unreachable = test(t, db: "postgres://nobody@127.0.0.1:1/none")
        XCTAssertEqual(unreachable.exitCode, 2, unreachable.stdout + unreachable.stderr)
    }

    /// The shipped example project passes its own tests.
    func testTheExampleProjectPasses() throws {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        let example = parts.joined(separator: "/") + "/examples/project"
        let out = runProjectTest(dialects: [], update: false, db: nil, junit: nil, catalog: nil, tenant: nil,
                                 environment: CommandEnvironment(workingDirectory: example, variables: [:]))
        XCTAssertEqual(out.exitCode, 0, out.stdout + out.stderr)
        XCTAssertTrue(out.stdout.contains("0 failed (8 snapshots, 4 data tests)"), out.stdout)
    }

    func testUnifiedDiffHunks() {
        let old = (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 3\n", with: "line three\n").replacingOccurrences(of: "line 18\n", with: "")
        XCTAssertEqual(UnifiedDiff.diff(old: old, new: new, oldName: "a", newName: "b"), """
        --- a
        +++ b
        @@ -1,6 +1,6 @@
         line 1
         line 2
        -line 3
        +line three
         line 4
         line 5
         line 6
        @@ -15,6 +15,5 @@
         line 15
         line 16
         line 17
        -line 18
         line 19
         line 20

        """)
    }
}
