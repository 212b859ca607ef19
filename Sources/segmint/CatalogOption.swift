import SegmintDriver

/// `--catalog`, else `SEGMINT_CATALOG`, else the nearest segmint.yaml (docs/project.md); when
/// none gives one, exits with the error that names all three ways.
func resolvedCatalog(_ flag: String?, tenant: String? = nil) -> String {
    switch resolveCatalog(flag, tenant: tenant) {
    case .success(let path): return path
    case .failure(let out): finish(out)
    }
}
