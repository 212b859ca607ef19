/// The release of the tool, in one place: `segmint --version` prints it and project builds hash
/// it into every output (a new compiler rebuilds everything).
public enum ToolVersion {
    public static let number = "0.4.0"
    /// The revision of the segment language and catalog contract this build implements
    /// (`segment-language.md`); it changes when the language or catalog format changes.
    public static let spec = "1"
}
