import ArgumentParser
import SegmintDriver

/// `--materialize TABLE [--mode replace|append] [--columns a,b]` of `compile` and `run`.
struct MaterializeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write the members into this table (schema.table allowed) instead of returning keys.", valueName: "table"))
    var materialize: String?

    @Option(help: "With --materialize: replace (create or replace the table) or append (insert into an existing one).")
    var mode = "replace"

    @Option(help: ArgumentHelp("With --materialize: entity columns (facet names) to carry along, comma-separated.", valueName: "a,b"))
    var columns: String?
}

/// `--catalog`, else `SEGMINT_CATALOG`, else the nearest segmint.yaml (docs/project.md); when
/// none gives one, exits with the error that names all three ways.
func resolvedCatalog(_ flag: String?, tenant: String? = nil) -> String {
    switch resolveCatalog(flag, tenant: tenant) {
    case .success(let path): return path
    case .failure(let out): finish(out)
    }
}
