import ArgumentParser
import SegmintCore
import SegmintDriver

/// `segmint overlap FILE... --catalog PATH (--db URL | --static) [--segments a,b,c] [--format table|csv|json] [--svg OUT.svg]`
struct OverlapCommand: SegmintCommand {
    static let configuration = CommandConfiguration(
        commandName: "overlap",
        abstract: "Overlap of segments from one scan (sizes, intersections, Jaccard, unique reach), or --static proofs without data.",
        discussion: """
            Examples:
              segmint overlap examples/ --catalog catalogs/retail.yaml --db demo.db --svg overlap.svg
              segmint overlap examples/ --catalog catalogs/retail.yaml --static

            Exit status: 0 success, 1 errors in the input, 2 usage, I/O or database error.
            """
    )

    @OptionGroup var input: InputFiles
    @OptionGroup var catalog: CatalogOption

    @Option(name: .long, help: "Database URL: a SQLite path, duckdb:PATH or postgres://host:port/db.")
    var db: String?

    @Option(name: .long, help: "Comma-separated segment names (default: every segment).")
    var segments: String?

    @OptionGroup var output: RowsFormatOption

    @Option(name: .long, help: "Also write a self-contained SVG picture (heatmap and UpSet chart).")
    var svg: String?

    @Flag(name: .customLong("static"), help: "Read no data: print what can be proved (empty, disjoint, contained, redundant).")
    var staticOnly = false

    @OptionGroup var asOf: AsOfOption
    @OptionGroup var terminal: TerminalOptions

    @Flag(name: .customLong("compare-naive"), help: ArgumentHelp("Benchmark: also time one count query per pair and compare.", visibility: .hidden))
    var compareNaive = false

    func execute() -> CommandOutput {
        let paths = input.paths()
        let catalogPath = catalog.path(files: paths)
        let names = segments.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        if compareNaive {
            return runOverlapComparison(OverlapRequest(paths: paths, catalogPath: catalogPath, dbURL: db, segments: names, asOf: asOf.asOf),
                                        progress: { FileHandleStderr.write($0) })
        }
        return runOverlap(OverlapRequest(paths: paths, catalogPath: catalogPath, dbURL: db, segments: names, format: output.format.rows,
                                         svgPath: svg, staticOnly: staticOnly, asOf: asOf.asOf),
                          progress: { FileHandleStderr.write($0) })
    }
}
