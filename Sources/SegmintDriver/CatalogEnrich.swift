import Foundation
import SegmintCore
import SegmintCatalog
import SegmintLLM
import SegmintNL

/// `segmint catalog enrich --catalog FILE [--write]`: a model proposes synonyms and descriptions
/// for the catalog's facets, events, fields (and values, shown only); the change is printed as a
/// diff on stdout and written — atomically, after the result loads as a valid catalog — only
/// with `--write`. Exit 0 done (or nothing to propose); 1 the catalog (or the result) is
/// invalid; 2 usage, I/O, no LLM configured, or the LLM could not answer.
public func runCatalogEnrich(catalog path: String, write: Bool, provider: (any LLMProvider)?, prompts: String? = nil,
                             environment: [String: String] = ProcessInfo.processInfo.environment) async -> CommandOutput {
    func fail(_ code: Int32, _ m: String) -> CommandOutput { CommandOutput(exitCode: code, stderr: "segmint: error: \(m)\n") }
    let sources = SourceMap()
    let loaded = CatalogLoader.load(path: path, sources: sources)
    guard let catalog = loaded.catalog else {
        let rendered = DiagnosticRenderer(sources: sources).human(loaded.diagnostics)
        return CommandOutput(exitCode: FileManager.default.fileExists(atPath: path) ? 1 : 2, stderr: rendered + "segmint: cannot load catalog \(path)\n")
    }
    guard let provider else {
        return fail(2, "catalog enrich needs an LLM: set OPENAI_API_KEY or ANTHROPIC_API_KEY, or write segmint.yaml (see docs/llm-config.md)")
    }
    let text: String
    do { text = String(decoding: try FileInput.read(path), as: UTF8.self) } catch { return fail(2, "\(error)") }
    let prompt: Prompt
    do { prompt = try CatalogEnrichment.prompt(directory: prompts ?? environment["SEGMINT_PROMPTS"].flatMap { $0.isEmpty ? nil : $0 }) } catch {
        return fail(2, "\(error)")
    }
    let enrichment = CatalogEnrichment(catalog: catalog, prompt: prompt, provider: provider)
    let proposed: (proposals: [CatalogEnrichment.Proposal], notes: [String])
    do { proposed = try await enrichment.propose() } catch let e as CatalogEnrichment.Failure {
        return fail(1, e.description)
    } catch {
        return fail(2, "the LLM could not answer (\(error)); the catalog is unchanged")
    }
    let result = enrichment.apply(to: text, proposals: proposed.proposals)
    var stderr = (proposed.notes + result.notes).map { "segmint: note: \($0)\n" }.joined()
    guard result.text != text else { return CommandOutput(exitCode: 0, stderr: stderr + "segmint: nothing to add to \(path)\n") }
    // The result must still be a valid catalog with the same items before anyone sees it as a change.
    let check = CatalogLoader.load(yaml: result.text, path: path, sources: SourceMap())
    guard let enriched = check.catalog, enriched.facets.map(\.name) == catalog.facets.map(\.name),
          enriched.events.map(\.name) == catalog.events.map(\.name) else {
        return fail(1, "the enriched catalog would not load as the same valid catalog; nothing was written")
    }
    let diff = "--- \(path)\n+++ \(path) (enriched)\n" + result.diff
    if write {
        do { try AtomicFile.write(result.text, to: path) } catch { return fail(2, "\(error)") }
        stderr += "segmint: wrote \(path) (\(result.proposals.count) item\(result.proposals.count == 1 ? "" : "s") enriched)\n"
    } else {
        stderr += "segmint: proposed changes only; rerun with --write to apply them\n"
    }
    return CommandOutput(exitCode: 0, stdout: diff, stderr: stderr)
}
