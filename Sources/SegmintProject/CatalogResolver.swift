import SegmintCore

/// Which catalog a command uses, and why.
public struct CatalogChoice: Sendable {
    public enum Origin: Sendable, Equatable { case flag, environment, project(tenant: String) }
    /// The path to open.
    public var path: String
    /// The path as shown in messages (relative to the working directory when the project names it).
    public var display: String
    public var origin: Origin
    public init(path: String, display: String, origin: Origin) { self.path = path; self.display = display; self.origin = origin }
}

/// The outcome of catalog resolution: a choice, or diagnostics and an exit code.
public struct CatalogResolution: Sendable {
    public var choice: CatalogChoice?
    /// The loaded project, when resolution read one (also on success through the flag, if found).
    public var project: Project?
    public var diagnostics: [Diagnostic]
    public var sources: SourceMap
    /// 2 for "no catalog anywhere" and an unreadable project file; 1 for a broken project file.
    public var exitCode: Int32
}

/// The one rule every command that takes `--catalog` follows (docs/project.md):
/// `--catalog PATH` > `SEGMINT_CATALOG` > the nearest `segmint.yaml` (with `--tenant`
/// choosing among its catalogs) > an error naming all three ways.
public enum CatalogResolver {
    public static let threeWays = "pass --catalog PATH, set SEGMINT_CATALOG=PATH, or name it in segmint.yaml (`catalog: PATH`; `segmint init` writes one)"

    public static func resolve(explicit: String?, tenant: String? = nil, environment: [String: String],
                               workingDirectory: String) -> CatalogResolution {
        let sources = SourceMap()
        if let explicit, !explicit.isEmpty {
            return CatalogResolution(choice: CatalogChoice(path: explicit, display: explicit, origin: .flag), project: nil,
                                     diagnostics: [], sources: sources, exitCode: 0)
        }
        if let env = environment["SEGMINT_CATALOG"], !env.isEmpty {
            return CatalogResolution(choice: CatalogChoice(path: env, display: env, origin: .environment), project: nil,
                                     diagnostics: [], sources: sources, exitCode: 0)
        }
        guard let loaded = ProjectLoader.discover(from: workingDirectory, sources: sources) else {
            return CatalogResolution(choice: nil, project: nil, diagnostics: [
                Diagnostic(code: ProjectCode.noCatalogAnywhere, message: "no catalog given and no segmint.yaml found", help: threeWays),
            ], sources: sources, exitCode: 2)
        }
        guard let project = loaded.project else {
            return CatalogResolution(choice: nil, project: nil, diagnostics: loaded.diagnostics, sources: sources,
                                     exitCode: loaded.isIOFailure ? 2 : 1)
        }
        switch project.tenant(tenant) {
        case .problem(let d):
            return CatalogResolution(choice: nil, project: project, diagnostics: loaded.diagnostics + [d], sources: sources, exitCode: 2)
        case .found(let tenant, let located):
            let path = project.resolve(located.value)
            let choice = CatalogChoice(path: path, display: relativePath(path, from: workingDirectory), origin: .project(tenant: tenant))
            return CatalogResolution(choice: choice, project: project, diagnostics: loaded.diagnostics, sources: sources, exitCode: 0)
        }
    }

    /// `path` relative to `directory` when both are absolute (`../catalogs/x.yaml`); else as is.
    public static func relativePath(_ path: String, from directory: String) -> String {
        guard path.hasPrefix("/") else { return path }
        let base = ProjectLocator.absolute(directory)
        let a = path.split(separator: "/", omittingEmptySubsequences: true)
        let b = base.split(separator: "/", omittingEmptySubsequences: true)
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        let ups = Array(repeating: "..", count: b.count - common)
        let rest = a[common...].map(String.init)
        let parts = ups + rest
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
