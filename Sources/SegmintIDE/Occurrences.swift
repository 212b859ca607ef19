import SegmintCore
import SegmintSyntax

/// A name or window in a document, classified by where the grammar puts it. Hover,
/// navigation, rename and semantic tokens all read this one list.
public struct Occurrence: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case segmentDeclaration
        case segmentReference
        /// A facet of the entity (a predicate outside `has`).
        case facet
        /// An event (`has E`, or `E` in `E.field`).
        case event
        /// A field of `event` (inside `has`, qualified, or an aggregate's argument).
        case field(event: String)
        /// A window (`during …`, `since`, `before`); `asOf` is its segment's pinned as-of.
        case window(Window, asOf: CivilDate?)
    }
    public var kind: Kind
    public var name: String
    public var span: Span
    /// Index of the segment it occurs in.
    public var segment: Int
}

enum Occurrences {
    /// Every occurrence of a file, in source order.
    static func collect(_ file: SegFile) -> [Occurrence] {
        var w = Walker()
        for (i, seg) in file.segments.enumerated() {
            w.segment = i
            w.asOf = seg.asOf?.date
            w.add(.segmentDeclaration, seg.name)
            for item in seg.items {
                switch item {
                case .include(let b, _), .exclude(let b, _): w.block(b)
                default: break
                }
            }
        }
        return w.out.sorted { $0.span.start < $1.span.start }
    }

    /// The innermost occurrence whose span holds `offset` (an end offset counts, so a cursor
    /// right after a name finds it).
    static func at(_ offset: Int, in list: [Occurrence]) -> Occurrence? {
        var best: Occurrence?
        for o in list where o.span.start <= offset && offset <= o.span.end {
            if let b = best, b.span.end - b.span.start <= o.span.end - o.span.start { continue }
            best = o
        }
        return best
    }

    private struct Walker {
        var out: [Occurrence] = []
        var segment = 0
        var asOf: CivilDate?

        mutating func add(_ kind: Occurrence.Kind, _ ident: Ident) {
            out.append(Occurrence(kind: kind, name: ident.name, span: ident.span, segment: segment))
        }

        mutating func block(_ b: Block) {
            for c in b.conditions { condition(c) }
        }

        mutating func condition(_ c: Condition) {
            var event: String?
            switch c.kind {
            case .all(let b), .any(let b): block(b)
            case .not(let inner): condition(inner)
            case .inSegment(let name): add(.segmentReference, name)
            case .predicate(let p): predicate(p, event: nil)
            case .has(let h):
                event = h.event.name
                add(.event, h.event)
                for p in h.predicates { predicate(p, event: h.event.name) }
                if let w = h.window { window(w) }
                if let f = h.aggregate?.function.field { add(.field(event: h.event.name), f) }
            }
            for tag in c.tags {
                if case .name(let ref) = tag.subject { facetRef(ref, event: event, tagged: true) }
            }
        }

        mutating func predicate(_ p: Predicate, event: String?) {
            facetRef(p.facet, event: event, tagged: false)
            if case .window(let w) = p.test { window(w) }
        }

        /// `f` outside has is a facet; inside `has E`, `f` is a field of E and `E.f` names both.
        /// A tag inside `has E` may also name E itself.
        mutating func facetRef(_ ref: FacetRef, event: String?, tagged: Bool) {
            if let member = ref.member {
                add(.event, ref.base)
                add(.field(event: ref.base.name), member)
            } else if let event {
                add(tagged && ref.base.name == event ? .event : .field(event: event), ref.base)
            } else {
                add(.facet, ref.base)
            }
        }

        mutating func window(_ w: Window) {
            out.append(Occurrence(kind: .window(w, asOf: asOf), name: "", span: w.span, segment: segment))
        }
    }
}

extension Document {
    /// Whether the document uses `in segment` (its diagnostics depend on other files).
    public var referencesSegments: Bool { !referencedSegments.isEmpty }

    /// The names of segments this document references with `in segment`.
    var referencedSegments: [String] {
        occurrences.compactMap { $0.kind == .segmentReference ? $0.name : nil }
    }
}
