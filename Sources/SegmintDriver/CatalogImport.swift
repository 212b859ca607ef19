import SegmintCore
import SegmintCatalog
import SegmintStore
import SegmintCatalogImport

/// `segmint catalog import --db URL --entity TABLE --key COLUMN [--out FILE]`: introspects the
/// schema and prints a starter catalog YAML (or writes it atomically to `out`). The result is
/// loaded back with the catalog loader; its problems are reported as warnings, since the user
/// edits the file anyway. Exit 0 ok, 2 usage/I/O/database.
/// `maxValues` bounds the distinct values sampled into a text column's `values` (0: none
/// sampled; declared CHECK/enum values are always taken). What was inferred goes to stderr.
public func runCatalogImport(db url: String, entity: String, key: String, out: String? = nil, maxValues: Int = 50) -> CommandOutput {
    let sources = SourceMap()
    let render = DiagnosticRenderer(sources: sources)
    func fail(_ d: Diagnostic) -> CommandOutput { CommandOutput(exitCode: 2, stderr: render.human([d])) }
    guard !entity.isEmpty else { return fail(.error(DatabaseCode.badOption, "--entity must name a table", at: nil)) }
    guard !key.isEmpty else { return fail(.error(DatabaseCode.badOption, "--key must name a column", at: nil)) }
    guard maxValues >= 0 else { return fail(.error(DatabaseCode.badOption, "--max-values must be 0 or more, got \(maxValues)", at: nil)) }
    let yaml: String
    let inferred: String
    do {
        let target = try DatabaseURL.parse(url)
        let database = try DatabaseURL.open(url, create: false)
        defer { database.close() }
        let result = try CatalogImporter.importCatalog(from: database, entity: entity, key: key, maxValues: maxValues,
                                                       source: target.displayName)
        yaml = result.yaml
        inferred = result.inferred.map { "inferred: \($0)\n" }.joined()
    } catch let e as DatabaseError {
        return fail(e.diagnostic)
    } catch {
        return fail(.error(DatabaseCode.io, "\(error)", at: nil))
    }
    let check = CatalogLoader.load(yaml: yaml, path: out ?? "<imported catalog>", sources: sources)
    let warnings = importWarnings(check.diagnostics)
    let notes = inferred + render.human(warnings)
    guard let out else { return CommandOutput(exitCode: 0, stdout: yaml, stderr: notes) }
    do { try AtomicFile.write(yaml, to: out) } catch {
        return fail(.error(DatabaseCode.io, "\(error)", at: nil))
    }
    return CommandOutput(exitCode: 0, stdout: "", stderr: notes + "wrote \(out)\n")
}

/// What the catalog loader finds in an imported catalog, as warnings W1008: the file is a
/// starter the user edits, so the import still succeeds, but each problem names the loader's own
/// code, which `check` reports as an error until the file is fixed. Severity and code agree.
func importWarnings(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.map { d in
        var w = d
        w.severity = .warning
        w.code = DatabaseCode.importNeedsEditing
        w.message = "\(d.message) (\(d.code) when the catalog is loaded)"
        w.help = d.help ?? "edit the imported catalog before using it"
        return w
    }
}
