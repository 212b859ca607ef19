import SegmintCore
import SegmintSQL
import SegmintProject

/// `segmint test [--dialect D …] [--update] [--db postgres://…] [--junit FILE]`: the project's
/// snapshot tests and data tests (docs/project.md). Failures (diffs, expected vs got) on
/// stdout, diagnostics on stderr, a summary line last. Exit 0 all passed, 1 a test failed or the
/// input has errors, 2 usage or I/O (no project, unreadable files, database unreachable).
public func runProjectTest(dialects: [String], update: Bool, db: String?, junit: String?, catalog: String?, tenant: String?,
                           environment: CommandEnvironment = .process) -> CommandOutput {
    let context: LoadedProject
    switch ProjectContext.load(catalog: catalog, tenant: tenant, environment: environment) {
    case .success(let c): context = c
    case .failure(let out): return out
    }
    let chosen: [Dialect]
    switch chooseDialects(dialects, default: context.project.dialects) { case .success(let d): chosen = d; case .failure(let out): return out }
    let project = context.project
    let loaded = ProjectProgram.load(project, catalog: context.catalog)
    var err = context.warnings + DiagnosticRenderer(sources: loaded.sources).human(loaded.diagnostics)
    guard let program = loaded.program else {
        let summary = FrontEnd.summary(loaded.diagnostics)
        return CommandOutput(exitCode: max(1, loaded.exitCode), stderr: err + (summary.isEmpty ? "" : summary + "\n"))
    }
    let shownSnapshots = CatalogResolver.relativePath(context.snapshots, from: environment.workingDirectory)
    let snaps = SnapshotTests.run(program: program, dialects: chosen, asOf: project.asOf, directory: context.snapshots,
                                  display: shownSnapshots, update: update, sources: loaded.sources)
    let fixtures = ProjectSources.fixtures(project).map {
        (path: project.resolve($0), display: CatalogResolver.relativePath(project.resolve($0), from: environment.workingDirectory))
    }
    let data = DataTests.run(program: program, fixtures: fixtures, projectAsOf: project.asOf, database: db, sources: loaded.sources)
    let results = snaps.results + data.results
    err += DiagnosticRenderer(sources: loaded.sources).human(snaps.diagnostics + data.diagnostics)
    var out = snaps.updated.map { $0 + "\n" }.joined()
    for r in results where !r.passed {
        out += "FAIL \(r.kind.rawValue) \(r.name)\(r.code.map { " [\($0)]" } ?? "")\n"
        var text = r.failure ?? ""
        while text.hasSuffix("\n") { text.removeLast() }
        out += text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
    }
    let failed = results.filter { !$0.passed }.count
    let snapCount = snaps.results.count, dataCount = data.results.count
    out += "\(results.count - failed) passed, \(failed) failed (\(snapCount) snapshot\(snapCount == 1 ? "" : "s"), \(dataCount) data test\(dataCount == 1 ? "" : "s"))\n"
    if let junit {
        let path = junit.hasPrefix("/") ? junit : environment.workingDirectory + "/" + junit
        do { try AtomicFile.write(JUnitReport.xml(results), to: path) } catch {
            err += DiagnosticRenderer(sources: SourceMap()).human([Diagnostic(code: ProjectCode.writeFailed, message: "\(error)")])
            return CommandOutput(exitCode: 2, stdout: out, stderr: err)
        }
    }
    let code: Int32 = data.ioFailure ? 2 : (failed > 0 || (snaps.diagnostics + data.diagnostics).hasErrors) ? 1 : 0
    return CommandOutput(exitCode: code, stdout: out, stderr: err)
}
