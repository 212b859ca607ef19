import SegmintCore
import SegmintSyntax
import SegmintCatalog

/// A checked test on one column, kept with its source for the "can never hold" analysis.
struct ColumnTest {
    let column: Column
    let test: CheckedTest
    let span: Span
}

extension CheckState {
    /// `block = "{" { condition } "}"` read as AND (an include block or `all`): checks each
    /// condition, then looks for facets whose tests contradict each other.
    func checkBlock(_ conditions: [Condition]) -> [CheckedCondition]? {
        var out: [CheckedCondition] = []
        out.reserveCapacity(conditions.count)
        var ok = true
        var facetTests: [ColumnTest] = []
        for c in conditions {
            guard let checked = checkCondition(c) else { ok = false; continue }
            if conditions.count > 1, case .facet(_, let test) = checked, case .predicate(let p) = c.kind,
               let column = index.facets[p.facet.base.name] {
                facetTests.append(ColumnTest(column: column, test: test, span: p.span))
            }
            out.append(checked)
        }
        reportNeverHolds(facetTests)
        return ok ? out : nil
    }

    func checkCondition(_ c: Condition) -> CheckedCondition? {
        switch c.kind {
        case .all(let block):
            rejectTags(c.tags, on: "all")
            return checkBlock(block.conditions).map { .all($0) }
        case .any(let block):
            rejectTags(c.tags, on: "any")
            let kids = block.conditions.map { checkCondition($0) }
            let checked = kids.compactMap { $0 }
            return checked.count == kids.count ? .any(checked) : nil
        case .not(let inner):
            // Tags written after `not c` ground the names and values of c.
            var merged = inner
            merged.tags += c.tags
            return checkCondition(merged).map { .not($0) }
        case .inSegment(let name):
            rejectTags(c.tags, on: "in segment")
            if !references.contains(name.name) { references.append(name.name) }
            referenceSpans.append((name.name, name.span))
            return .inSegment(name.name)
        case .has(let h):
            return checkHas(h, tags: c.tags)
        case .predicate(let p):
            return checkFacetPredicate(p, tags: c.tags)
        }
    }

    func rejectTags(_ tags: [GroundingTag], on what: String) {
        for t in tags {
            error(CheckCode.tagOnCompound, "a grounding tag cannot follow \(what)", at: t.span,
                  help: "put tags after the facet or event conditions inside it")
        }
    }

    // MARK: - Facet conditions

    func checkFacetPredicate(_ p: Predicate, tags: [GroundingTag]) -> CheckedCondition? {
        let base = p.facet.base
        if let member = p.facet.member {
            if index.events[base.name] != nil {
                error(CheckCode.eventFieldOutsideHas, "\(p.facet) is a field of event \"\(base.name)\" and can only be tested inside has",
                      at: p.facet.span, help: "use has \(base.name) where \(member.name) …")
            } else if index.facets[base.name] != nil {
                error(CheckCode.wrongQualifier, "facet \"\(base.name)\" has no fields", at: p.facet.span,
                      help: "write the facet alone: \(base.name)")
            } else {
                error(CheckCode.unknownEvent, "unknown event \"\(base.name)\"", at: base.span,
                      help: Self.didYouMean(base.name, index.eventNames))
            }
            return nil
        }
        guard let column = index.facets[base.name] else {
            if index.events[base.name] != nil {
                error(CheckCode.eventAsFacet, "\"\(base.name)\" is an event, not a facet", at: base.span,
                      help: "use has \(base.name) …")
            } else {
                error(CheckCode.unknownFacet, "unknown facet \"\(base.name)\"", at: base.span,
                      help: Self.didYouMean(base.name, index.facetNames))
            }
            return nil
        }
        let facet = column.attribute
        let test = checkTest(p, column: column)
        // Grounding is checked only where there is something to check (most hand-written
        // conditions carry no tags), keeping the common path free of allocations.
        if !tags.isEmpty || options.requireTags {
            var g = GroundingScope(names: [facet.name: facet.name], subject: facet.name)
            g.add(p, column: column)
            if options.requireTags { g.required.append((facet.name, "facet", p.facet.span)) }
            checkTags(tags, scope: g)
        }
        return test.map { .facet(facet, $0) }
    }

    // MARK: - Event conditions

    func checkHas(_ h: HasCondition, tags: [GroundingTag]) -> CheckedCondition? {
        guard let event = index.events[h.event.name] else {
            if index.facets[h.event.name] != nil {
                error(CheckCode.unknownEvent, "\"\(h.event.name)\" is a facet, not an event", at: h.event.span,
                      help: "test the facet directly, without has")
            } else {
                error(CheckCode.unknownEvent, "unknown event \"\(h.event.name)\"", at: h.event.span,
                      help: Self.didYouMean(h.event.name, index.eventNames))
            }
            return nil
        }
        let fields = index.fields[event.name] ?? [:]
        var ok = true
        let grounding = !tags.isEmpty || options.requireTags
        var g = GroundingScope(names: grounding ? [event.name: event.name] : [:], subject: event.name)
        var checkedPredicates: [(Field, CheckedTest)] = []
        var tests: [ColumnTest] = []

        for p in h.predicates {
            var name = p.facet.base
            if let member = p.facet.member {
                guard p.facet.base.name == event.name else {
                    error(CheckCode.wrongQualifier, "\(p.facet) does not belong to event \"\(event.name)\"", at: p.facet.span,
                          help: "inside has \(event.name), write \(member.name) or \(event.name).\(member.name)")
                    ok = false
                    continue
                }
                name = member
            }
            guard let column = field(name, of: event, in: fields) else { ok = false; continue }
            if grounding { g.addField(column); g.add(p, column: column) }
            if options.requireTags { g.required.append((column.label, "field", p.facet.span)) }
            guard let test = checkTest(p, column: column) else { ok = false; continue }
            checkedPredicates.append((column.attribute, test))
            if h.predicates.count > 1 { tests.append(ColumnTest(column: column, test: test, span: p.span)) }
        }
        reportNeverHolds(tests)

        var window: CheckedWindow?
        if let w = h.window {
            if grounding { g.add(window: w) }
            if let cw = checkWindow(w, timeType: event.timeType) { window = cw } else { ok = false }
        }

        var aggregate: CheckedAggregate?
        if let a = h.aggregate {
            var aggField: Field?
            if let ident = a.function.field {
                if let f = field(ident, of: event, in: fields) {
                    if grounding { g.addField(f) }
                    aggField = f.attribute
                    if options.requireTags { g.required.append((f.label, "field", ident.span)) }
                } else {
                    ok = false
                }
            }
            if grounding { g.add(aggregate: a, subject: aggField.map { "\(event.name).\($0.name)" } ?? "\(event.name).count") }
            if let checked = checkAggregate(a, field: aggField, event: event) { aggregate = checked } else { ok = false }
        }
        if options.requireTags, g.required.isEmpty { g.required.append((event.name, "event", h.event.span)) }
        if grounding { checkTags(tags, scope: g) }
        guard ok else { return nil }
        return .event(CheckedEventCondition(event: event, predicates: checkedPredicates, window: window, aggregate: aggregate))
    }

    /// The field `ident` of `event`, or nil after an unknown-field error.
    func field(_ ident: Ident, of event: Event, in fields: [String: Column]) -> Column? {
        if let f = fields[ident.name] { return f }
        let hint = Self.didYouMean(ident.name, index.fieldNames(of: event))
            ?? (index.facets[ident.name] != nil ? "\"\(ident.name)\" is a facet of the \(index.catalog.entity.name); test it outside has" : nil)
        error(CheckCode.unknownField, "event \"\(event.name)\" has no field \"\(ident.name)\"", at: ident.span, help: hint)
        return nil
    }

    func checkAggregate(_ a: Aggregate, field: Field?, event: Event) -> CheckedAggregate? {
        let fn: CheckedAggregate.Function
        switch a.function {
        case .count: fn = .count
        case .sum: fn = .sum
        case .avg: fn = .avg
        case .min: fn = .min
        case .max: fn = .max
        case .countDistinct: fn = .countDistinct
        }
        var ok = true
        if let ident = a.function.field, let field, fn != .countDistinct, !field.type.isNumeric {
            error(CheckCode.aggregateType, "\(a.function.keyword) needs a numeric field, but \(event.name).\(field.name) is \(field.type.rawValue)",
                  at: ident.span, help: "count_distinct works on any field")
            ok = false
        }
        if a.function.field != nil, field == nil { ok = false }
        let counts = fn == .count || fn == .countDistinct
        // sum/min/max of an int field are ints: a decimal literal there is the §2 error
        // "a decimal literal for an int facet", as it is in a `where` on the same field.
        let intValued = (fn == .sum || fn == .min || fn == .max) && field?.type == .int
        func checkNumber(_ n: NumberLiteral, _ span: Span) -> Bool {
            if intValued, n.isDecimal, let field {
                error(CheckCode.decimalForInt, "\(n.text) is a decimal, but \(a.function.keyword)(\(event.name).\(field.name)) is int",
                      at: span, help: "write a whole number")
                return false
            }
            guard counts else { return true }
            if n.isDecimal || n.text.hasPrefix("-") && n.text != "-0" {
                error(CheckCode.countValue, "\(a.function.keyword) is compared with \(n.text), but it is always a whole number 0 or more",
                      at: span, help: "compare with a whole number such as 0, 1, 2")
                return false
            }
            return true
        }
        let test: AggregateComparison
        switch a.test {
        case .compare(let op, let n, let span):
            ok = checkNumber(n, span) && ok
            test = .compare(op, n.text)
        case .between(let lo, let hi, let span):
            ok = checkNumber(lo, span) && ok
            ok = checkNumber(hi, span) && ok
            if let l = ExactDecimal(lo.text), let h = ExactDecimal(hi.text), h < l {
                warning(CheckCode.emptyRange, "between \(lo.text) and \(hi.text) can never hold: the low end is above the high end",
                        at: span, help: "write the smaller number first: between \(hi.text) and \(lo.text)")
            }
            test = .between(lo.text, hi.text)
        }
        return ok ? CheckedAggregate(function: fn, field: field, test: test) : nil
    }
}
