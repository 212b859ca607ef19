import Foundation
import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck
import SegmintAnalysis

extension AnalysisHost {
    /// What the name or window at `offset` means: a facet's type, unit, values, column and
    /// description; an event's table and fields; a window's dates for the as-of in force; a
    /// segment's plain-English explanation.
    public func hover(_ uri: String, at offset: Int) -> HoverInfo? {
        guard let doc = document(uri), doc.isAnalysable else { return nil }
        guard let o = Occurrences.at(offset, in: doc.occurrences) else { return nil }
        let catalog = catalogState.catalog
        let text: String?
        switch o.kind {
        case .segmentDeclaration, .segmentReference:
            text = segmentHover(o.name, from: doc)
        case .facet:
            text = catalog.flatMap { c in c.facet(named: o.name).map { HoverText.facet($0, catalog: c) } }
        case .event:
            text = catalog?.event(named: o.name).map(HoverText.event)
        case .field(let event):
            text = catalog?.event(named: event).flatMap { e in e.field(named: o.name).map { HoverText.field($0, of: e) } }
        case .window(let w, let pinned):
            text = windowHover(w, pinned: pinned)
        }
        return text.map { HoverInfo(markdown: $0, start: o.span.start, end: o.span.end) }
    }

    /// Today in UTC, the as-of of windows when neither the segment nor the settings pin one.
    public static func todayUTC() -> CivilDate? {
        CivilDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    func windowHover(_ w: Window, pinned: CivilDate?) -> String {
        let fiscal = catalogState.catalog?.fiscalYear ?? FiscalCalendar()
        let spelled = "`" + Formatter.window(w.kind) + "`"
        let (asOf, why): (CivilDate, String)
        if let pinned { (asOf, why) = (pinned, "the segment's as_of") }
        else if let s = settings.asOf { (asOf, why) = (s, "the asOf setting") }
        else if let t = today() { (asOf, why) = (t, "today (UTC); compiled SQL without --as-of uses the warehouse's current date") }
        else { return "\(spelled): the system clock is outside years 1 to 9999" }
        guard let dates = WindowDates.resolve(w.kind, asOf: asOf, fiscal: fiscal) else {
            return "\(spelled): reaches outside years 1 to 9999"
        }
        var s = "\(spelled)\n\n\(dates.text)"
        if WindowDates.isRelative(w.kind) { s += "\n\nas of \(asOf): \(why)" }
        if case .fiscalYear = w.kind { s += "\n\nfiscal year starts in month \(fiscal.startMonth), named by its \(fiscal.namedBy.rawValue)" }
        if case .fiscalQuarter = w.kind { s += "\n\nfiscal year starts in month \(fiscal.startMonth), named by its \(fiscal.namedBy.rawValue)" }
        return s
    }

    /// The `explain` text of a segment declared in the workspace, or its title when it does not check.
    func segmentHover(_ name: String, from doc: Document) -> String? {
        let declaring = doc.declarations.contains { $0.name == name } ? doc : segmentIndex.declarations[name]?.first?.document
        guard let owner = declaring, let decl = owner.parsed.file.segments.first(where: { $0.name.name == name }) else {
            return "segment `\(name)`: not declared in the workspace"
        }
        var head = "segment `\(name)`"
        if let t = decl.title { head += " " + StringLiteral.quote(t.value) }
        if owner.uri != doc.uri, let path = DocumentURI.path(of: owner.uri) { head += " — in \(URL(fileURLWithPath: path).lastPathComponent)" }
        guard let catalog = catalogState.prepared else { return head + "\n\n(no catalog: not explained)" }
        // The segment, the segments of its own file it references (transitively), and the
        // workspace files declaring the others: errors elsewhere in its file do not matter.
        let local = Self.referenceClosure(of: decl, in: owner.parsed.file)
        let files = [SegFile(segments: local, comments: [], span: owner.parsed.file.span)] + referencedDocuments(of: owner).map(\.parsed.file)
        let result = Checker.check(files: files, catalog: catalog)
        guard let program = result.program, let report = Explain.report(program, segment: name, runAsOf: settings.asOf) else {
            return head + "\n\n(not explained: the segment has errors)"
        }
        var r = report
        r.entity = catalog.catalog.entity.name
        return head + "\n\n```text\n" + r.text() + "```"
    }
}

extension AnalysisHost {
    /// `decl` and the segments of `file` it references, directly or through each other.
    static func referenceClosure(of decl: SegmentDecl, in file: SegFile) -> [SegmentDecl] {
        var byName: [String: SegmentDecl] = [:]
        for s in file.segments where byName[s.name.name] == nil { byName[s.name.name] = s }
        var out = [decl], seen: Set<String> = [decl.name.name], i = 0
        while i < out.count {
            let refs = Occurrences.collect(SegFile(segments: [out[i]], comments: [], span: file.span))
                .filter { $0.kind == .segmentReference }.map(\.name)
            for r in refs where !seen.contains(r) {
                seen.insert(r)
                if let d = byName[r] { out.append(d) }
            }
            i += 1
        }
        return out
    }
}

/// Markdown for catalog entries.
enum HoverText {
    static func facet(_ f: Facet, catalog: Catalog) -> String {
        var s = "facet **\(f.name)** of \(catalog.entity.name) · `\(f.type.rawValue)`"
        if f.isModelScore { s += " · model score" }
        if let d = f.description { s += "\n\n" + d }
        s += "\n\ncolumn `\(catalog.entity.table).\(f.column)`"
        s += details(f)
        return s
    }

    static func field(_ f: Field, of e: Event) -> String {
        var s = "field **\(e.name).\(f.name)** · `\(f.type.rawValue)`"
        if let d = f.description { s += "\n\n" + d }
        s += "\n\ncolumn `\(e.table).\(f.column)`"
        s += details(f)
        return s
    }

    static func event(_ e: Event) -> String {
        var s = "event **\(e.name)** · table `\(e.table)`, key `\(e.key)`, time `\(e.time)` (\(e.timeType.rawValue))"
        if let d = e.description { s += "\n\n" + d }
        if !e.fields.isEmpty {
            s += "\n\nfields:"
            for f in e.fields {
                s += "\n- `\(f.name)` \(f.type.rawValue)"
                if let u = f.unit { s += " (\(u))" }
                if let d = f.description { s += " — " + d }
            }
        }
        if !e.synonyms.isEmpty { s += "\n\nsynonyms: " + e.synonyms.joined(separator: ", ") }
        return s
    }

    static func details(_ a: Attribute) -> String {
        var s = ""
        if let u = a.unit { s += "\n\nunit: \(u)" }
        if let vs = a.values {
            let shown = vs.prefix(50).map { "`\($0)`" }.joined(separator: a.ordered ? " < " : ", ")
            s += "\n\n\(a.ordered ? "ordered values" : "values"): \(shown)\(vs.count > 50 ? ", … (\(vs.count) in all)" : "")"
        }
        if !a.synonyms.isEmpty { s += "\n\nsynonyms: " + a.synonyms.joined(separator: ", ") }
        if !a.nullable { s += "\n\nnever missing (nullable: false)" }
        return s
    }
}
