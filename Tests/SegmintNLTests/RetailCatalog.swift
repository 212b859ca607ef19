import Foundation
import SegmintCore
import SegmintCatalog
import Yams

/// The shipped retail catalog for tests. Uses `CatalogLoader` once it loads the file; until the
/// loader landed, a minimal reading of the same YAML (tests only, no validation).
enum RetailCatalog {
    static let path: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("catalogs/retail.yaml").path
    }()

    static let shared: Catalog = {
        let loaded = CatalogLoader.load(path: path, sources: SourceMap())
        if let c = loaded.catalog { return c }
        return minimalRead(path)
    }()

    static func minimalRead(_ path: String) -> Catalog {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let root = ((try? Yams.load(yaml: text)) as? [String: Any]) ?? [:]
        func attr(_ d: [String: Any]) -> Attribute {
            Attribute(name: d["name"] as? String ?? "", type: ValueType(rawValue: d["type"] as? String ?? "") ?? .string,
                      column: d["column"] as? String, values: (d["values"] as? [Any])?.map { "\($0)" },
                      ordered: d["ordered"] as? Bool ?? false, synonyms: (d["synonyms"] as? [Any])?.map { "\($0)" } ?? [],
                      description: d["description"] as? String, unit: d["unit"] as? String, kind: d["kind"] as? String,
                      nullable: d["nullable"] as? Bool ?? true)
        }
        let facets = (root["facets"] as? [[String: Any]] ?? []).map(attr)
        let events = (root["events"] as? [[String: Any]] ?? []).map { e in
            Event(name: e["name"] as? String ?? "", table: e["table"] as? String ?? "", key: e["key"] as? String ?? "",
                  time: e["time"] as? String ?? "", timeType: ValueType(rawValue: e["time_type"] as? String ?? "") ?? .timestamp,
                  fields: (e["fields"] as? [[String: Any]] ?? []).map(attr),
                  synonyms: (e["synonyms"] as? [Any])?.map { "\($0)" } ?? [], description: e["description"] as? String)
        }
        let ent = root["entity"] as? [String: Any] ?? [:]
        let fy = root["fiscal_year"] as? [String: Any] ?? [:]
        return Catalog(name: root["name"] as? String ?? "", version: "\(root["version"] ?? "")",
                       entity: Entity(name: ent["name"] as? String ?? "", table: ent["table"] as? String ?? "", key: ent["key"] as? String ?? ""),
                       fiscalYear: FiscalCalendar(startMonth: fy["start_month"] as? Int ?? 1, namedBy: FiscalCalendar.NamedBy(rawValue: fy["named_by"] as? String ?? "end") ?? .end),
                       facets: facets, events: events, path: path)
    }
}
