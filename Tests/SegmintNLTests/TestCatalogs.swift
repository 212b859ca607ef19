import Foundation
import SegmintCore
import SegmintCatalog

/// Catalogs of other businesses for the NL tests: the repository's SaaS catalog, and a streaming
/// service whose entity is a "subscriber", with country codes that are also English words
/// (US, IN) and events without synonyms.
enum TestCatalogs {
    static let saas: Catalog = load(path: repoPath("catalogs/saas.yaml"))

    static let streaming: Catalog = {
        let yaml = """
        name: streaming
        version: 1
        entity: {name: subscriber, table: subscribers, key: subscriber_id}
        facets:
          - {name: plan, type: string, values: [basic, standard, premium], ordered: true}
          - {name: country, type: string, values: [US, IN, GB, DE, FR]}
          - {name: display_name, type: string}
          - {name: monthly_fee, type: decimal, unit: USD}
          - {name: kids_profile, type: bool}
          - {name: signup_date, type: date}
        events:
          - name: stream
            table: streams
            key: subscriber_id
            time: started_at
            fields:
              - {name: genre, type: string, values: [drama, comedy, documentary, kids]}
              - {name: minutes, type: int}
          - name: payment
            table: payments
            key: subscriber_id
            time: paid_at
            fields:
              - {name: amount, type: decimal}
        """
        let path = NSTemporaryDirectory() + "segmint-streaming-\(UUID().uuidString).yaml"
        FileManager.default.createFile(atPath: path, contents: Data(yaml.utf8))
        return load(path: path)
    }()

    static func repoPath(_ rel: String) -> String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent(rel).path
    }

    static func load(path: String) -> Catalog {
        let sources = SourceMap()
        let loaded = CatalogLoader.load(path: path, sources: sources)
        guard let c = loaded.catalog else {
            preconditionFailure("test catalog \(path) does not load: \(DiagnosticRenderer(sources: sources).human(loaded.diagnostics))")
        }
        return c
    }
}
