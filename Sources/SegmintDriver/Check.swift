import SegmintCore
import SegmintCheck
import SegmintAnalysis
#if canImport(Glibc)
import Glibc
#endif

/// `segmint check FILE... --catalog PATH [--strict] [--format human|json]`.
///
/// Human format: compiler-style diagnostics and a summary line (`2 errors, 1 warning`) on
/// stderr, nothing on stdout. JSON format: one array on stdout (code, severity, message, file,
/// line, column, end, help). Exit 0 valid (warnings allowed), 1 errors, 2 usage or I/O error.
public func runCheck(paths: [String], catalogPath: String, strict: Bool, format: String) -> CommandOutput {
    runCheck(paths: paths, catalogPath: catalogPath, strict: strict, format: format, base: nil)
}

/// As above; relative paths are read under `base` but shown as given (golden tests use this
/// to print repo-relative paths without changing the working directory). `freeAtExit: false`
/// (the executable) keeps the parsed and checked program alive, since the process ends next.
/// `color` adds ANSI colours to the human form (the executable decides with `ColorChoice`).
public func runCheck(paths: [String], catalogPath: String, strict: Bool, format: String, base: String?,
                     freeAtExit: Bool = true, color: Bool = false) -> CommandOutput {
    guard format == "human" || format == "json" else {
        return .usage(CLICode.usage, "unknown format \"\(format)\"", help: "use human or json")
    }
    guard !paths.isEmpty else {
        return .usage(CLICode.usage, "no input files", help: "segmint check FILE... --catalog PATH")
    }
    var run = FrontEnd.run(paths: paths, catalogPath: catalogPath, options: CheckOptions(strict: strict), base: base)
    run.diagnostics = withStaticWarnings(run)
    // Like clang's -disable-free: a process about to exit need not take apart a large AST.
    if !freeAtExit { FrontEnd.keepUntilExit(run) }
    let renderer = DiagnosticRenderer(sources: run.sources, color: color && format == "human")
    if format == "json" {
        return CommandOutput(exitCode: run.exitCode, stdout: renderer.json(run.diagnostics))
    }
    var clock = StageClock()
    var err = renderer.human(run.diagnostics)
    clock.lap("render")
    let summary = FrontEnd.summary(run.diagnostics)
    if !summary.isEmpty { err += summary + "\n" }
    if getenv("SEGMINT_TIMINGS") != nil {
        // Benchmark aid: where the time of one `check` goes, stage by stage.
        err += "timings: " + (run.timings + clock.laps).map { "\($0.stage) \(Int($0.seconds * 1000)) ms" }.joined(separator: ", ") + "\n"
    }
    return CommandOutput(exitCode: run.exitCode, stderr: err)
}

/// `segmint check --explain CODE`: the registry's explanation on stdout, exit 0; an unknown
/// code is a usage error (exit 2) with the closest registered codes as did-you-mean.
public func runExplain(code: String) -> CommandOutput {
    let wanted = code
    if let entry = DiagnosticRegistry.entry(wanted) {
        return CommandOutput(exitCode: 0, stdout: DiagnosticRegistry.explanation(of: entry))
    }
    let near = DiagnosticRegistry.near(wanted)
    let help = near.isEmpty
        ? "codes look like E0301 (errors), W0301 (warnings) or N0701 (notes); notes/diagnostics.md lists them all"
        : "did you mean " + near.map { "\($0) (\(DiagnosticRegistry.entry($0)?.title ?? ""))" }.joined(separator: ", ") + "?"
    let shown = wanted.count > 40 ? String(wanted.prefix(40)) + "…" : wanted
    return .usage(CLICode.usage, "unknown diagnostic code \"\(shown)\"", help: help)
}

/// The checker's diagnostics plus the static analysis' warnings (`StaticAnalysis.withCheckWarnings`).
func withStaticWarnings(_ run: FrontEndRun) -> [Diagnostic] {
    StaticAnalysis.withCheckWarnings(run.diagnostics, program: run.program)
}

/// Most segments one `check` analyses statically (see `StaticAnalysis.withCheckWarnings`).
let staticWarningLimit = StaticAnalysis.checkSegmentLimit
