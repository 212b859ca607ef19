import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck
import SegmintSQL
import SegmintLLM
#if canImport(Glibc)
import Glibc
#endif

/// The version written into manifests and build hashes: a new compiler rebuilds everything.
public let segmintCompilerVersion = "segmint \(ToolVersion.number)"

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
    /// CPU seconds per phase (list, catalog, state, read, plan, compile, write), for benchmarks.
    public var timings: [(phase: String, seconds: Double)] = []
}

/// A project-relative `.seg` file of a build. `bytes` is nil when size and mtime match the
/// previous build's record: the file is then read only if it must be parsed.
struct ProjectFile {
    var path: String
    var bytes: [UInt8]?
    var sha256: String
    var size: Int
    var mtime: Int
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
        let started = Builder.now()
        var clock = PhaseClock()
        let listed = ProjectSources.listWithStats(project)
        diagnostics += listed.diagnostics
        clock.lap("list", into: &report)
        guard let catalog = loadCatalog() else { return finish(diagnostics.contains { $0.code == CatalogCode.unreadable } ? 2 : 1) }
        if !listed.diagnostics.isEmpty { return finish(2) }
        clock.lap("catalog", into: &report)
        let key = stateKey(catalog.sha256)
        let oldBytes = Files.read(statePath)
        let old = options.full ? nil : oldBytes.flatMap(BuildState.decode).flatMap { $0.key == key ? $0 : nil }
        clock.lap("state", into: &report)
        guard let files = readFiles(listed.files, old: old) else { return finish(2) }
        clock.lap("read", into: &report)
        if files.isEmpty {
            diagnostics.append(Diagnostic(code: ProjectCode.noSegments, severity: .warning, message: "the project has no .seg files",
                                          help: "segment directories: " + project.segmentDirectories.map(\.value).joined(separator: ", ")))
        }
        var plan = IncrementalPlan(files: files, old: old)
        plan.addMissingOutputs(existing: existingOutputs())
        clock.lap("plan", into: &report)
        let compiled = compile(plan: plan, files: files, catalog: catalog.catalog, key: key)
        clock.lap("compile", into: &report)
        if diagnostics.hasErrors { return finish(1) }
        guard var result = compiled else { return finish(1) }
        result.state.started = started
        let written = write(result, catalog: catalog, old: old, oldStateBytes: oldBytes)
        clock.lap("write", into: &report)
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

    /// Every listed file's hash: from the previous build when size and mtime are unchanged,
    /// else read and hashed. nil (with diagnostics) when one cannot be read.
    mutating func readFiles(_ listed: [ProjectSources.Listed], old: BuildState?) -> [ProjectFile]? {
        var out: [ProjectFile] = []
        out.reserveCapacity(listed.count)
        var failed = false
        for f in listed {
            if let old, old.unchanged(f.path, size: f.size, mtime: f.mtime), let rec = old.files[f.path] {
                out.append(ProjectFile(path: f.path, bytes: nil, sha256: rec.sha256, size: f.size, mtime: f.mtime))
                continue
            }
            do {
                let bytes = try FileInput.read(project.resolve(f.path))
                out.append(ProjectFile(path: f.path, bytes: bytes, sha256: SHA256.hex(bytes), size: f.size, mtime: f.mtime))
            } catch {
                diagnostics.append(Diagnostic(code: CheckCode.unreadableFile, message: "\(error)", location: .init(file: f.path)))
                failed = true
            }
        }
        return failed ? nil : out
    }

    /// CPU time of this process per phase (the machine may be shared with other work).
    struct PhaseClock {
        var last = PhaseClock.cpu()
        static func cpu() -> Double {
            var ts = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
            return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
        }
        mutating func lap(_ phase: String, into report: inout BuildReport) {
            let t = PhaseClock.cpu()
            report.timings.append((phase, t - last))
            last = t
        }
    }

    /// Wall-clock time in ns (file mtimes are wall-clock too).
    static func now() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int(ts.tv_sec) * 1_000_000_000 + Int(ts.tv_nsec)
    }

    func stateKey(_ catalogSHA: String) -> String {
        [segmintCompilerVersion, catalogSHA, project.asOf.map(\.description) ?? "current",
         options.dialects.map(\.rawValue).joined(separator: ","), options.dbtDirectory ?? "-"].joined(separator: " ")
    }

    var statePath: String { target + "/.build-state" }

    /// Which segments have all their outputs: one directory listing per output directory
    /// (a `stat` per file costs several times more for 10,000 segments).
    func existingOutputs() -> (String) -> Bool {
        let dirs = options.dialects.map { target + "/" + $0.rawValue } + (options.dbtDirectory.map { [$0] } ?? [])
        let present = dirs.map { Set(SnapshotTests.listSQL($0)) }
        return { segment in present.allSatisfy { $0.contains(segment + ".sql") } }
    }
}
