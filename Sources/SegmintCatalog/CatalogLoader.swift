import SegmintCore

/// The loader's product: a valid catalog, or nil and the diagnostics that say why.
public struct CatalogLoadResult: Sendable {
    public var catalog: Catalog?
    public var diagnostics: [Diagnostic]
    public init(catalog: Catalog?, diagnostics: [Diagnostic]) { self.catalog = catalog; self.diagnostics = diagnostics }
}

/// Reads and validates a catalog YAML file (spec §4). The file's text is added to `sources`,
/// so diagnostics point at its line and key with a caret like any other source.
public enum CatalogLoader {
    public static func load(path: String, sources: SourceMap) -> CatalogLoadResult {
        // TODO(#2): stub until the loader lands.
        CatalogLoadResult(catalog: nil, diagnostics: [.error("E0900", "catalog loader not implemented", at: nil)])
    }

    public static func load(yaml: String, path: String, sources: SourceMap) -> CatalogLoadResult {
        CatalogLoadResult(catalog: nil, diagnostics: [.error("E0900", "catalog loader not implemented", at: nil)])
    }
}
