// Compile throughput: text of one .seg file -> parse -> check -> SQL, end to end, in process.
//
//   segmint-bench-compile CATALOG OUT_SQL FILE.seg...
//
// Each input file is compiled as its own compilation (its last segment), repeatedly, for at
// least two seconds. Prints one JSON line: segments, seconds, segments/s, MB/s of .seg text.
// Writes the PostgreSQL text of each file's segment to OUT_SQL (one statement per record,
// separated by a line holding only `-- end`) for the sqlglot side of bench/compile/run.sh.
import Foundation
import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck
import SegmintSQL

let args = CommandLine.arguments
guard args.count >= 4 else {
    FileHandle.standardError.write("usage: segmint-bench-compile CATALOG OUT_SQL FILE.seg...\n".data(using: .utf8)!)
    exit(2)
}
let catalogResult = CatalogLoader.load(path: args[1], sources: SourceMap())
guard let catalog = catalogResult.catalog else {
    FileHandle.standardError.write("cannot load catalog \(args[1])\n".data(using: .utf8)!)
    exit(2)
}
/// Index the catalog once, as a long-lived caller would (sqlglot is warmed up likewise).
let prepared = PreparedCatalog(catalog)
let texts: [(String, [UInt8])] = args[3...].compactMap { p in
    guard let d = FileManager.default.contents(atPath: p) else { return nil }
    return (p, Array(d))
}

/// One end-to-end compilation of one file's text; returns the SQL or nil.
func compileOnce(_ bytes: [UInt8], dialect: Dialect) -> String? {
    let sources = SourceMap()
    let file = sources.add(path: "bench.seg", bytes: bytes)
    let parsed = Parser.parse(file)
    let checked = Checker.check(files: [parsed.file], catalog: prepared)
    guard let program = checked.program, let last = program.segments.last else { return nil }
    guard case .success(let sql) = SQLCompiler.compile(program, segment: last.name, options: CompileOptions(dialect: dialect)) else { return nil }
    return sql
}

var out = ""
for (path, bytes) in texts {
    guard let sql = compileOnce(bytes, dialect: .postgres) else {
        FileHandle.standardError.write("does not compile: \(path)\n".data(using: .utf8)!)
        exit(1)
    }
    out += sql + "-- end\n"
}
try out.write(toFile: args[2], atomically: true, encoding: .utf8)

let totalBytes = texts.reduce(0) { $0 + $1.1.count }
/// CPU time of this thread: the machine is shared, so wall time says more about the neighbours.
func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

var segments = 0, bytes = 0, sink = 0
let start = Date()
let cpuStart = cpuSeconds()
repeat {
    for (_, b) in texts {
        sink &+= compileOnce(b, dialect: .postgres)?.utf8.count ?? 0
        segments += 1
        bytes += b.count
    }
} while Date().timeIntervalSince(start) < 2.0
let seconds = Date().timeIntervalSince(start)
let cpu = cpuSeconds() - cpuStart

// Where the time goes: each stage alone over the same corpus.
var tParse = 0.0, tCheck = 0.0, tSQL = 0.0
for _ in 0..<200 {
    for (_, b) in texts {
        let t0 = cpuSeconds()
        let sources = SourceMap()
        let parsed = Parser.parse(sources.add(path: "bench.seg", bytes: b))
        let t1 = cpuSeconds()
        let checked = Checker.check(files: [parsed.file], catalog: prepared)
        let t2 = cpuSeconds()
        if let p = checked.program, let last = p.segments.last, case .success(let sql) = SQLCompiler.compile(p, segment: last.name, options: CompileOptions()) { sink &+= sql.utf8.count }
        let t3 = cpuSeconds()
        tParse += t1 - t0; tCheck += t2 - t1; tSQL += t3 - t2
    }
}
let per = Double(200 * texts.count) / 1e6
FileHandle.standardError.write("per compilation (CPU): parse \(String(format: "%.1f", tParse / per)) us, check \(String(format: "%.1f", tCheck / per)) us, sql \(String(format: "%.1f", tSQL / per)) us\n".data(using: .utf8)!)
print("{\"segments\": \(segments), \"seconds\": \(String(format: "%.3f", seconds)), \"cpu_seconds\": \(String(format: "%.3f", cpu)), \"segments_per_s\": \(String(format: "%.0f", Double(segments) / seconds)), \"segments_per_cpu_s\": \(String(format: "%.0f", Double(segments) / cpu)), \"mb_per_cpu_s\": \(String(format: "%.2f", Double(bytes) / cpu / 1e6)), \"files\": \(texts.count), \"corpus_bytes\": \(totalBytes), \"sink\": \(sink % 7)}")
