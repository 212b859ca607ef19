import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck
#if canImport(Glibc)
import Glibc
#endif

/// Usage: ParseBench FILE [RUNS] [lex-only|parse-only|check CATALOG]. Prints MB/s for parse and for parse + fmt (best of RUNS).
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func fixed(_ v: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let n = Int((v * scale).rounded())
    let whole = n / Int(scale), frac = n % Int(scale)
    guard digits > 0 else { return String(whole) }
    let f = String(frac)
    return "\(whole)." + String(repeating: "0", count: digits - f.count) + f
}
let args = CommandLine.arguments
guard args.count >= 2, let bytes = try? FileInput.read(args[1]) else {
    fputs("usage: ParseBench FILE [RUNS]\n", stderr)
    exit(2)
}
let runs = args.count >= 3 ? Int(args[2]) ?? 5 : 5
let mb = Double(bytes.count) / 1_048_576
let source = SourceFile(id: 0, path: args[1], bytes: bytes)

if args.count >= 4, args[3] == "lex-only" {
    var best = Double.infinity
    var count = 0
    for _ in 0..<runs {
        let t0 = now()
        var lexer = Lexer(source: source)
        count = 0
        while lexer.next().kind != .eof { count += 1 }
        best = min(best, now() - t0)
    }
    print("lex:    \(fixed(best, 3)) s  \(fixed(mb / best, 0)) MB/s (\(count) tokens)")
    exit(0)
}
// `check CATALOG`: parse + check (what `segmint check` does minus printing), best of RUNS.
if args.count >= 5, args[3] == "check" {
    let catalogSources = SourceMap()
    guard let catalog = CatalogLoader.load(path: args[4], sources: catalogSources).catalog else {
        fputs("cannot load catalog \(args[4])\n", stderr)
        exit(2)
    }
    var best = Double.infinity, bestCheck = Double.infinity
    var diagnosticCount = 0
    for _ in 0..<runs {
        let t0 = now()
        let r = Parser.parse(source)
        let t1 = now()
        let checked = Checker.check(files: [r.file], catalog: catalog)
        let t2 = now()
        diagnosticCount = r.diagnostics.count + checked.diagnostics.count
        best = min(best, t2 - t0)
        bestCheck = min(bestCheck, t2 - t1)
    }
    print("parse+check: \(fixed(best, 3)) s  \(fixed(mb / best, 1)) MB/s (checker alone \(fixed(bestCheck, 3)) s; \(diagnosticCount) diagnostics)")
    exit(0)
}
var bestParse = Double.infinity, bestFmt = Double.infinity
var segments = 0, diagnostics = 0, outBytes = 0
for _ in 0..<runs {
    let t0 = now()
    let r = Parser.parse(source)
    let t1 = now()
    let parseOnly = args.count >= 4 && args[3] == "parse-only"
    let text = parseOnly ? "" : Formatter.format(r.file, source: source)
    let t2 = now()
    bestParse = min(bestParse, t1 - t0)
    bestFmt = min(bestFmt, t2 - t1)
    segments = r.file.segments.count
    diagnostics = r.diagnostics.count
    outBytes = text.utf8.count
}
print("input \(fixed(mb, 1)) MB, \(segments) segments, \(diagnostics) diagnostics")
print("parse:  \(fixed(bestParse, 3)) s  \(fixed(mb / bestParse, 0)) MB/s")
print("format: \(fixed(bestFmt, 3)) s  \(fixed(mb / bestFmt, 0)) MB/s (\(outBytes) bytes out)")
