import SegmintCore
import SegmintSyntax
import SegmintCatalog

/// A literal of a condition, with the column it is compared to (nil for window and aggregate
/// numbers) and the label used for assumptions (`lifetime_spend`, `purchase.count`).
struct ScopeLiteral {
    let value: LiteralValue
    let column: Column?
    let label: String
    let span: Span
}

/// What one facet or event condition uses, so its grounding tags can be checked (spec §5).
struct GroundingScope {
    /// Names a RETRIEVED tag may claim (`category`, `purchase.category`, `purchase`) -> canonical label.
    var names: [String: String]
    /// The condition's main subject (facet name or event name), for assumptions.
    var subject: String
    /// Every literal of the condition.
    var literals: [ScopeLiteral] = []
    /// Under `requireTags`: names that need a RETRIEVED tag (label, kind, where).
    var required: [(label: String, kind: String, span: Span)] = []

    init(names: [String: String], subject: String) { self.names = names; self.subject = subject }

    mutating func add(_ p: Predicate, column: Column) {
        func lit(_ l: Literal) { literals.append(ScopeLiteral(value: l.value, column: column, label: column.label, span: l.span)) }
        switch p.test {
        case .compare(_, let l): lit(l)
        case .inList(_, let list): list.values.forEach(lit)
        case .between(let a, let b): lit(a); lit(b)
        case .contains(let s), .startsWith(let s):
            literals.append(ScopeLiteral(value: .string(s.value), column: column, label: column.label, span: s.span))
        case .isMissing: break
        case .window(let w): add(window: w, label: column.label)
        }
    }

    mutating func add(window w: Window, label: String? = nil) {
        let l = label ?? subject
        func add(_ v: LiteralValue) { literals.append(ScopeLiteral(value: v, column: nil, label: l, span: w.span)) }
        func num(_ n: Int) { add(.number(NumberLiteral(text: String(n), isDecimal: false))) }
        switch w.kind {
        case .last(let n, _): num(n)
        case .range(let a, let b): add(.date(a)); add(.date(b))
        case .fiscalYear(let y): num(y)
        case .fiscalQuarter(let y, _): num(y)
        case .since(let d), .before(let d): add(.date(d))
        }
    }

    mutating func add(aggregate a: Aggregate, subject label: String) {
        switch a.test {
        case .compare(_, let n, let span):
            literals.append(ScopeLiteral(value: .number(n), column: nil, label: label, span: span))
        case .between(let lo, let hi, let span):
            literals.append(ScopeLiteral(value: .number(lo), column: nil, label: label, span: span))
            literals.append(ScopeLiteral(value: .number(hi), column: nil, label: label, span: span))
        }
    }

    /// Literals equal to `v` (numbers compared exactly: `500` matches `500.0`).
    func matches(_ v: LiteralValue) -> [ScopeLiteral] {
        literals.filter { GroundingScope.same($0.value, v) }
    }

    static func same(_ a: LiteralValue, _ b: LiteralValue) -> Bool {
        if case .number(let x) = a, case .number(let y) = b {
            return ExactDecimal(x.text).flatMap { ex in ExactDecimal(y.text).map { ex == $0 } } ?? (x.text == y.text)
        }
        return a == b
    }
}

extension CheckState {
    /// Applies the grounding rules of spec §5 to the tags of one facet or event condition.
    func checkTags(_ tags: [GroundingTag], scope: GroundingScope) {
        var retrievedNames = Set<String>()
        var retrievedValues: [LiteralValue] = []
        for tag in tags {
            if let from = tag.from, let request = options.request, !request.contains(from.value) {
                error(CheckCode.fromNotInRequest, "\(StringLiteral.quote(from.value)) does not occur in the request", at: from.span,
                      help: "`from` must quote the user's words exactly")
            }
            switch (tag.kind, tag.subject) {
            case (.retrieved, .name(let ref)):
                let text = ref.description
                groundings.append(Grounding(kind: .retrieved, claim: text, isValue: false, from: tag.from?.value, span: tag.span))
                if let label = scope.names[text] {
                    retrievedNames.insert(label)
                } else if existsInCatalog(ref) {
                    error(CheckCode.retrievedWrongName, "[RETRIEVED: \(text)] does not name this condition's \(scope.names.count > 1 ? "event or fields" : "facet")",
                          at: ref.span, help: "this condition uses \(scope.names.keys.sorted().joined(separator: ", "))")
                } else {
                    error(CheckCode.retrievedUnknownName, "[RETRIEVED: \(text)] names nothing in the catalog", at: ref.span,
                          help: Self.didYouMean(text, Array(scope.names.keys)))
                }
            case (.inferred, .name(let ref)):
                groundings.append(Grounding(kind: .inferred, claim: ref.description, isValue: false, from: tag.from?.value, span: tag.span))
                error(CheckCode.inferredName, "\(ref) is tagged INFERRED, but facet, field and event names must come from the catalog",
                      at: tag.span, help: "ground it with [RETRIEVED: \(ref)] or choose a catalog name")
            case (let kind, .value(let lit)):
                groundings.append(Grounding(kind: kind, claim: lit.value.description, isValue: true, from: tag.from?.value, span: tag.span))
                let found = scope.matches(lit.value)
                guard !found.isEmpty else {
                    error(CheckCode.tagValueNotInCondition, "tagged value \(lit) does not occur in this condition", at: lit.span)
                    continue
                }
                let enumerated = found.first { $0.column?.values != nil }
                if kind == .retrieved {
                    retrievedValues.append(lit.value)
                    guard case .string(let s) = lit.value, let e = enumerated, let column = e.column,
                          column.ordinals?[s] != nil else {
                        let owner = found.first?.column?.label ?? found.first?.label ?? scope.subject
                        let why = enumerated == nil ? "\(owner) has no catalog values" : "it is not a catalog value of \(owner)"
                        error(CheckCode.retrievedNotAValue, "\(lit) is tagged RETRIEVED, but \(why)", at: lit.span,
                              help: "RETRIEVED values must come from the catalog's values; tag numbers and dates INFERRED")
                        continue
                    }
                } else if case .string = lit.value, let e = enumerated {
                    error(CheckCode.inferredEnumValue, "\(lit) is tagged INFERRED, but values of \(e.label) must come from the catalog",
                          at: tag.span, help: "ground it with [RETRIEVED: \(lit)]")
                } else {
                    let label = found.first?.label ?? scope.subject
                    assumptions.append(Assumption(value: lit.value.description, from: tag.from?.value, subject: label, span: tag.span))
                    if options.strict {
                        error(CheckCode.strictAssumption, "\(lit) for \(label) is an assumption (INFERRED), not allowed with --strict",
                              at: tag.span, help: "state the value explicitly, or run without --strict")
                    }
                }
            }
        }
        guard options.requireTags else { return }
        var reported = Set<String>()
        for need in scope.required where !retrievedNames.contains(need.label) && reported.insert(need.label).inserted {
            error(CheckCode.missingTag, "\(need.kind) \(need.label) has no grounding tag", at: need.span,
                  help: "add [RETRIEVED: \(need.label)]")
        }
        for lit in scope.literals {
            guard case .string = lit.value, lit.column?.values != nil else { continue }
            if !retrievedValues.contains(where: { GroundingScope.same($0, lit.value) }), reported.insert(lit.value.description).inserted {
                error(CheckCode.missingTag, "value \(lit.value) of \(lit.label) has no grounding tag", at: lit.span,
                      help: "add [RETRIEVED: \(lit.value)]")
            }
        }
    }

    func existsInCatalog(_ ref: FacetRef) -> Bool {
        if let member = ref.member {
            return index.fields[ref.base.name]?[member.name] != nil
        }
        let n = ref.base.name
        return index.facets[n] != nil || index.events[n] != nil || index.anyFieldName.contains(n)
    }
}
