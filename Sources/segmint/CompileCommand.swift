import ArgumentParser
import SegmintCore
import SegmintDriver

/// `segmint compile FILE... --catalog PATH [--segment NAME] [--dialect D] [--as-of DATE] [--count]`
struct CompileCommand: SegmintCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile one segment to a single read-only SQL SELECT.",
        discussion: """
            Prints one statement returning the distinct entity keys (--count: their number).

            Example:
              segmint compile examples/lapsed_outdoor.seg --catalog catalogs/retail.yaml --dialect snowflake

            Exit status: 0 success, 1 errors in the input, 2 usage or I/O error.
            """
    )

    @OptionGroup var input: InputFiles
    @OptionGroup var catalog: CatalogOption

    @Option(name: .long, help: "The segment to compile (required only when the files declare several).")
    var segment: String?

    @Option(name: .long, help: "SQL dialect.")
    var dialect = DialectName("postgres")

    @OptionGroup var asOf: AsOfOption

    @Flag(name: .long, help: "Return the number of distinct keys instead of the keys.")
    var count = false

    @OptionGroup var materialize: MaterializeOptions
    @OptionGroup var output: FormatOption
    @OptionGroup var terminal: TerminalOptions

    func execute() -> CommandOutput {
        let paths = input.paths()
        if let table = materialize.materialize {
            return runCompileMaterialize(paths: paths, catalogPath: catalog.path(files: paths), segment: segment, dialect: dialect.name,
                                         asOf: asOf.asOf, table: table, mode: materialize.mode, columns: parseColumnList(materialize.columns))
        }
        return runCompile(paths: paths, catalogPath: catalog.path(files: paths), segment: segment, dialect: dialect.name,
                          asOf: asOf.asOf, count: count, format: output.format.rawValue)
    }
}
