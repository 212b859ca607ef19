/// Diagnostic codes of the editor server (range E13xx/W13xx, registered in SegmintCore's
/// `DiagnosticRegistry`). The language's own codes come from the same checker `segmint check`
/// runs; these cover what only an editor meets.
public enum IDECode {
    /// The configured catalog (setting or project file) cannot be read.
    public static let catalogUnreadable = "E1301"
    /// No catalog is configured: names and values are not checked.
    public static let noCatalog = "W1302"
    /// The catalog has errors (they are reported on the catalog file itself).
    public static let catalogInvalid = "E1303"
    /// The project file `segmint.yaml` cannot be used.
    public static let projectFile = "E1304"
    /// The document is larger than the editor analyses.
    public static let tooLarge = "E1305"
}
