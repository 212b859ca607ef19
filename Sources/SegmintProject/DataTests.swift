import SegmintCore
import SegmintCatalog
import SegmintCheck
import SegmintSQL
import SegmintStore

/// Data tests (docs/project.md): each fixture's rows are loaded into a fresh database —
/// embedded SQLite in memory, or a new schema on the PostgreSQL server of `--db` — and each
/// expected segment is compiled for that database and run.
public enum DataTests {
    public struct Outcome {
        public var results: [TestCaseResult] = []
        public var diagnostics: [Diagnostic] = []
        /// The database could not be reached (exit 2).
        public var ioFailure = false
    }

    /// `fixtures`: (path to open, path to show). `database` nil = SQLite in memory.
    public static func run(program: CheckedProgram, fixtures: [(path: String, display: String)], projectAsOf: CivilDate?,
                           database url: String?, sources: SourceMap) -> Outcome {
        var out = Outcome()
        let names = Set(program.segments.map(\.name))
        for f in fixtures {
            let loaded = FixtureLoader.load(path: f.path, display: f.display, catalog: program.catalog, segments: names, sources: sources)
            out.diagnostics += loaded.diagnostics
            guard let fixture = loaded.fixture else {
                out.results.append(.init(kind: .data, name: f.display, failure: "fixture \(f.display) has errors", code: ProjectCode.fixtureShape))
                continue
            }
            do {
                let db = try FixtureDatabase(url: url, catalog: program.catalog)
                defer { db.close() }
                try db.load(fixture)
                for e in fixture.expectations {
                    out.results.append(check(e, in: fixture, program: program, asOf: fixture.asOf ?? projectAsOf, db: db))
                }
            } catch let e as DatabaseError {
                if e.kind == .connection || e.kind == .badURL { out.ioFailure = true }
                out.diagnostics.append(Diagnostic(code: ProjectCode.database, message: "\(f.display): \(e.message)", location: .init(file: f.display)))
                out.results.append(.init(kind: .data, name: f.display, failure: e.message, code: ProjectCode.database))
            } catch {
                out.diagnostics.append(Diagnostic(code: ProjectCode.database, message: "\(f.display): \(error)", location: .init(file: f.display)))
                out.results.append(.init(kind: .data, name: f.display, failure: "\(error)", code: ProjectCode.database))
            }
        }
        return out
    }

    static func check(_ e: Fixture.Expectation, in fixture: Fixture, program: CheckedProgram, asOf: CivilDate?, db: FixtureDatabase) -> TestCaseResult {
        let name = "\(fixture.path): \(e.segment)"
        let sql: String
        switch SQLCompiler.compile(program, segment: e.segment, options: CompileOptions(dialect: db.dialect, asOf: asOf)) {
        case .success(let s): sql = s
        case .failure(let f): return .init(kind: .data, name: name, failure: f.diagnostics.map(\.message).joined(separator: "; "), code: ProjectCode.expectationFailed)
        }
        let keys: [String]
        do { keys = try db.keys(sql) } catch {
            return .init(kind: .data, name: name, failure: "\(error)", code: ProjectCode.database)
        }
        var problems: [String] = []
        if let want = e.keys {
            let got = Set(keys), expected = Set(want)
            if got != expected {
                let missing = keyList(expected.subtracting(got)), extra = keyList(got.subtracting(expected))
                var p = "expected keys [\(keyList(expected).joined(separator: ", "))], got [\(keyList(got).joined(separator: ", "))]"
                if !missing.isEmpty { p += "; missing " + missing.joined(separator: ", ") }
                if !extra.isEmpty { p += "; unexpected " + extra.joined(separator: ", ") }
                problems.append(p)
            }
        }
        if let n = e.count, n != keys.count { problems.append("expected count \(n), got \(keys.count)") }
        return .init(kind: .data, name: name, failure: problems.isEmpty ? nil : problems.joined(separator: "\n"),
                     code: problems.isEmpty ? nil : ProjectCode.expectationFailed)
    }

    /// Numeric order when every key is an integer, else byte order.
    static func keyList(_ keys: Set<String>) -> [String] {
        if keys.allSatisfy({ Int64($0) != nil }) { return keys.sorted { (Int64($0) ?? 0) < (Int64($1) ?? 0) } }
        return keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
