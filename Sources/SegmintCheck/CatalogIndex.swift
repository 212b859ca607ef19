import SegmintCatalog

/// A facet or an event field, prebuilt once per check with its label (`state`,
/// `purchase.category`) and the ordinal of each enumerated value. A class, so passing it
/// around costs one reference count, not a copy of the attribute.
final class Column {
    let attribute: Attribute
    let label: String
    /// Position of each enumerated value in `values` (nil when not enumerated).
    let ordinals: [String: Int]?

    init(attribute: Attribute, label: String) {
        self.attribute = attribute
        self.label = label
        if let values = attribute.values {
            var m: [String: Int] = [:]
            for (i, v) in values.enumerated() where m[v] == nil { m[v] = i }
            ordinals = m
        } else {
            ordinals = nil
        }
    }

    var values: [String]? { attribute.values }
}

/// The catalog's names in dictionaries, built once per check so that every lookup is O(1)
/// (the checker must stay linear in the size of the input).
struct CatalogIndex {
    let catalog: Catalog
    let facets: [String: Column]
    let events: [String: Event]
    let fields: [String: [String: Column]]
    let facetNames: [String]
    let eventNames: [String]
    /// Every field name of every event, for "this names a field of another event" messages.
    let anyFieldName: Set<String>

    init(_ catalog: Catalog) {
        self.catalog = catalog
        var facets: [String: Column] = [:], events: [String: Event] = [:], fields: [String: [String: Column]] = [:]
        var anyField = Set<String>()
        for f in catalog.facets where facets[f.name] == nil {
            facets[f.name] = Column(attribute: f, label: f.name)
        }
        for e in catalog.events where events[e.name] == nil {
            events[e.name] = e
            var fs: [String: Column] = [:]
            for f in e.fields where fs[f.name] == nil {
                fs[f.name] = Column(attribute: f, label: "\(e.name).\(f.name)")
                anyField.insert(f.name)
            }
            fields[e.name] = fs
        }
        self.facets = facets; self.events = events; self.fields = fields
        self.facetNames = catalog.facets.map(\.name)
        self.eventNames = catalog.events.map(\.name)
        self.anyFieldName = anyField
    }

    func fieldNames(of event: Event) -> [String] { event.fields.map(\.name) }
}
