import SegmintCore
import SegmintSyntax
import Yams

/// Walks the composed YAML tree and applies every rule of spec §4, collecting all problems
/// in one pass. Produces a catalog only when there are no errors.
final class CatalogValidator {
    let spans: YAMLSpans
    let path: String
    var diagnostics: [Diagnostic] = []

    init(spans: YAMLSpans, path: String) { self.spans = spans; self.path = path }

    static let topKeys = ["name", "version", "entity", "fiscal_year", "facets", "events", "description"]
    static let entityKeys = ["name", "table", "key"]
    static let fiscalKeys = ["start_month", "named_by"]
    static let attributeKeys = ["name", "type", "column", "values", "ordered", "synonyms", "description", "unit", "kind", "nullable"]
    static let eventKeys = ["name", "table", "key", "time", "time_type", "fields", "synonyms", "description"]

    // MARK: - Diagnostics

    func error(_ code: String, _ message: String, _ node: Node, help: String? = nil) {
        diagnostics.append(.error(code, message, at: spans.span(node), help: help))
    }

    // MARK: - Generic shape helpers

    /// The mapping's entries by key; reports unknown keys (warnings, with did-you-mean) and
    /// non-scalar keys. `what` names the mapping in messages (`facet "age"`, `entity`).
    func entries(_ node: Node, what: String, known: [String]) -> [String: (key: Node, value: Node)]? {
        guard let mapping = node.mapping else {
            error(CatalogCode.wrongShape, "\(what) must be a mapping", node)
            return nil
        }
        var out: [String: (key: Node, value: Node)] = [:]
        for (k, v) in mapping {
            guard let name = k.scalar?.string else {
                error(CatalogCode.wrongShape, "keys of \(what) must be plain names", k)
                continue
            }
            if !known.contains(name) {
                let help = NameHint.closest(to: name, in: known).map { "did you mean \"\($0)\"?" }
                    ?? "known keys: \(known.joined(separator: ", "))"
                diagnostics.append(.warning(CatalogCode.unknownKey, "unknown key \"\(name)\" in \(what) is ignored",
                                            at: spans.span(k), help: help))
                continue
            }
            out[name] = (k, v)
        }
        return out
    }

    /// A required scalar string; reports a missing key at `owner` and an empty value at the value.
    func requiredString(_ e: [String: (key: Node, value: Node)], _ key: String, in what: String, owner: Node) -> String? {
        guard let entry = e[key] else {
            error(CatalogCode.missingKey, "\(what) is missing required key \"\(key)\"", owner)
            return nil
        }
        return nonEmptyString(entry.value, key: key, in: what)
    }

    func nonEmptyString(_ node: Node, key: String, in what: String) -> String? {
        guard let s = string(node, key: key, in: what) else { return nil }
        if s.allSatisfy({ $0 == " " || $0 == "\t" }) {
            error(CatalogCode.emptyString, "\"\(key)\" of \(what) must not be empty", node)
            return nil
        }
        return s
    }

    func string(_ node: Node, key: String, in what: String) -> String? {
        guard let s = node.scalar?.string else {
            error(CatalogCode.wrongShape, "\"\(key)\" of \(what) must be a single value, not a list or mapping", node)
            return nil
        }
        return s
    }

    func optionalString(_ e: [String: (key: Node, value: Node)], _ key: String, in what: String) -> String? {
        guard let entry = e[key] else { return nil }
        return string(entry.value, key: key, in: what)
    }

    func bool(_ e: [String: (key: Node, value: Node)], _ key: String, in what: String) -> Bool? {
        guard let entry = e[key] else { return nil }
        switch entry.value.scalar?.string {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            error(CatalogCode.wrongShape, "\"\(key)\" of \(what) must be true or false", entry.value)
            return nil
        }
    }

    func stringList(_ e: [String: (key: Node, value: Node)], _ key: String, in what: String) -> [(String, Node)]? {
        guard let entry = e[key] else { return nil }
        guard let seq = entry.value.sequence else {
            error(CatalogCode.wrongShape, "\"\(key)\" of \(what) must be a list", entry.value)
            return nil
        }
        var out: [(String, Node)] = []
        for item in seq {
            guard let s = item.scalar?.string else {
                error(CatalogCode.wrongShape, "items of \"\(key)\" in \(what) must be single values", item)
                continue
            }
            out.append((s, item))
        }
        return out
    }

    /// Facet, field and event names are written in `.seg` files, so they must be identifiers
    /// and not reserved words.
    func checkName(_ name: String, _ node: Node, kind: String) -> Bool {
        if !Self.isIdentifier(name) {
            error(CatalogCode.invalidName, "\(kind) name \"\(name)\" is not an identifier", node,
                  help: "names start with a letter or _ and hold only letters, digits and _")
            return false
        }
        if Keywords.reserved.contains(name) {
            error(CatalogCode.reservedName, "\(kind) name \"\(name)\" is a reserved word", node,
                  help: "rename it, e.g. \"\(name)_\(kind == "event" ? "event" : "value")\", and keep the column with `column:`")
            return false
        }
        return true
    }

    static func isIdentifier(_ s: String) -> Bool {
        var first = true
        for b in s.utf8 {
            let letter = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
            let digit = b >= 0x30 && b <= 0x39
            if first ? !letter : !(letter || digit) { return false }
            first = false
        }
        return !first
    }

    // MARK: - The catalog

    func validate(_ root: Node) -> Catalog? {
        guard let top = entries(root, what: "the catalog", known: Self.topKeys) else { return nil }
        let name = requiredString(top, "name", in: "the catalog", owner: root)
        var version: String?
        if let v = top["version"] {
            version = nonEmptyString(v.value, key: "version", in: "the catalog")
        } else {
            error(CatalogCode.missingKey, "the catalog is missing required key \"version\"", root)
        }
        var entity: Entity?
        if let e = top["entity"] {
            entity = validateEntity(e.value)
        } else {
            error(CatalogCode.missingKey, "the catalog is missing required key \"entity\"", root,
                  help: "add e.g. `entity: {name: customer, table: customers, key: customer_id}`")
        }
        let fiscal = top["fiscal_year"].flatMap { validateFiscal($0.value) } ?? FiscalCalendar()

        var namesSeen: [String: Node] = [:]
        var facets: [Facet] = []
        if let f = top["facets"] {
            if let seq = f.value.sequence {
                for item in seq {
                    // Claim the name even when the rest of the facet is wrong, so a later
                    // duplicate is still reported.
                    let claimed = claimName(of: item, in: &namesSeen, kind: "facet")
                    guard let facet = validateAttribute(item, kind: "facet", owner: nil), claimed else { continue }
                    facets.append(facet)
                }
            } else {
                error(CatalogCode.wrongShape, "\"facets\" must be a list", f.value)
            }
        }
        var events: [Event] = []
        if let ev = top["events"] {
            if let seq = ev.value.sequence {
                for item in seq {
                    let claimed = claimName(of: item, in: &namesSeen, kind: "event")
                    guard let event = validateEvent(item, entityKey: entity?.key), claimed else { continue }
                    events.append(event)
                }
            } else {
                error(CatalogCode.wrongShape, "\"events\" must be a list", ev.value)
            }
        }
        guard !diagnostics.hasErrors, let name, let version, let entity else { return nil }
        return Catalog(name: name, version: version, entity: entity, fiscalYear: fiscal,
                       facets: facets, events: events, path: path)
    }

    /// Claims the `name` of a facet/event mapping; true when there is no name to claim.
    func claimName(of item: Node, in seen: inout [String: Node], kind: String) -> Bool {
        guard let nameNode = item.mapping?["name"], let name = nameNode.scalar?.string else { return true }
        return claim(name, nameNode, in: &seen, kind: kind)
    }

    /// Records a facet/event name in the shared namespace; false (and an error) when taken.
    func claim(_ name: String, _ node: Node, in seen: inout [String: Node], kind: String) -> Bool {
        if let first = seen[name] {
            var d = Diagnostic.error(CatalogCode.duplicateName, "\(kind) name \"\(name)\" is already declared", at: spans.span(node),
                                     help: "facet and event names share one namespace and must be unique")
            d.notes = [.init(span: spans.span(first), message: "first declared here")]
            diagnostics.append(d)
            return false
        }
        seen[name] = node
        return true
    }

    func validateEntity(_ node: Node) -> Entity? {
        guard let e = entries(node, what: "entity", known: Self.entityKeys) else { return nil }
        let name = requiredString(e, "name", in: "entity", owner: node)
        let table = requiredString(e, "table", in: "entity", owner: node)
        let key = requiredString(e, "key", in: "entity", owner: node)
        guard let name, let table, let key else { return nil }
        return Entity(name: name, table: table, key: key)
    }

    func validateFiscal(_ node: Node) -> FiscalCalendar? {
        guard let e = entries(node, what: "fiscal_year", known: Self.fiscalKeys) else { return nil }
        var cal = FiscalCalendar()
        if let m = e["start_month"] {
            if let text = m.value.scalar?.string, let month = Int(text), (1...12).contains(month) {
                cal.startMonth = month
            } else {
                error(CatalogCode.badStartMonth, "fiscal_year start_month must be a month number 1 to 12", m.value,
                      help: "e.g. `start_month: 2` for a year starting in February")
            }
        }
        if let n = e["named_by"] {
            if let text = n.value.scalar?.string, let by = FiscalCalendar.NamedBy(rawValue: text) {
                cal.namedBy = by
            } else {
                let text = n.value.scalar?.string ?? ""
                error(CatalogCode.badNamedBy, "fiscal_year named_by must be start or end", n.value,
                      help: NameHint.closest(to: text, in: ["start", "end"]).map { "did you mean \"\($0)\"?" })
            }
        }
        return cal
    }

    /// A facet (`owner` nil) or a field of event `owner`.
    func validateAttribute(_ node: Node, kind: String, owner: String?) -> Attribute? {
        let placeholder = owner.map { "a field of event \"\($0)\"" } ?? "a \(kind)"
        // Name the facet in messages about its other keys, even before its name is validated.
        let peeked = node.mapping?["name"]?.scalar?.string
        let label = peeked.map { owner == nil ? "facet \"\($0)\"" : "field \"\(owner ?? "").\($0)\"" } ?? placeholder
        guard let e = entries(node, what: label, known: Self.attributeKeys) else { return nil }
        let name = requiredString(e, "name", in: placeholder, owner: node)
        let what = name != nil ? label : placeholder
        var ok = name != nil
        if let name, let n = e["name"] { ok = checkName(name, n.value, kind: kind) && ok }

        var type: ValueType?
        if let t = e["type"] {
            if let text = string(t.value, key: "type", in: what) {
                if let vt = ValueType(rawValue: text) {
                    type = vt
                } else {
                    let all = ValueType.allCases.map(\.rawValue)
                    error(CatalogCode.unknownType, "unknown type \"\(text)\" for \(what)", t.value,
                          help: NameHint.closest(to: text, in: all).map { "did you mean \"\($0)\"?" }
                            ?? "types are \(all.joined(separator: ", "))")
                }
            }
        } else {
            error(CatalogCode.missingKey, "\(what) is missing required key \"type\"", node,
                  help: "types are \(ValueType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let column = e["column"].flatMap { nonEmptyString($0.value, key: "column", in: what) }
        var values: [String]?
        if let list = stringList(e, "values", in: what) {
            if let type, type != .string {
                error(CatalogCode.valuesOnNonString, "\"values\" is allowed only on string facets and fields; \(what) is \(type.rawValue)",
                      e["values"]?.key ?? node)
            }
            if list.isEmpty, let v = e["values"] {
                error(CatalogCode.emptyValues, "\"values\" of \(what) is empty", v.value,
                      help: "an empty list would reject every literal; remove it to allow any value")
            }
            var seen: [String: Node] = [:]
            for (v, n) in list {
                if let first = seen[v] {
                    var d = Diagnostic.error(CatalogCode.duplicateValue, "value \"\(v)\" appears twice in \"values\" of \(what)", at: spans.span(n))
                    d.notes = [.init(span: spans.span(first), message: "first listed here")]
                    diagnostics.append(d)
                } else {
                    seen[v] = n
                }
            }
            values = list.map(\.0)
        }
        let ordered = bool(e, "ordered", in: what) ?? false
        if ordered, values == nil || (type != nil && type != .string), let o = e["ordered"] {
            error(CatalogCode.orderedWithoutValues, "\(what) is ordered but has no \"values\" to order by", o.key,
                  help: "list the values in ascending order, e.g. `values: [bronze, silver, gold]`")
        }
        let kindValue = optionalString(e, "kind", in: what)
        if let k = kindValue, let kNode = e["kind"] {
            if k != "model_score" {
                error(CatalogCode.badKind, "unknown kind \"\(k)\" for \(what)", kNode.value,
                      help: NameHint.closest(to: k, in: ["model_score"]).map { "did you mean \"\($0)\"?" } ?? "the only kind is model_score")
            } else if let type, !type.isNumeric {
                error(CatalogCode.badKind, "kind model_score needs a numeric type; \(what) is \(type.rawValue)", kNode.value)
            }
        }
        let synonyms = stringList(e, "synonyms", in: what)?.map(\.0) ?? []
        let description = optionalString(e, "description", in: what)
        let unit = optionalString(e, "unit", in: what)
        let nullable = bool(e, "nullable", in: what) ?? true
        guard ok, let name, let type else { return nil }
        return Attribute(name: name, type: type, column: column, values: values, ordered: ordered,
                         synonyms: synonyms, description: description, unit: unit, kind: kindValue,
                         nullable: nullable, line: spans.line(node))
    }

    func validateEvent(_ node: Node, entityKey: String?) -> Event? {
        let peeked = (node.mapping?["name"]?.scalar?.string).map { "event \"\($0)\"" }
        guard let e = entries(node, what: peeked ?? "an event", known: Self.eventKeys) else { return nil }
        let name = requiredString(e, "name", in: "an event", owner: node)
        let what = name.map { "event \"\($0)\"" } ?? "an event"
        var ok = name != nil
        if let name, let n = e["name"] { ok = checkName(name, n.value, kind: "event") && ok }
        let table = requiredString(e, "table", in: what, owner: node)
        // The key column defaults to the entity's key: most event tables name it the same way.
        let key = e["key"].flatMap { nonEmptyString($0.value, key: "key", in: what) } ?? entityKey
        let time = requiredString(e, "time", in: what, owner: node)
        var timeType = ValueType.timestamp
        if let t = e["time_type"] {
            let text = t.value.scalar?.string ?? ""
            if let vt = ValueType(rawValue: text), vt.isTemporal {
                timeType = vt
            } else {
                error(CatalogCode.badTimeType, "time_type of \(what) must be date or timestamp", t.value,
                      help: NameHint.closest(to: text, in: ["date", "timestamp"]).map { "did you mean \"\($0)\"?" })
                ok = false
            }
        }
        var fields: [Field] = []
        if let f = e["fields"] {
            if let seq = f.value.sequence {
                var seen: [String: Node] = [:]
                for item in seq {
                    guard let field = validateAttribute(item, kind: "field", owner: name ?? "?") else { continue }
                    if let nameNode = item.mapping?["name"] {
                        if let first = seen[field.name] {
                            var d = Diagnostic.error(CatalogCode.duplicateName, "field \"\(field.name)\" is declared twice in \(what)", at: spans.span(nameNode))
                            d.notes = [.init(span: spans.span(first), message: "first declared here")]
                            diagnostics.append(d)
                            continue
                        }
                        seen[field.name] = nameNode
                    }
                    fields.append(field)
                }
            } else {
                error(CatalogCode.wrongShape, "\"fields\" of \(what) must be a list", f.value)
            }
        }
        let synonyms = stringList(e, "synonyms", in: what)?.map(\.0) ?? []
        let description = optionalString(e, "description", in: what)
        guard ok, let name, let table, let key, let time else { return nil }
        return Event(name: name, table: table, key: key, time: time, timeType: timeType, fields: fields,
                     synonyms: synonyms, description: description, line: spans.line(node))
    }
}
