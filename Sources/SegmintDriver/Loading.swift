import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck
#if canImport(Glibc)
import Glibc
#endif

/// Everything the front end produced for one command: the sources (for rendering), the parsed
/// files, the catalog, the checked program, and every diagnostic in one list.
public struct FrontEndRun: Sendable {
    public var sources: SourceMap
    /// Parsed files, in command-line order (files that could not be read are left out).
    public var files: [SegFile]
    public var catalog: Catalog?
    /// The checker's result; nil when the catalog could not be loaded.
    public var check: CheckResult?
    /// Input, syntax, catalog and checker diagnostics, in stable output order.
    public var diagnostics: [Diagnostic]
    /// A file or the catalog could not be read at all (missing, a directory).
    public var ioFailure: Bool
    /// CPU seconds spent in each stage (read, parse, catalog, check, sort), for benchmarks.
    public var timings: [(stage: String, seconds: Double)] = []

    /// The checked program when everything is valid.
    public var program: CheckedProgram? { diagnostics.hasErrors ? nil : check?.program }

    /// 0 valid (warnings allowed), 1 errors in the input, 2 an input could not be read.
    public var exitCode: Int32 { ioFailure ? 2 : diagnostics.hasErrors ? 1 : 0 }
}

/// Shared front end of every command that reads `.seg` files: read, parse, load the catalog, check.
public enum FrontEnd {
    /// Reads each path into `sources`. Missing/unreadable files, binary data and invalid UTF-8
    /// end in diagnostics; such files are not returned (the parser never sees them).
    /// `base` (if set) is prepended when reading, while diagnostics show the path as given.
    public static func readSources(_ paths: [String], into sources: SourceMap, base: String? = nil)
        -> (files: [SourceFile], diagnostics: [Diagnostic], ioFailure: Bool) {
        var files: [SourceFile] = [], diagnostics: [Diagnostic] = [], ioFailure = false
        for path in paths {
            let bytes: [UInt8]
            do {
                bytes = try FileInput.read(resolve(path, base: base))
            } catch {
                diagnostics.append(Diagnostic(code: CheckCode.unreadableFile, message: "cannot read \(path): \(reason(error))",
                                              location: .init(file: path)))
                ioFailure = true
                continue
            }
            let file = sources.add(path: StandardInput.display(path), bytes: bytes)
            if let problem = textProblem(file) {
                diagnostics.append(problem)
                continue
            }
            // A UTF-8 byte order mark alone does not make a file non-empty.
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
            if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                // Spec §1: an empty file is valid (zero segments); say so in case it is a mistake.
                diagnostics.append(.warning(CheckCode.emptyFile, "\(file.path) is empty: it declares no segments",
                                            at: Span(file: file.id, start: 0, end: 0)))
            }
            files.append(file)
        }
        return (files, diagnostics, ioFailure)
    }

    /// The path actually opened: relative paths are taken under `base` when one is given.
    static func resolve(_ path: String, base: String?) -> String {
        guard let base, !path.hasPrefix("/"), path != StandardInput.path else { return path }
        return base + "/" + path
    }

    static func reason(_ error: Error) -> String {
        // FileInput's messages start with "cannot read PATH: "; keep only the reason.
        let text = "\(error)"
        if let r = text.range(of: ": ") { return String(text[r.upperBound...]) }
        return text
    }

    /// A NUL byte (binary data) or the first invalid UTF-8 sequence, as a diagnostic at that byte.
    static func textProblem(_ file: SourceFile) -> Diagnostic? {
        switch NonText.find(in: file.bytes) {
        case nil: return nil
        case .nul(let at):
            return .error(CheckCode.binaryFile, "\(file.path) is binary data, not a .seg text file",
                          at: Span(file: file.id, start: at, end: at + 1))
        case .invalidUTF8(let at):
            return .error(CheckCode.invalidUTF8, "invalid UTF-8 in \(file.path)", at: Span(file: file.id, start: at, end: at + 1),
                          help: "save the file as UTF-8")
        }
    }

    /// Reads, parses and checks `paths` against the catalog at `catalogPath`.
    public static func run(paths: [String], catalogPath: String, options: CheckOptions = CheckOptions(),
                           base: String? = nil) -> FrontEndRun {
        var clock = StageClock()
        let sources = SourceMap()
        let read = readSources(paths, into: sources, base: base)
        clock.lap("read")
        var diagnostics = read.diagnostics
        var parsed: [SegFile] = []
        parsed.reserveCapacity(read.files.count)
        var bareWords: [BareWord] = []
        for file in read.files {
            let r = Parser.parse(file)
            parsed.append(r.file)
            diagnostics += r.diagnostics
            bareWords += r.bareWords
        }
        clock.lap("parse")
        let loaded = CatalogLoader.load(path: resolve(catalogPath, base: base), displayPath: StandardInput.display(catalogPath), sources: sources)
        if let catalog = loaded.catalog {
            diagnostics = Checker.refineBareWordHelp(diagnostics, words: bareWords, catalog: catalog)
        }
        diagnostics += loaded.diagnostics
        clock.lap("catalog")
        var check: CheckResult?
        if let catalog = loaded.catalog {
            let result = Checker.check(files: parsed, catalog: catalog, options: options)
            diagnostics += result.diagnostics
            check = result
        }
        clock.lap("check")
        let sorted = diagnostics.sortedForOutput()
        clock.lap("sort")
        return FrontEndRun(sources: sources, files: parsed, catalog: loaded.catalog, check: check,
                           diagnostics: sorted, ioFailure: read.ioFailure || loaded.isIOFailure, timings: clock.laps)
    }

    /// Runs kept alive until the process exits (see `runCheck(freeAtExit:)`).
    private static let kept = KeepAlive()

    /// Keeps `run` referenced until exit, so its memory is never taken apart piece by piece.
    public static func keepUntilExit(_ run: FrontEndRun) { kept.add(run) }

    /// `2 errors, 1 warning` (empty when there is nothing to report).
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }
}

/// Stage timer for `SEGMINT_TIMINGS=1`. Counts process CPU time, not wall time, so numbers
/// stay meaningful on a machine shared with other work.
struct StageClock {
    var last = StageClock.now()
    var laps: [(stage: String, seconds: Double)] = []

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    mutating func lap(_ stage: String) {
        let t = StageClock.now()
        laps.append((stage, t - last))
        last = t
    }
}

/// A lock-protected bag of runs that are never freed (process-lifetime storage).
final class KeepAlive: @unchecked Sendable {
    private var runs: [FrontEndRun] = []
    private var lock = pthread_mutex_t()
    init() { pthread_mutex_init(&lock, nil) }
    func add(_ run: FrontEndRun) {
        pthread_mutex_lock(&lock)
        runs.append(run)
        pthread_mutex_unlock(&lock)
    }
}
