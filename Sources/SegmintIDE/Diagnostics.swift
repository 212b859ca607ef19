import SegmintCore
import SegmintSyntax
import SegmintCheck
import SegmintCatalog
import SegmintAnalysis

/// One document checked as `segmint check` would check it with the files that declare the
/// segments it references (as if they were named on the same command line).
struct CheckRun {
    /// The document first, then the files it draws segments from.
    var documents: [Document]
    var result: CheckResult?
    /// Diagnostics of the document only, in output order.
    var diagnostics: [Diagnostic]

    func uri(ofFile id: Int) -> String? { documents.first { $0.source.id == id }?.uri }
}

extension AnalysisHost {
    /// Documents a check of `doc` needs: those declaring the segments it references, transitively.
    /// When two files declare a name, the first by URI is taken (the other is not this file's concern).
    func referencedDocuments(of doc: Document) -> [Document] {
        let index = segmentIndex
        var declared = Set(doc.declarations.map(\.name))
        var seen: Set<String> = [doc.uri]
        var out: [Document] = []
        var queue = [doc]
        while !queue.isEmpty, out.count < 200 {
            let d = queue.removeFirst()
            for name in d.referencedSegments where !declared.contains(name) {
                guard let other = index.declarations[name]?.first(where: { !seen.contains($0.document.uri) })?.document else { continue }
                seen.insert(other.uri)
                declared.formUnion(other.declarations.map(\.name))
                out.append(other)
                queue.append(other)
            }
        }
        return out
    }

    /// Checks a document: text problems, syntax, then (with a catalog) the checker and the
    /// static warnings `check` adds.
    func checkRun(_ doc: Document) -> CheckRun {
        if let bad = doc.nonText {
            let d: Diagnostic
            switch bad {
            case .nul(let at):
                d = .error(CheckCode.binaryFile, "\(doc.source.path) is binary data, not a .seg text file", at: Span(file: doc.source.id, start: at, end: at + 1))
            case .invalidUTF8(let at):
                d = .error(CheckCode.invalidUTF8, "invalid UTF-8 in \(doc.source.path)", at: Span(file: doc.source.id, start: at, end: at + 1),
                           help: "save the file as UTF-8")
            }
            return CheckRun(documents: [doc], result: nil, diagnostics: [d])
        }
        if doc.isTooLarge {
            let mb = doc.bytes.count >> 20, limit = Document.maxAnalysedBytes >> 20
            let d = Diagnostic(code: IDECode.tooLarge, message: "this file (\(mb) MB) is larger than the editor analyses (\(limit) MB)",
                               span: Span(file: doc.source.id, start: 0, end: 0),
                               help: "run segmint check on it; split it into smaller files for editor support")
            return CheckRun(documents: [doc], result: nil, diagnostics: [d])
        }
        var diagnostics = doc.parsed.diagnostics
        let body = doc.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? doc.bytes.dropFirst(3) : doc.bytes[...]
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            diagnostics.append(.warning(CheckCode.emptyFile, "\(doc.source.path) is empty: it declares no segments",
                                        at: Span(file: doc.source.id, start: 0, end: 0)))
        }
        let fileStart = Span(file: doc.source.id, start: 0, end: 0)
        if var problem = catalogState.problem {
            problem.span = fileStart
            diagnostics.append(problem)
        }
        guard let catalog = catalogState.prepared else {
            return CheckRun(documents: [doc], result: nil, diagnostics: diagnostics.sortedForOutput())
        }
        let others = referencedDocuments(of: doc)
        let documents = [doc] + others
        let result = Checker.check(files: documents.map(\.parsed.file), catalog: catalog)
        let mine = result.diagnostics.filter { $0.span?.file == doc.source.id }
        diagnostics += mine
        let syntaxOK = !documents.contains { $0.parsed.diagnostics.hasErrors }
        let sources = documents.map(\.source)
        let all = StaticAnalysis.withCheckWarnings(diagnostics, program: syntaxOK ? result.program : nil) { program in
            self.staticCache.warnings(program, catalog: self.catalogGeneration) { span in
                guard let src = sources.first(where: { $0.id == span.file }), span.start >= 0, span.end <= src.bytes.count else { return nil }
                return Array(src.bytes[span.start..<span.end])
            }
        }
        return CheckRun(documents: documents, result: result, diagnostics: all.filter { $0.span == nil || $0.span?.file == doc.source.id }.sortedForOutput())
    }

    /// Everything `segmint check` reports for the document, with related places and quick fixes.
    public func diagnostics(_ uri: String) -> [IDEDiagnostic] {
        guard let doc = document(uri) else { return [] }
        let run = checkRun(doc)
        return run.diagnostics.map { original in
            let d = workspaceHelp(original)
            let start = d.span?.start ?? 0, end = d.span?.end ?? 0
            let related = d.notes.compactMap { n -> IDEDiagnostic.Related? in
                guard let uri = run.uri(ofFile: n.span.file) else { return nil }
                return .init(location: FileRange(uri: uri, start: n.span.start, end: n.span.end), message: n.message)
            }
            return IDEDiagnostic(code: d.code, severity: d.severity, message: d.message, start: start, end: end, help: d.help,
                                 related: related, fixes: QuickFixes.fixes(for: d, in: doc))
        }
    }

    /// An unknown segment's help names close segments of the whole workspace (the checker only
    /// knows the files this one draws from) instead of advice about command lines.
    func workspaceHelp(_ d: Diagnostic) -> Diagnostic {
        guard d.code == CheckCode.unknownSegment, d.help?.hasPrefix("segments declared in this command") == true,
              let span = d.span, let doc = segmentIndex.documents.first(where: { $0.source.id == span.file }) ?? open.values.first(where: { $0.source.id == span.file })
        else { return d }
        let name = doc.source.text(of: span)
        var out = d
        let names = Array(segmentIndex.declarations.keys)
        if let close = NameHint.closest(to: name, in: names) {
            out.help = "did you mean \"\(close)\"?"
        } else {
            out.help = "no .seg file of the workspace declares a segment \"\(name)\""
        }
        return out
    }

    /// The catalog file's own problems (published on the catalog's URI).
    public func catalogDiagnostics() -> [IDEDiagnostic] {
        catalogState.diagnostics.map { d in
            IDEDiagnostic(code: d.code, severity: d.severity, message: d.message, start: d.span?.start ?? 0, end: d.span?.end ?? 0,
                          help: d.help, related: [], fixes: [])
        }
    }
}
