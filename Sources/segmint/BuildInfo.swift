import CSegmintBuildInfo
import SegmintCore

/// What `segmint --version` prints.
enum BuildInfo {
    static let version = ToolVersion.number
    static let specVersion = ToolVersion.spec
    /// The git commit the binary was built from, or "unknown" (see Package.swift).
    static var commit: String { String(cString: segmint_build_commit()) }

    static var versionText: String {
        "segmint \(version) (commit \(commit); segment language spec \(specVersion))"
    }
}
