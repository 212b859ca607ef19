import SegmintSyntax
import SegmintCatalog

/// The eval's own audit of a produced segment's grounding tags (spec §5), independent of what
/// the pipeline says about itself: a pipeline that forgets to enforce grounding must not score
/// as grounded.
///
/// A violation is: a facet, field or enumerated value used without a `[RETRIEVED: …]` tag; an
/// `[INFERRED: …]` facet, field or enumerated value; a RETRIEVED claim that names something the
/// condition does not use or the catalog does not hold; a `from "…"` text that is not verbatim in
/// the request. INFERRED numbers and dates are assumptions, counted but not violations.
public struct EvalGroundingAudit: Sendable, Equatable {
    public var violations: [String] = []
    public var assumptions: Int = 0

    public static func audit(_ segment: SegmentDecl, catalog: Catalog, request: String) -> EvalGroundingAudit {
        var a = EvalGroundingAudit()
        for block in [segment.include, segment.exclude].compactMap({ $0 }) {
            for c in block.conditions { a.visit(c, inherited: [], catalog: catalog, request: request) }
        }
        return a
    }

    /// What one condition uses: names (facets or `event.field`) and the enumerated values with the
    /// name whose `values` they must come from.
    struct Uses {
        var names: [String] = []
        var enumerated: [(name: String, value: String, allowed: [String])] = []
        /// Names a RETRIEVED name tag may cite (a `has` may also cite its event or `event.field`).
        var citable: Set<String> = []
    }

    mutating func visit(_ c: Condition, inherited: [GroundingTag], catalog: Catalog, request: String) {
        let tags = inherited + c.tags
        switch c.kind {
        case .all(let b), .any(let b):
            checkTags(c.tags, uses: Uses(), request: request)
            for child in b.conditions { visit(child, inherited: [], catalog: catalog, request: request) }
        case .not(let inner):
            // Tags written after `not c` belong to c.
            visit(inner, inherited: tags, catalog: catalog, request: request)
        case .inSegment:
            checkTags(tags, uses: Uses(), request: request)
        case .predicate(let p):
            var u = Uses()
            let name = p.facet.description
            u.names = [name]; u.citable = [name]
            if let f = catalog.facet(named: name) { addEnumerated(p, attribute: f, name: name, to: &u) }
            checkTags(tags, uses: u, request: request)
            requireTags(tags, uses: u)
        case .has(let h):
            var u = Uses()
            u.citable = [h.event.name]
            let event = catalog.event(named: h.event.name)
            func fieldName(_ ref: FacetRef) -> String {
                if let m = ref.member, ref.base.name == h.event.name { return m.name }
                return ref.description
            }
            for p in h.predicates {
                let n = fieldName(p.facet)
                u.names.append(n)
                u.citable.insert(n); u.citable.insert("\(h.event.name).\(n)")
                if let f = event?.field(named: n) { addEnumerated(p, attribute: f, name: n, to: &u) }
            }
            if let f = h.aggregate?.function.field {
                u.names.append(f.name)
                u.citable.insert(f.name); u.citable.insert("\(h.event.name).\(f.name)")
            }
            checkTags(tags, uses: u, request: request, event: h.event.name)
            requireTags(tags, uses: u, event: h.event.name)
        }
    }

    func addEnumerated(_ p: Predicate, attribute: Attribute, name: String, to u: inout Uses) {
        guard let allowed = attribute.values else { return }
        var literals: [Literal] = []
        switch p.test {
        case .compare(_, let v): literals = [v]
        case .inList(_, let list): literals = list.values
        case .between(let x, let y): literals = [x, y]
        default: break
        }
        for l in literals {
            if case .string(let s) = l.value { u.enumerated.append((name, s, allowed)) }
        }
    }

    mutating func checkTags(_ tags: [GroundingTag], uses: Uses, request: String, event: String? = nil) {
        for t in tags {
            if let from = t.from?.value, !request.contains(from) {
                violations.append("from text \(StringLiteral.quote(from)) is not in the request")
            }
            switch (t.kind, t.subject) {
            case (.inferred, .name(let ref)):
                violations.append("inferred name \(ref.description)")
            case (.inferred, .value(let lit)):
                if case .string(let s) = lit.value, uses.enumerated.contains(where: { $0.value == s }) {
                    violations.append("inferred enumerated value \(StringLiteral.quote(s))")
                } else if case .string = lit.value {
                    // An inferred free-text value is made up by the model: ungrounded.
                    violations.append("inferred value \(lit.value.description)")
                } else {
                    assumptions += 1
                }
            case (.retrieved, .name(let ref)):
                if !uses.citable.contains(ref.description) {
                    violations.append("retrieved claim \(ref.description) is not what the condition uses")
                }
            case (.retrieved, .value(let lit)):
                guard case .string(let s) = lit.value else { break }
                let ok = uses.enumerated.contains { $0.value == s && $0.allowed.contains(s) }
                if !ok { violations.append("retrieved value \(StringLiteral.quote(s)) is not a catalog value the condition uses") }
            }
        }
    }

    mutating func requireTags(_ tags: [GroundingTag], uses: Uses, event: String? = nil) {
        var names: Set<String> = [], values: Set<String> = []
        for t in tags where t.kind == .retrieved {
            switch t.subject {
            case .name(let ref):
                names.insert(ref.description)
                if let e = event, ref.base.name == e, let m = ref.member { names.insert(m.name) }
            case .value(let lit):
                if case .string(let s) = lit.value { values.insert(s) }
            }
        }
        for n in uses.names where !names.contains(n) { violations.append("untagged name \(n)") }
        for e in uses.enumerated where !values.contains(e.value) {
            violations.append("untagged value \(StringLiteral.quote(e.value))")
        }
    }
}
