import SegmintCore
import SegmintSyntax
import SegmintCheck

/// `segmint fmt FILE... [--check] [--stdout] [--format human|json]`: rewrites each file in the
/// canonical layout.
///
/// - default: rewrites changed files in place (atomically);
/// - `check`: writes nothing; names each file that would change on stdout, exit 1 if any;
/// - `toStdout`: prints the formatted text of each file instead of writing it;
/// - `-` (standard input) is never written back: its formatted text goes to stdout;
/// - `format: "json"`: one object on stdout instead (shape in docs/cli-json.md); human
///   diagnostics still go to stderr.
///
/// A file with syntax errors is never rewritten: its diagnostics go to stderr and the exit
/// code is 1. A file that cannot be read or written gives exit 2. Every file is processed
/// either way; the exit code is the worst one.
public func runFmt(paths: [String], check: Bool, toStdout: Bool, format: String = "human") -> CommandOutput {
    guard format == "human" || format == "json" else {
        return .usage(CLICode.usage, "unknown format \"\(format)\"", help: "use human or json")
    }
    guard !paths.isEmpty else {
        return .usage(CLICode.usage, "fmt needs at least one file", help: "segmint fmt FILE... (- reads standard input)")
    }
    var out = CommandOutput(exitCode: 0)
    func fail(_ code: Int32) { out.exitCode = max(out.exitCode, code) }
    let sources = SourceMap()
    let renderer = DiagnosticRenderer(sources: sources)
    var results: [FmtFileResult] = []
    var diagnostics: [Diagnostic] = []
    for path in paths {
        let shown = StandardInput.display(path)
        var result = FmtFileResult(path: shown)
        defer { results.append(result) }
        let bytes: [UInt8]
        do {
            bytes = try FileInput.read(path)
        } catch {
            let d = Diagnostic.error(CheckCode.unreadableFile, "\(error)", at: nil)
            out.stderr += renderer.human([d])
            diagnostics.append(d)
            result.status = "unreadable"
            fail(2)
            continue
        }
        let source = sources.add(path: shown, bytes: bytes)
        let parsed = Parser.parse(source)
        if parsed.diagnostics.hasErrors {
            out.stderr += renderer.human(parsed.diagnostics)
            out.stderr += "segmint: \(shown) not formatted: it has syntax errors\n"
            diagnostics += parsed.diagnostics
            result.status = "syntax_errors"
            fail(1)
            continue
        }
        let formatted = Formatter.format(parsed.file, source: source)
        result.changed = Array(formatted.utf8) != bytes
        let printed = toStdout || path == StandardInput.path
        if printed { result.text = formatted }
        if format == "human", printed { out.stdout += formatted }
        if check {
            result.status = result.changed ? "would_reformat" : "unchanged"
            if result.changed {
                if format == "human" {
                    if printed { out.stderr += "would reformat \(shown)\n" } else { out.stdout += "would reformat \(shown)\n" }
                }
                fail(1)
            }
        } else if !printed, result.changed {
            do {
                try AtomicFile.write(formatted, to: path)
                result.status = "formatted"
            } catch {
                let d = Diagnostic.error(CLICode.cannotWrite, "\(error)", at: nil)
                out.stderr += renderer.human([d])
                diagnostics.append(d)
                result.status = "unwritable"
                fail(2)
            }
        } else {
            result.status = printed ? "printed" : "unchanged"
        }
    }
    if format == "json" { out.stdout = FmtFileResult.json(results, diagnostics: renderer.json(diagnostics)) }
    return out
}

/// One file's outcome in `fmt --format json`.
struct FmtFileResult {
    var path: String
    /// formatted, unchanged, would_reformat, printed, syntax_errors, unreadable, unwritable
    var status = ""
    var changed = false
    /// The formatted text, when it is printed rather than written (`--stdout`, `-`).
    var text: String?

    static func json(_ files: [FmtFileResult], diagnostics: String) -> String {
        let items = files.map { f in
            var fields = ["\"path\": \(JSON.string(f.path))", "\"status\": \"\(f.status)\"", "\"changed\": \(f.changed)"]
            if let t = f.text { fields.append("\"text\": \(JSON.string(t))") }
            return "    {" + fields.joined(separator: ", ") + "}"
        }
        let diags = diagnostics.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
        return "{\n  \"files\": [\n" + items.joined(separator: ",\n") + "\n  ],\n  \"diagnostics\": \(diags)\n}\n"
    }
}
