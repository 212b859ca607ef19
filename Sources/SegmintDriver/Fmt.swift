import SegmintCore
import SegmintSyntax

/// `segmint fmt FILE... [--check] [--stdout]`: rewrites each file in the canonical layout.
///
/// - default: rewrites changed files in place (atomically);
/// - `check`: writes nothing; names each file that would change on stdout, exit 1 if any;
/// - `toStdout`: prints the formatted text of each file instead of writing it.
///
/// A file with syntax errors is never rewritten: its diagnostics go to stderr and the exit
/// code is 1. A file that cannot be read or written gives exit 2. Every file is processed
/// either way; the exit code is the worst one.
public func runFmt(paths: [String], check: Bool, toStdout: Bool) -> CommandOutput {
    var out = CommandOutput(exitCode: 0)
    func fail(_ code: Int32) { out.exitCode = max(out.exitCode, code) }
    guard !paths.isEmpty else {
        return CommandOutput(exitCode: 2, stderr: "segmint: fmt needs at least one file\n")
    }
    let sources = SourceMap()
    let renderer = DiagnosticRenderer(sources: sources)
    for path in paths {
        let bytes: [UInt8]
        do {
            bytes = try FileInput.read(path)
        } catch {
            out.stderr += "segmint: error: \(error)\n"
            fail(2)
            continue
        }
        let source = sources.add(path: path, bytes: bytes)
        let parsed = Parser.parse(source)
        if parsed.diagnostics.hasErrors {
            out.stderr += renderer.human(parsed.diagnostics)
            out.stderr += "segmint: \(path) not formatted: it has syntax errors\n"
            fail(1)
            continue
        }
        let formatted = Formatter.format(parsed.file, source: source)
        let changed = Array(formatted.utf8) != bytes
        if toStdout { out.stdout += formatted }
        if check {
            if changed {
                if !toStdout { out.stdout += "would reformat \(path)\n" } else { out.stderr += "would reformat \(path)\n" }
                fail(1)
            }
        } else if !toStdout, changed {
            do {
                try AtomicFile.write(formatted, to: path)
            } catch {
                out.stderr += "segmint: error: \(error)\n"
                fail(2)
            }
        }
    }
    return out
}
