import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck

/// Every segment of a project read, parsed and checked at once (what `segmint test` works on).
public struct ProjectProgram {
    public var sources: SourceMap
    public var diagnostics: [Diagnostic]
    public var program: CheckedProgram?
    /// 0 valid, 1 errors in the input, 2 a directory, file or the catalog could not be read.
    public var exitCode: Int32

    public static func load(_ project: Project, catalog: CatalogChoice) -> ProjectProgram {
        let sources = SourceMap()
        let listed = ProjectSources.list(project)
        var diagnostics = listed.diagnostics
        var ioFailure = !listed.diagnostics.isEmpty
        var parsed: [SegFile] = []
        for path in listed.files {
            guard let bytes = try? FileInput.read(project.resolve(path)) else {
                diagnostics.append(Diagnostic(code: CheckCode.unreadableFile, message: "cannot read \(path)", location: .init(file: path)))
                ioFailure = true
                continue
            }
            let file = sources.add(path: path, bytes: bytes)
            if let problem = NonText.find(in: bytes) {
                diagnostics.append(.error(CheckCode.invalidUTF8, "\(path) is not UTF-8 text",
                                          at: Span(file: file.id, start: problem.offset, end: problem.offset + 1)))
                continue
            }
            let r = Parser.parse(file)
            parsed.append(r.file)
            diagnostics += r.diagnostics
        }
        let loaded = CatalogLoader.load(path: catalog.path, displayPath: catalog.display, sources: sources)
        diagnostics += loaded.diagnostics
        ioFailure = ioFailure || loaded.isIOFailure
        var program: CheckedProgram?
        if let cat = loaded.catalog {
            let result = Checker.check(files: parsed, catalog: cat)
            diagnostics += result.diagnostics
            program = result.program
        }
        let errors = diagnostics.hasErrors
        return ProjectProgram(sources: sources, diagnostics: diagnostics.sortedForOutput(), program: errors ? nil : program,
                              exitCode: ioFailure ? 2 : errors ? 1 : 0)
    }
}
