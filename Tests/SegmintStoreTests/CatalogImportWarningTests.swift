import XCTest
import SegmintCore
import SegmintCatalog
@testable import SegmintStore
@testable import SegmintDriver

/// Problems in an imported catalog are warnings with a warning code (W1008) that names the
/// loader's own code; a schema whose tables all lack something still imports as a loadable file.
final class CatalogImportWarningTests: XCTestCase {
    func sqlite(_ statements: [String]) throws -> String {
        let p = NSTemporaryDirectory() + "segmint-import-warn-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).db"
        let db = try SQLiteDatabase(path: p)
        for s in statements { try db.execute(s) }
        db.close()
        return p
    }

    func testLoaderProblemsBecomeW1008WarningsNamingTheLoaderCode() {
        let sources = SourceMap()
        let loaded = CatalogLoader.load(yaml: "name: x\nversion: 1\nentity: {name: c, table: c, key: id}\nfacets: []\nevents: 3\n",
                                        path: "i.yaml", sources: sources)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        XCTAssertFalse(errors.isEmpty, "the fixture must have a loader error")
        let warnings = importWarnings(loaded.diagnostics)
        XCTAssertEqual(warnings.count, loaded.diagnostics.count)
        for (w, d) in zip(warnings, loaded.diagnostics) {
            XCTAssertEqual(w.severity, .warning)
            XCTAssertEqual(w.code, "W1008")
            XCTAssertTrue(w.message.contains("(\(d.code) when the catalog is loaded)"), w.message)
            XCTAssertEqual(w.span, d.span, "the warning points where the problem is")
        }
        XCTAssertEqual(DiagnosticRegistry.entry("W1008")?.severity, .warning)
        let rendered = DiagnosticRenderer(sources: sources, color: false).human(warnings)
        XCTAssertTrue(rendered.contains("warning[W1008]: "), rendered)
        XCTAssertFalse(rendered.contains("warning[E"), "a warning never carries an error code: \(rendered)")
    }

    /// Tables that cannot become events (no date column) and events whose only other columns
    /// are skipped leave comments under `events:`/`fields:`; the lists are still closed with [].
    func testSkippedEventsAndFieldsStillLoadWithoutWarnings() throws {
        let p = try sqlite([
            "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT)",
            "CREATE TABLE notes (id INTEGER, body TEXT)",
        ])
        defer { unlink(p) }
        let r = runCatalogImport(db: p, entity: "people", key: "id")
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("# table notes holds id but has no date or timestamp column"), r.stdout)
        XCTAssertFalse(r.stderr.contains("warning"), r.stderr)
        XCTAssertFalse(CatalogLoader.load(yaml: r.stdout, path: "i.yaml", sources: SourceMap()).diagnostics.hasErrors, r.stdout)

        let q = try sqlite([
            "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT)",
            "CREATE TABLE visits (id INTEGER, at DATE, blobby BLOB)",
        ])
        defer { unlink(q) }
        let v = runCatalogImport(db: q, entity: "people", key: "id")
        XCTAssertEqual(v.exitCode, 0, v.stderr)
        XCTAssertTrue(v.stdout.contains("skipped column blobby"), v.stdout)
        XCTAssertFalse(v.stderr.contains("warning"), v.stderr)
        XCTAssertFalse(CatalogLoader.load(yaml: v.stdout, path: "i.yaml", sources: SourceMap()).diagnostics.hasErrors, v.stdout)
    }
}
