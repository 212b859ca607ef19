extension DiagnosticRegistry {
    /// E13xx/W13xx/N13xx: the editor integration and language server.
    static let editorCodes: [DiagnosticCodeEntry] = [
        .error("E1301", "catalog cannot be read",
               explanation: "The catalog named by the editor setting (initializationOptions.catalog) or by the project file's catalog key is missing or unreadable, so names and values in the open files are not checked.",
               example: "segmint.yaml:  catalog: catalogs/retial.yaml",
               fix: "segmint.yaml:  catalog: catalogs/retail.yaml"),
        .warning("W1302", "no catalog configured",
               explanation: "The editor found neither a catalog setting nor a segmint.yaml with a catalog key in the workspace; only syntax is checked.",
               example: "a workspace with .seg files and no segmint.yaml",
               fix: "add segmint.yaml with the line  catalog: catalogs/retail.yaml  (or set initializationOptions.catalog)"),
        .error("E1303", "catalog has errors",
               explanation: "The configured catalog does not load (its own errors are shown on the catalog file), so names and values in the open files are not checked.",
               example: "catalog.yaml:  facets: [",
               fix: "fix the errors reported on the catalog file"),
        .error("E1304", "project file names no catalog",
               explanation: "The workspace's segmint.yaml cannot be read or has neither a catalog key nor a catalogs list.",
               example: "segmint.yaml:  dialect: postgres",
               fix: "segmint.yaml:  catalog: catalogs/retail.yaml"),
        .error("E1305", "file too large for the editor",
               explanation: "The editor analyses files up to 16 MB; a larger file gets this one diagnostic and no completion, hover or formatting. `segmint check` still checks it.",
               example: "a generated 50 MB .seg file opened in the editor",
               fix: "segmint check generated.seg --catalog catalogs/retail.yaml, or split the file"),
    ]
}
