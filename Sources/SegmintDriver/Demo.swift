import SegmintCore
import SegmintCatalog
import SegmintStore
import SegmintDemo

/// How many customers `segmint demo` writes unless told otherwise.
public let defaultDemoCustomers = DemoData.defaultCustomers

/// `segmint demo --db PATH|postgres://… [--catalog PATH] [--customers N] [--seed S] [--as-of DATE] [--format human|json]`:
/// writes the deterministic synthetic dataset for the catalog (default: the built-in copy of
/// `catalogs/retail.yaml`, so the binary needs no checkout). `asOf` is the reference date
/// (default: today, UTC); the same seed, date and count give the same rows. Prints one summary
/// line per table (`json`: one object). Exit 0 ok, 1 catalog errors, 2 usage/I/O/database.
public func runDemo(db url: String, catalogPath: String? = nil, customers: Int = DemoData.defaultCustomers,
                    seed: UInt64 = 1, asOf: String? = nil, format: String = "human") -> CommandOutput {
    let sources = SourceMap()
    let render = DiagnosticRenderer(sources: sources)
    func fail(_ code: Int32, _ d: [Diagnostic]) -> CommandOutput { CommandOutput(exitCode: code, stderr: render.human(d)) }

    guard format == "human" || format == "json" else {
        return fail(2, [.error(CLICode.usage, "unknown format \"\(format)\"", at: nil, help: "use human or json")])
    }
    guard customers >= 0, customers <= DemoData.maxCustomers else {
        return fail(2, [.error(DatabaseCode.badOption, "--customers must be between 0 and \(DemoData.maxCustomers), got \(customers)", at: nil)])
    }
    let reference: CivilDate
    if let asOf {
        guard let d = CivilDate(iso: asOf) else {
            return fail(2, [.error(DatabaseCode.badOption, "--as-of must be a date YYYY-MM-DD, got \"\(asOf)\"", at: nil)])
        }
        reference = d
    } else {
        guard let today = DemoData.today() else { return fail(2, [.error(DatabaseCode.badOption, "the system clock gives no valid date; pass --as-of", at: nil)]) }
        reference = today
    }
    do { _ = try DatabaseURL.parse(url) } catch let e as DatabaseError { return fail(2, [e.diagnostic]) } catch {
        return fail(2, [.error(DatabaseCode.badURL, "\(error)", at: nil)])
    }
    let loaded: CatalogLoadResult
    if let catalogPath {
        do { _ = try FileInput.read(catalogPath) } catch {
            return fail(2, [.error(CatalogCode.unreadable, "\(error)", at: nil, help: "pass a catalog with --catalog PATH, or leave it out for the built-in retail catalog")])
        }
        loaded = CatalogLoader.load(path: catalogPath, sources: sources)
    } else {
        loaded = CatalogLoader.load(yaml: BuiltinCatalog.retailYAML, path: BuiltinCatalog.retailName, sources: sources)
    }
    guard let catalog = loaded.catalog, !loaded.diagnostics.hasErrors else { return fail(1, loaded.diagnostics) }

    let clock = ContinuousClock()
    let start = clock.now
    let summary: DemoSummary
    do {
        summary = try DemoData.write(to: url, catalog: catalog, options: DemoOptions(customers: customers, seed: seed, asOf: reference))
    } catch let e as DatabaseError {
        return fail(2, loaded.diagnostics + [e.diagnostic])
    } catch {
        return fail(2, loaded.diagnostics + [.error(DatabaseCode.io, "\(error)", at: nil)])
    }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let target = (try? DatabaseURL.parse(url))?.displayName ?? url
    if format == "json" {
        let stdout = demoJSON(catalog: catalog.label, target: target, seed: seed, asOf: reference, tables: summary.tables, seconds: seconds)
        return CommandOutput(exitCode: 0, stdout: stdout, stderr: render.human(loaded.diagnostics))
    }
    var out = "wrote demo data for \(catalog.label) to \(target) (seed \(seed), as of \(reference))\n"
    for t in summary.tables { out += "  \(t.name): \(t.rows) rows\n" }
    out += "in \(formatSeconds(seconds)) s\n"
    return CommandOutput(exitCode: 0, stdout: out, stderr: render.human(loaded.diagnostics))
}

/// The `--format json` summary (shape in docs/cli-json.md).
func demoJSON(catalog: String, target: String, seed: UInt64, asOf: CivilDate, tables: [(name: String, rows: Int)],
              seconds: Double) -> String {
    let rows = tables.map { "    {\"name\": \(JSON.string($0.name)), \"rows\": \($0.rows)}" }
    return """
        {
          "catalog": \(JSON.string(catalog)),
          "target": \(JSON.string(target)),
          "seed": \(seed),
          "as_of": "\(asOf)",
          "tables": [
        \(rows.joined(separator: ",\n"))
          ],
          "seconds": \(formatSeconds(seconds))
        }

        """
}

func formatSeconds(_ s: Double) -> String {
    let tenths = Int((s * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
}
