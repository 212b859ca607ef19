import SegmintCore
import SegmintSQL
import SegmintProject

/// `segmint build [--dialect D …] [--dbt DIR] [--full] [--catalog PATH] [--tenant T]`: every
/// segment of the project (found by walking up to segmint.yaml) to
/// `target/<dialect>/<segment>.sql` and `target/manifest.json`. Diagnostics of every file on
/// stderr, then one summary line. Exit 0 built (warnings allowed), 1 errors in the input
/// (nothing written), 2 usage or I/O (no project, unreadable file, missing directory, write failure).
public func runBuild(dialects: [String], dbt: String?, full: Bool, catalog: String?, tenant: String?,
                     environment: CommandEnvironment = .process) -> CommandOutput {
    let context: LoadedProject
    switch ProjectContext.load(catalog: catalog, tenant: tenant, environment: environment) {
    case .success(let c): context = c
    case .failure(let out): return out
    }
    let chosen: [Dialect]
    switch chooseDialects(dialects, default: context.project.dialects) { case .success(let d): chosen = d; case .failure(let out): return out }
    let dbtDir = dbt.map { $0.hasPrefix("/") ? $0 : environment.workingDirectory + "/" + $0 }
    let report = ProjectBuild.run(project: context.project, catalog: context.catalog, target: context.target,
                                  options: BuildOptions(dialects: chosen, dbtDirectory: dbtDir, full: full))
    var err = context.warnings + DiagnosticRenderer(sources: report.sources).human(report.diagnostics)
    let summary = FrontEnd.summary(report.diagnostics)
    if report.exitCode == 0 {
        let where_ = CatalogResolver.relativePath(context.target, from: environment.workingDirectory)
        err += "built \(report.segments) segment\(report.segments == 1 ? "" : "s") for \(chosen.map(\.rawValue).joined(separator: ", "))"
            + " in \(where_)/: \(report.compiled) compiled, \(report.written) file\(report.written == 1 ? "" : "s") written"
            + (report.removed > 0 ? ", \(report.removed) removed" : "") + (summary.isEmpty ? "" : " (\(summary))") + "\n"
    } else if !summary.isEmpty {
        err += summary + (report.exitCode == 1 ? "; nothing written" : "") + "\n"
    }
    return CommandOutput(exitCode: report.exitCode, stderr: err)
}

/// The dialects named with `--dialect` (duplicates dropped, order kept), else the project's.
func chooseDialects(_ names: [String], default fallback: [Dialect]) -> Result<[Dialect], CommandOutput> {
    var chosen: [Dialect] = []
    for name in names {
        guard let d = Dialect(rawValue: name) else { return .failure(unknownDialect(name)) }
        if !chosen.contains(d) { chosen.append(d) }
    }
    return .success(chosen.isEmpty ? fallback : chosen)
}

func unknownDialect(_ name: String) -> CommandOutput {
    let names = Dialect.allCases.map(\.rawValue)
    let hint = Suggest.closest(to: name, in: names).map { "did you mean \"\($0)\"? " } ?? ""
    return CommandOutput(exitCode: 2, stderr: DiagnosticRenderer(sources: SourceMap()).human([
        Diagnostic(code: ProjectCode.unknownDialect, message: "unknown dialect \"\(name)\"", help: "\(hint)dialects: \(names.joined(separator: ", "))"),
    ]))
}
