import SegmintCore
import SegmintCatalog
import SegmintSyntax

/// What a prompt's placeholders stand for in one catalog: `{{entity}}`, `{{entities}}` and
/// `{{examples}}` (few-shot examples made of the catalog's own names, values and events, so a
/// model sees the tenant's vocabulary rather than another business's).
public struct PromptContext: Sendable, Equatable {
    public var entity: String
    public var entities: String
    /// Stage name → its examples block (empty when the catalog has nothing to show).
    public var examples: [String: String]

    public init(catalog: Catalog) {
        let names = EntityWords.names(catalog.entity.name)
        entity = names.singular; entities = names.plural
        examples = PromptExamples(catalog: catalog, entities: names.plural).byStage
    }

    /// The prompt text with every placeholder filled.
    public func render(_ prompt: Prompt) -> String {
        prompt.text
            .replacingOccurrences(of: "{{entities}}", with: entities)
            .replacingOccurrences(of: "{{entity}}", with: entity)
            .replacingOccurrences(of: "{{examples}}", with: examples[prompt.stage] ?? "")
    }
}

/// The entity's name as English words: `account` → accounts, `loyalty_member` → loyalty members.
enum EntityWords {
    static func names(_ name: String) -> (singular: String, plural: String) {
        let singular = String(name.lowercased().map { $0 == "_" ? " " : $0 })
        let plural: String
        if singular.hasSuffix("s") || singular.hasSuffix("x") || singular.hasSuffix("ch") || singular.hasSuffix("sh") {
            plural = singular + "es"
        } else if singular.hasSuffix("y"), let b = singular.dropLast().last, !"aeiou".contains(b) {
            plural = singular.dropLast() + "ies"
        } else {
            plural = singular + "s"
        }
        return (singular, plural)
    }
}

/// Few-shot examples built from one catalog. Each example is only written when the catalog has
/// an item of that shape (an enumerated facet, an event with an enumerated field, a numeric
/// facet, a boolean facet); their spans are copied from the example request they belong to.
struct PromptExamples {
    var byStage: [String: String] = [:]

    init(catalog: Catalog, entities: String) {
        let enumFacet = catalog.facets.first { $0.type == .string && !($0.values ?? []).isEmpty && !$0.isModelScore }
        let numFacet = catalog.facets.first { $0.type.isNumeric && !$0.isModelScore }
        let boolFacet = catalog.facets.first { $0.type == .bool }
        let event = catalog.events.first { e in e.fields.contains { !($0.values ?? []).isEmpty } } ?? catalog.events.first
        let eventField = event?.fields.first { !($0.values ?? []).isEmpty }

        var parts: [(span: String, exclude: Bool, condition: String)] = []
        if let f = enumFacet, let v = f.values?.first {
            let w = Self.words(f)
            parts.append(("\(w) \(v)", false,
                          "\(f.name) = \(StringLiteral.quote(v)) [RETRIEVED: \(f.name) from \(StringLiteral.quote(w))] [RETRIEVED: \(StringLiteral.quote(v)) from \(StringLiteral.quote(v))]"))
        }
        if let e = event {
            let ew = Self.words(e.name, [])
            if let fld = eventField, let v = fld.values?.first {
                let fw = Self.words(fld)
                parts.append(("with a \(ew) with \(fw) \(v) in the last 90 days", false,
                              "has \(e.name) where \(fld.name) = \(StringLiteral.quote(v)) @window [RETRIEVED: \(e.name) from \(StringLiteral.quote(ew))] "
                              + "[RETRIEVED: \(e.name).\(fld.name) from \(StringLiteral.quote(fw))] [RETRIEVED: \(StringLiteral.quote(v)) from \(StringLiteral.quote(v))]"))
            } else {
                parts.append(("with a \(ew) in the last 90 days", false,
                              "has \(e.name) @window [RETRIEVED: \(e.name) from \(StringLiteral.quote(ew))]"))
            }
        }
        if let f = numFacet {
            let w = Self.words(f)
            parts.append(("\(w) over 100", false, "\(f.name) > 100 [RETRIEVED: \(f.name) from \(StringLiteral.quote(w))]"))
        }
        if let f = boolFacet {
            let w = Self.words(f)
            parts.append((w, true, "\(f.name) = true [RETRIEVED: \(f.name) from \(StringLiteral.quote(w))]"))
        }
        guard !parts.isEmpty else { return }

        var request = entities
        for p in parts { request += p.exclude ? ", but not \(p.span)" : ", \(p.span)" }
        var decompose = "\nExample: {\"request\": \(JSON.string(request))} →\n{\"refusal\": null, \"parts\": ["
        decompose += parts.map { "{\"span\": \(JSON.string($0.span)), \"exclude\": \($0.exclude)}" }.joined(separator: ", ") + "]}"
        byStage["decompose"] = decompose

        var map = "\nExamples from this catalog:"
        for p in parts {
            map += "\nspan \(JSON.string(p.span)) →\n{\"condition\": \(JSON.string(p.condition)), \"unmapped\": []}"
        }
        if let f = numFacet {
            let w = Self.words(f)
            map += "\nspan \(JSON.string("high \(w)")) (no number given) →\n{\"condition\": "
                + JSON.string("\(f.name) >= 100 [RETRIEVED: \(f.name) from \(StringLiteral.quote(w))] [INFERRED: 100 from \"high\"]")
                + ", \"unmapped\": []}"
        }
        byStage["map"] = map
    }

    /// The words a user would use for an item: its name with spaces (synonyms vary too much in
    /// kind to read well in a made-up request).
    static func words(_ a: Attribute) -> String { words(a.name, []) }
    static func words(_ name: String, _ synonyms: [String]) -> String {
        String(name.map { $0 == "_" ? " " : $0 })
    }
}
