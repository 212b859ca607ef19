import CSegmintBuildInfo

/// What `segmint --version` prints.
enum BuildInfo {
    /// The release of the tool.
    static let version = "0.1.0"
    /// The revision of the segment language and catalog contract this build implements
    /// (`segment-language.md`); it changes when the language or catalog format changes.
    static let specVersion = "1"
    /// The git commit the binary was built from, or "unknown" (see Package.swift).
    static var commit: String { String(cString: segmint_build_commit()) }

    static var versionText: String {
        "segmint \(version) (commit \(commit); segment language spec \(specVersion))"
    }
}
