import SegmintCatalog

/// The catalog's names in dictionaries, built once per check so that every lookup is O(1)
/// (the checker must stay linear in the size of the input).
struct CatalogIndex {
    let catalog: Catalog
    let facets: [String: Facet]
    let events: [String: Event]
    let fields: [String: [String: Field]]
    let facetNames: [String]
    let eventNames: [String]
    /// Ordinal of each enumerated value, keyed by `label(…)` of its facet or field.
    let valueOrdinals: [String: [String: Int]]
    /// Every field name of every event, for "this names a field of another event" messages.
    let anyFieldName: Set<String>

    init(_ catalog: Catalog) {
        self.catalog = catalog
        var facets: [String: Facet] = [:], events: [String: Event] = [:], fields: [String: [String: Field]] = [:]
        var ordinals: [String: [String: Int]] = [:]
        var anyField = Set<String>()
        func ordinalsOf(_ a: Attribute) -> [String: Int]? {
            guard let values = a.values else { return nil }
            var m: [String: Int] = [:]
            for (i, v) in values.enumerated() where m[v] == nil { m[v] = i }
            return m
        }
        for f in catalog.facets where facets[f.name] == nil {
            facets[f.name] = f
            ordinals[f.name] = ordinalsOf(f)
        }
        for e in catalog.events where events[e.name] == nil {
            events[e.name] = e
            var fs: [String: Field] = [:]
            for f in e.fields where fs[f.name] == nil {
                fs[f.name] = f
                anyField.insert(f.name)
                ordinals["\(e.name).\(f.name)"] = ordinalsOf(f)
            }
            fields[e.name] = fs
        }
        self.facets = facets; self.events = events; self.fields = fields
        self.facetNames = catalog.facets.map(\.name)
        self.eventNames = catalog.events.map(\.name)
        self.valueOrdinals = ordinals
        self.anyFieldName = anyField
    }

    func fieldNames(of event: Event) -> [String] { event.fields.map(\.name) }
}

/// A facet or an event field, with the label used in messages (`state`, `purchase.category`).
struct Column {
    let attribute: Attribute
    let label: String
    var values: [String]? { attribute.values }
}
