import SegmintCore
import SegmintCheck
import SegmintSQL

/// `segmint compile FILE... --catalog PATH [--segment NAME] [--dialect D] [--as-of DATE] [--count]`.
///
/// One SQL statement on stdout; diagnostics on stderr. Exit 0 success, 1 errors in the input
/// (including a construct the dialect cannot express), 2 usage or I/O error (unknown dialect,
/// bad --as-of, several segments and no --segment, an unknown --segment, unreadable file).
public func runCompile(paths: [String], catalogPath: String, segment: String?, dialect: String, asOf: String?, count: Bool) -> CommandOutput {
    runCompile(paths: paths, catalogPath: catalogPath, segment: segment, dialect: dialect, asOf: asOf, count: count, base: nil)
}

/// As above; relative paths are read under `base` but shown as given (golden tests).
public func runCompile(paths: [String], catalogPath: String, segment: String?, dialect: String, asOf: String?,
                       count: Bool, base: String?) -> CommandOutput {
    guard let d = Dialect(rawValue: dialect) else {
        let names = Dialect.allCases.map(\.rawValue)
        let hint = Suggest.closest(to: dialect, in: names).map { "did you mean \"\($0)\"? " } ?? ""
        return usage("unknown dialect \"\(dialect)\"", help: "\(hint)dialects: \(names.joined(separator: ", "))")
    }
    var pinned: CivilDate?
    if let text = asOf {
        guard let date = CivilDate(iso: text) else {
            return usage("invalid --as-of date \"\(text)\"", help: "write a calendar date as YYYY-MM-DD")
        }
        pinned = date
    }
    guard !paths.isEmpty else {
        return usage("no input files", help: "segmint compile FILE... --catalog PATH [--segment NAME]")
    }
    let run = FrontEnd.run(paths: paths, catalogPath: catalogPath, base: base)
    let renderer = DiagnosticRenderer(sources: run.sources)
    var err = renderer.human(run.diagnostics)
    guard let program = run.program else {
        let summary = FrontEnd.summary(run.diagnostics)
        if !summary.isEmpty { err += summary + "\n" }
        return CommandOutput(exitCode: run.exitCode == 0 ? 1 : run.exitCode, stderr: err)
    }
    let names = program.segments.map(\.name)
    let chosen: String
    if let s = segment {
        guard names.contains(s) else {
            let help = Suggest.closest(to: s, in: names).map { "did you mean \"\($0)\"?" }
                ?? (names.isEmpty ? "the input declares no segments" : "segments: \(names.joined(separator: ", "))")
            return usage("no segment named \"\(s)\"", help: help, prefix: err)
        }
        chosen = s
    } else if names.count == 1, let only = names.first {
        chosen = only
    } else if names.isEmpty {
        return usage("the input declares no segments", help: "add a segment, or pass the files that declare it", prefix: err)
    } else {
        return usage("the input declares \(names.count) segments; choose one with --segment",
                     help: "segments: \(names.joined(separator: ", "))", prefix: err)
    }
    switch SQLCompiler.compile(program, segment: chosen, options: CompileOptions(dialect: d, asOf: pinned, count: count)) {
    case .success(let sql):
        return CommandOutput(exitCode: 0, stdout: sql, stderr: err)
    case .failure(let f):
        err += renderer.human(f.diagnostics)
        err += FrontEnd.summary(run.diagnostics + f.diagnostics) + "\n"
        return CommandOutput(exitCode: 1, stderr: err)
    }
}

private func usage(_ message: String, help: String, prefix: String = "") -> CommandOutput {
    CommandOutput(exitCode: 2, stderr: prefix + "segmint: error: \(message)\n  = help: \(help)\n")
}
