import SegmintCore
import SegmintProject
#if canImport(Glibc)
import Glibc
#endif

/// Where a command runs: its working directory and environment (tests pass their own).
public struct CommandEnvironment: Sendable {
    public var workingDirectory: String
    public var variables: [String: String]
    public init(workingDirectory: String, variables: [String: String]) {
        self.workingDirectory = workingDirectory; self.variables = variables
    }

    /// The process's own directory and environment.
    public static var process: CommandEnvironment {
        var buf = [CChar](repeating: 0, count: 4096)
        let cwd = getcwd(&buf, buf.count).map { _ in String(cString: buf) } ?? "."
        var vars: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") { vars[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            p += 1
        }
        return CommandEnvironment(workingDirectory: cwd, variables: vars)
    }
}

/// The catalog path a command uses (docs/project.md, "Which catalog"): `--catalog` >
/// `SEGMINT_CATALOG` > the nearest segmint.yaml (`--tenant` choosing) > an error naming all
/// three. Every command that takes `--catalog` calls this one function.
public func resolveCatalog(_ explicit: String?, tenant: String? = nil,
                           environment: CommandEnvironment = .process) -> Result<String, CommandOutput> {
    let r = CatalogResolver.resolve(explicit: explicit, tenant: tenant, environment: environment.variables,
                                    workingDirectory: environment.workingDirectory)
    if let choice = r.choice { return .success(choice.path) }
    let err = DiagnosticRenderer(sources: r.sources).human(r.diagnostics)
    return .failure(CommandOutput(exitCode: r.exitCode, stderr: err))
}

/// The project a project command (build, test) works in: the nearest segmint.yaml, loaded.
struct LoadedProject {
    var project: Project
    var catalog: CatalogChoice
    /// Output directories for this tenant (absolute): `target` and `snapshots`, with a
    /// `<tenant>/` level when the project has several catalogs.
    var target: String
    var snapshots: String
    /// Warnings of the project file, already rendered.
    var warnings: String
}

enum ProjectContext {
    static func load(catalog explicit: String?, tenant: String?, environment: CommandEnvironment) -> Result<LoadedProject, CommandOutput> {
        let sources = SourceMap()
        guard let loaded = ProjectLoader.discover(from: environment.workingDirectory, sources: sources) else {
            return .failure(CommandOutput(exitCode: 2, stderr: DiagnosticRenderer(sources: sources).human([
                Diagnostic(code: ProjectCode.noProject, message: "no segmint.yaml in \(environment.workingDirectory) or any directory above it",
                           help: "`segmint init` writes one"),
            ])))
        }
        let render = DiagnosticRenderer(sources: sources)
        guard let project = loaded.project else {
            return .failure(CommandOutput(exitCode: loaded.isIOFailure ? 2 : 1, stderr: render.human(loaded.diagnostics)))
        }
        let r = CatalogResolver.resolve(explicit: explicit, tenant: tenant, environment: environment.variables,
                                        workingDirectory: environment.workingDirectory)
        guard var choice = r.choice else {
            return .failure(CommandOutput(exitCode: r.exitCode, stderr: DiagnosticRenderer(sources: r.sources).human(r.diagnostics)))
        }
        // Opened from here on by absolute path: the build must not depend on the process's directory.
        if !choice.path.hasPrefix("/") { choice.path = environment.workingDirectory + "/" + choice.path }
        var target = project.resolve(project.target), snapshots = project.resolve(project.snapshots)
        if project.catalogs.count > 1, case .project(let t) = choice.origin {
            target += "/" + t
            snapshots += "/" + t
        }
        return .success(LoadedProject(project: project, catalog: choice, target: target, snapshots: snapshots,
                                      warnings: render.human(loaded.diagnostics)))
    }
}

/// A command's early exit travels as the failure of a `Result`.
extension CommandOutput: Error {}
