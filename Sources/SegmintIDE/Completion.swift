import Foundation
import SegmintCore
import SegmintSyntax
import SegmintCatalog

extension AnalysisHost {
    /// Proposals for the cursor at `offset`: keywords where the grammar allows them; facet,
    /// event and field names with their type and description; the enumerated values of the
    /// facet or field being compared (ordered ones in order); units and windows; segment
    /// names after `in segment`; grounding tags.
    public func completions(_ uri: String, at offset: Int) -> [CompletionItem] {
        guard let doc = document(uri), doc.isAnalysable else { return [] }
        let ctx = CompletionContext(source: doc.source, offset: max(0, min(offset, doc.bytes.count)))
        if ctx.inComment { return [] }
        var b = CompletionBuilder(ctx: ctx, catalog: catalogState.catalog)
        b.propose(segments: segmentNames(for: doc))
        return b.items
    }

    func segmentNames(for doc: Document) -> [(name: String, title: String?)] {
        var seen = Set<String>(), out: [(String, String?)] = []
        for d in workspaceDocuments(including: doc) {
            for s in d.parsed.file.segments where seen.insert(s.name.name).inserted { out.append((s.name.name, s.title?.value)) }
        }
        return out.sorted { $0.0 < $1.0 }
    }
}

/// Builds the proposals for one context.
struct CompletionBuilder {
    let ctx: CompletionContext
    let catalog: Catalog?
    var items: [CompletionItem] = []

    mutating func add(_ label: String, _ kind: CompletionKind, detail: String? = nil, doc: String? = nil,
                      insert: String? = nil, snippet: Bool = false, sort: Int = 50) {
        items.append(CompletionItem(label: label, kind: kind, detail: detail, documentation: doc, insertText: insert ?? label,
                                    isSnippet: snippet, sortText: String(format: "%02d", min(sort, 99)) + label,
                                    replaceStart: ctx.replaceStart, replaceEnd: ctx.replaceEnd))
    }

    mutating func keywords(_ words: [String], sort: Int = 60) {
        for w in words { add(w, .keyword, sort: sort) }
    }

    // MARK: - Dispatch on the tokens before the cursor

    mutating func propose(segments: [(name: String, title: String?)]) {
        let k1 = ctx.backKind(1), k2 = ctx.backKind(2)
        if ctx.inString {
            if let attr = comparedAttribute() { values(of: attr) }
            return
        }
        switch k1 {
        case .kwSegment?:
            if k2 == .kwIn { for s in segments { add(s.name, .segment, detail: s.title.map { StringLiteral.quote($0) } ?? "segment", sort: 10) } }
            return
        case .kwHas?:
            events()
            return
        case .dot?:
            if let q = ctx.back(2), q.kind == .ident, let e = catalog?.event(named: ctx.text(q)) { fields(of: e) }
            return
        case .lparen?:
            if let agg = k2, let e = hasEvent { fields(of: e, numericOnly: agg != .kwCountDistinct) }
            return
        case .kwWhere?:
            if let e = hasEvent { fields(of: e) }
            return
        case .kwDuring?:
            windows()
            return
        case .kwIn?:
            // `in segment NAME` at a condition's start; after a name, `in [` begins a list.
            if k2 != .ident, k2 != .kwNot { add("segment", .keyword, sort: 10) }
            else if let attr = resolveBefore(index: ctx.before.count - 1) { listOfValues(attr) }
            return
        case .kwLast?, .kwSince?, .kwBefore?, .kwFiscalYear?, .kwFiscalQuarter?, .kwTo?, .kwAsOf?, .kwDescription?:
            return
        case .colon?:
            if let tag = ctx.back(2), tag.kind == .ident, ["RETRIEVED", "INFERRED"].contains(ctx.text(tag)) { tagSubjects() }
            return
        case .int?:
            if k2 == .kwLast, let n = ctx.back(1).map(ctx.text) { units(singular: n == "1"); return }
            if k2 == .kwFiscalQuarter { for q in 1...4 { add("Q\(q)", .keyword, detail: "fiscal quarter \(q)", sort: 10 + q) }; return }
        default:
            break
        }
        if let attr = comparedAttribute() { values(of: attr); return }
        if k1 == .lbracket { tagKinds(); return }
        if k1 == .kwAnd, ctx.backKind(3) != .kwBetween, let e = hasEvent { fields(of: e); return }
        if k1 == .ident, let attr = attributeJustNamed() { operators(for: attr); return }
        if k1 == .ident, k2 == .kwHas { hasContinuations(); return }
        conditionStart()
    }

    /// The event of the enclosing `has`, from the catalog.
    var hasEvent: Event? { ctx.hasEvent.flatMap { catalog?.event(named: $0) } }

    /// The facet or field whose value is being written (after an operator, `between`, inside a list).
    func comparedAttribute() -> Attribute? {
        let n = ctx.before.count
        var opIndex: Int?
        switch ctx.backKind(1) {
        case .eq?, .ne?, .lt?, .le?, .gt?, .ge?, .kwBetween?: opIndex = n - 1
        case .kwAnd? where ctx.backKind(3) == .kwBetween: opIndex = n - 3
        default:
            if let bracket = ctx.openListBracket() { opIndex = bracket - 1 }
        }
        guard let op = opIndex, let (qualifier, name) = ctx.comparedName(beforeIndex: op) else { return nil }
        return resolve(qualifier: qualifier, name: name)
    }

    /// A facet or field named by the last token, in predicate position (an operator comes next).
    func attributeJustNamed() -> Attribute? {
        guard let t = ctx.back(1), t.kind == .ident else { return nil }
        let k2 = ctx.backKind(2)
        if k2 == .dot, let q = ctx.back(3) { return resolve(qualifier: ctx.text(q), name: ctx.text(t)) }
        guard k2 == nil || k2 == .lbrace || k2 == .kwWhere || k2 == .kwAnd || k2 == .kwNot || k2.map(CompletionContext.endsCondition) == true
        else { return nil }
        return resolve(qualifier: nil, name: ctx.text(t))
    }

    func resolve(qualifier: String?, name: String) -> Attribute? {
        if let q = qualifier { return catalog?.event(named: q)?.field(named: name) }
        if let e = hasEvent, let f = e.field(named: name) { return f }
        return catalog?.facet(named: name)
    }

    // MARK: - Proposal sets

    mutating func events() {
        for e in catalog?.events ?? [] {
            add(e.name, .event, detail: "event · table \(e.table)", doc: HoverText.event(e), sort: 10)
        }
    }

    mutating func facets() {
        guard let c = catalog else { return }
        for f in c.facets {
            add(f.name, .facet, detail: Self.typeLabel(f) + " · facet", doc: HoverText.facet(f, catalog: c), sort: 10)
        }
    }

    mutating func fields(of e: Event, numericOnly: Bool = false) {
        for f in e.fields where !numericOnly || f.type.isNumeric {
            add(f.name, .field, detail: Self.typeLabel(f) + " · field of \(e.name)", doc: HoverText.field(f, of: e), sort: 10)
        }
    }

    static func typeLabel(_ a: Attribute) -> String {
        var s = a.type.rawValue
        if let u = a.unit { s += " (\(u))" }
        if a.values != nil { s += a.ordered ? ", ordered values" : ", values" }
        return s
    }

    /// The attribute named before the token at `index` (`f in`, `f not in`).
    func resolveBefore(index: Int) -> Attribute? {
        guard let (q, n) = ctx.comparedName(beforeIndex: index) else { return nil }
        return resolve(qualifier: q, name: n)
    }

    /// After `f in`: a list of the values as a snippet to choose from.
    mutating func listOfValues(_ a: Attribute) {
        guard let vs = a.values, !vs.isEmpty else { add("[…]", .snippet, insert: "[$0]", snippet: true, sort: 10); return }
        let choice = vs.map { Self.escapedForChoice(StringLiteral.quote($0)) }
        add("[…]", .snippet, detail: "a list of \(a.name) values", insert: "[${1|" + choice.joined(separator: ",") + "|}$0]", snippet: true, sort: 10)
    }

    /// Text escaped for a snippet choice `${1|a,b|}` (LSP snippet grammar).
    static func escapedForChoice(_ s: String) -> String {
        var out = ""
        for ch in s {
            if ch == "\\" || ch == "," || ch == "|" || ch == "$" || ch == "}" { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// The allowed values, in catalog order (for ordered facets that is the order).
    mutating func values(of a: Attribute) {
        if let vs = a.values {
            for (i, v) in vs.enumerated() {
                let quoted = StringLiteral.quote(v)
                items.append(CompletionItem(label: quoted, kind: .value, detail: a.ordered ? "\(a.name) · \(i + 1) of \(vs.count)" : a.name,
                                            documentation: nil, insertText: quoted, isSnippet: false,
                                            sortText: String(format: "%05d", i), replaceStart: ctx.replaceStart, replaceEnd: ctx.replaceEnd))
            }
        } else if a.type == .bool {
            keywords(["true", "false"], sort: 10)
        }
    }

    mutating func operators(for a: Attribute) {
        var ops = ["=", "!=", "in", "not in", "is missing", "is not missing"]
        if a.type.isNumeric || a.type.isTemporal || a.ordered { ops += ["<", "<=", ">", ">=", "between"] }
        if a.type == .string { ops += ["contains", "starts_with"] }
        if a.type.isTemporal { ops += ["during", "since", "before"] }
        keywords(ops, sort: 20)
    }

    mutating func windows() {
        add("last", .keyword, detail: "last N days|weeks|months|years", insert: "last ${1:30} ${2|days,weeks,months,years|}", snippet: true, sort: 10)
        add("fiscal_year", .keyword, detail: "fiscal_year YEAR", insert: "fiscal_year ${1:2026}", snippet: true, sort: 11)
        add("fiscal_quarter", .keyword, detail: "fiscal_quarter YEAR Qn", insert: "fiscal_quarter ${1:2026} ${2|Q1,Q2,Q3,Q4|}", snippet: true, sort: 12)
        add("DATE to DATE", .snippet, detail: "both days included", insert: "${1:2026-01-01} to ${2:2026-03-31}", snippet: true, sort: 13)
    }

    mutating func units(singular: Bool) {
        for u in ["day", "week", "month", "year"] { add(singular ? u : u + "s", .unit, sort: 10) }
    }

    mutating func tagKinds() {
        add("RETRIEVED", .tag, detail: "the name or value came from the catalog", insert: "RETRIEVED: ", sort: 10)
        add("INFERRED", .tag, detail: "a number or date the model chose (an assumption)", insert: "INFERRED: ", sort: 11)
    }

    /// After `[RETRIEVED:`: the names and enumerated values of the condition the tag follows.
    mutating func tagSubjects() {
        var i = ctx.before.count - 3   // the `[`
        var names: [String] = [], values: [String] = []
        var event: String?
        while i > 0 {
            i -= 1
            let t = ctx.before[i]
            if t.kind == .lbrace || t.kind == .rbrace { break }
            if t.kind == .ident, i > 0, ctx.before[i - 1].kind == .kwHas { event = ctx.text(t) }
            if t.kind == .ident, !["RETRIEVED", "INFERRED"].contains(ctx.text(t)) { names.append(ctx.text(t)) }
            if t.kind == .string { values.append(ctx.text(t)) }
            if t.kind == .kwHas { break }
        }
        var seen = Set<String>()
        for n in names.reversed() where seen.insert(n).inserted {
            let known = catalog?.facet(named: n) != nil || catalog?.event(named: n) != nil
                || (event.flatMap { catalog?.event(named: $0)?.field(named: n) } != nil)
            if known { add(n, .facet, sort: 10) }
        }
        for v in values.reversed() where seen.insert(v).inserted { add(v, .value, sort: 20) }
    }

    mutating func hasContinuations() {
        keywords(["where", "during", "since", "before", "count"], sort: 20)
        for f in ["sum", "avg", "min", "max", "count_distinct"] {
            add(f + "(…)", .keyword, insert: f + "(${1:field})", snippet: true, sort: 30)
        }
    }

    /// Where a new item, condition or segment may start.
    mutating func conditionStart() {
        switch ctx.place {
        case .topLevel:
            add("segment", .snippet, detail: "segment NAME \"title\" { … }", insert: "segment ${1:name} \"${2:title}\" {\n  include {\n    $0\n  }\n}",
                snippet: true, sort: 10)
        case .segmentBody:
            add("description", .keyword, insert: "description \"${1}\"", snippet: true, sort: 10)
            add("as_of", .keyword, insert: "as_of ${1:2026-01-01}", snippet: true, sort: 11)
            add("include", .keyword, insert: "include {\n  $0\n}", snippet: true, sort: 12)
            add("exclude", .keyword, insert: "exclude {\n  $0\n}", snippet: true, sort: 13)
        case .block:
            facets()
            if ctx.hasEvent != nil {
                keywords(["and", "during", "since", "before", "count"], sort: 15)
            }
            add("has", .keyword, detail: "has EVENT where … during … count …", sort: 20)
            add("all", .keyword, detail: "every condition holds", insert: "all {\n  $0\n}", snippet: true, sort: 21)
            add("any", .keyword, detail: "at least one condition holds", insert: "any {\n  $0\n}", snippet: true, sort: 22)
            add("not", .keyword, sort: 23)
            add("in segment", .keyword, detail: "members of another segment", insert: "in segment ", sort: 24)
        }
    }
}
