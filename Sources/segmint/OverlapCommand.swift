import ArgumentParser
import SegmintDriver

/// `segmint overlap FILE... --catalog PATH (--db URL | --static) [--segments a,b,c] [--format table|csv|json] [--svg OUT.svg]`
struct OverlapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overlap",
        abstract: "Overlap of segments from one scan (sizes, intersections, Jaccard, unique reach), or --static proofs without data.",
        discussion: "Exit status: 0 success, 1 errors in the input, 2 usage, I/O or database error."
    )

    @Argument(help: "The .seg files; segment references resolve across all of them.")
    var files: [String] = []

    @Option(name: .long, help: "The catalog YAML file (default: SEGMINT_CATALOG, else segmint.yaml's).")
    var catalog: String?

    @Option(name: .long, help: "Database URL: a SQLite path or postgres://host:port/db.")
    var db: String?

    @Option(name: .long, help: "Comma-separated segment names (default: every segment).")
    var segments: String?

    @Option(name: .long, help: "Output format: table, csv or json.")
    var format = "table"

    @Option(name: .long, help: "Also write a self-contained SVG picture (heatmap and UpSet chart).")
    var svg: String?

    @Flag(name: .customLong("static"), help: "Read no data: print what can be proved (empty, disjoint, contained, redundant).")
    var staticOnly = false

    @Option(name: .customLong("as-of"), help: "As-of date for segments without a pinned as_of (YYYY-MM-DD).")
    var asOf: String?

    @Flag(name: .customLong("compare-naive"), help: ArgumentHelp("Benchmark: also time one count query per pair and compare.", visibility: .hidden))
    var compareNaive = false

    func run() throws {
        let names = segments.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        if compareNaive {
            finish(runOverlapComparison(OverlapRequest(paths: files, catalogPath: resolvedCatalog(catalog), dbURL: db, segments: names, asOf: asOf),
                                        progress: { FileHandleStderr.write($0) }))
        }
        finish(runOverlap(OverlapRequest(paths: files, catalogPath: resolvedCatalog(catalog), dbURL: db, segments: names, format: format,
                                         svgPath: svg, staticOnly: staticOnly, asOf: asOf),
                          progress: { FileHandleStderr.write($0) }))
    }
}
