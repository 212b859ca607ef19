import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck
import SegmintSQL
import SegmintLLM

/// The version written into manifests and build hashes: a new compiler rebuilds everything.
public let segmintCompilerVersion = "segmint 0.4.0"

/// What `segmint build` is asked to do.
public struct BuildOptions: Sendable {
    public var dialects: [Dialect]
    /// Also write one dbt model per segment into this directory (as given, relative to the cwd).
    public var dbtDirectory: String?
    /// Ignore the previous build state (rebuild and compare every output).
    public var full: Bool
    public init(dialects: [Dialect], dbtDirectory: String? = nil, full: Bool = false) {
        self.dialects = dialects; self.dbtDirectory = dbtDirectory; self.full = full
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    public var sources: SourceMap
    public var diagnostics: [Diagnostic]
    /// 0 success, 1 errors in the input (nothing written), 2 I/O (unreadable file, missing directory, write failure).
    public var exitCode: Int32
    public var segments = 0
    /// Segments whose SQL was compiled this time (the rest were unchanged since the last build).
    public var compiled = 0
    /// Output files written (created or changed), and removed (their segment is gone).
    public var written = 0
    public var removed = 0
}

/// A project-relative `.seg` file read for a build.
struct ProjectFile {
    var path: String
    var bytes: [UInt8]
    var sha256: String
}

/// `segmint build`: every segment of the project to `target/<dialect>/<segment>.sql`, plus
/// `target/manifest.json`. Incremental (docs/project.md): a segment is compiled again only when
/// its file, something it depends on through `in segment`, the catalog, the as-of policy or the
/// compiler changed; an output is written only when its bytes differ. With any error, nothing
/// is written.
public enum ProjectBuild {
    public static func run(project: Project, catalog: CatalogChoice, target: String, options: BuildOptions) -> BuildReport {
        var b = Builder(project: project, catalog: catalog, target: target, options: options)
        return b.run()
    }
}

struct Builder {
    let project: Project
    let catalogChoice: CatalogChoice
    /// The output directory (absolute).
    let target: String
    let options: BuildOptions
    let sources = SourceMap()
    var diagnostics: [Diagnostic] = []
    var report: BuildReport

    init(project: Project, catalog: CatalogChoice, target: String, options: BuildOptions) {
        self.project = project; catalogChoice = catalog; self.target = target; self.options = options
        report = BuildReport(sources: sources, diagnostics: [], exitCode: 0)
    }

    mutating func finish(_ code: Int32) -> BuildReport {
        report.diagnostics = diagnostics.sortedForOutput()
        report.exitCode = code
        return report
    }

    mutating func run() -> BuildReport {
        let listed = ProjectSources.list(project)
        diagnostics += listed.diagnostics
        guard let catalog = loadCatalog() else { return finish(diagnostics.contains { $0.code == CatalogCode.unreadable } ? 2 : 1) }
        guard let files = readFiles(listed.files) else { return finish(2) }
        if !listed.diagnostics.isEmpty { return finish(2) }
        if files.isEmpty {
            diagnostics.append(Diagnostic(code: ProjectCode.noSegments, severity: .warning, message: "the project has no .seg files",
                                          help: "segment directories: " + project.segmentDirectories.map(\.value).joined(separator: ", ")))
        }
        let key = stateKey(catalog.sha256)
        let old = options.full ? nil : loadState().flatMap { $0.key == key ? $0 : nil }
        var plan = IncrementalPlan(files: files, old: old)
        plan.addMissingOutputs(existing: outputExists)
        let compiled = compile(plan: plan, files: files, catalog: catalog.catalog, key: key)
        if diagnostics.hasErrors { return finish(1) }
        guard let result = compiled else { return finish(1) }
        let written = write(result, catalog: catalog)
        return finish(written ? 0 : 2)
    }

    /// The catalog's text hash and model; diagnostics on failure.
    mutating func loadCatalog() -> (catalog: PreparedCatalog, label: String, sha256: String)? {
        let bytes: [UInt8]
        do { bytes = try FileInput.read(catalogChoice.path) } catch {
            diagnostics.append(Diagnostic(code: CatalogCode.unreadable, message: "cannot read catalog: \(error)",
                                          help: CatalogResolver.threeWays, location: .init(file: catalogChoice.display)))
            return nil
        }
        let loaded = CatalogLoader.load(bytes: bytes, path: catalogChoice.display, sources: sources)
        diagnostics += loaded.diagnostics
        guard let catalog = loaded.catalog, !loaded.diagnostics.hasErrors else { return nil }
        return (PreparedCatalog(catalog), catalog.label, SHA256.hex(bytes))
    }

    /// Every listed file's bytes and hash; nil (with diagnostics) when one cannot be read.
    mutating func readFiles(_ paths: [String]) -> [ProjectFile]? {
        var out: [ProjectFile] = []
        out.reserveCapacity(paths.count)
        var failed = false
        for path in paths {
            do {
                let bytes = try FileInput.read(project.resolve(path))
                out.append(ProjectFile(path: path, bytes: bytes, sha256: SHA256.hex(bytes)))
            } catch {
                diagnostics.append(Diagnostic(code: CheckCode.unreadableFile, message: "\(error)", location: .init(file: path)))
                failed = true
            }
        }
        return failed ? nil : out
    }

    func stateKey(_ catalogSHA: String) -> String {
        [segmintCompilerVersion, catalogSHA, project.asOf.map(\.description) ?? "current",
         options.dialects.map(\.rawValue).joined(separator: ","), options.dbtDirectory ?? "-"].joined(separator: " ")
    }

    var statePath: String { target + "/.build-state" }

    func loadState() -> BuildState? {
        Files.read(statePath).flatMap { BuildState.decode(String(decoding: $0, as: UTF8.self)) }
    }

    func outputExists(_ segment: String) -> Bool {
        options.dialects.allSatisfy { Files.exists(target + "/\($0.rawValue)/\(segment).sql") }
            && (options.dbtDirectory.map { Files.exists($0 + "/\(segment).sql") } ?? true)
    }
}
