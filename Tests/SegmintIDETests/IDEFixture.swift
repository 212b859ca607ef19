import Foundation
import XCTest
import SegmintCore
import SegmintIDE

/// A workspace on disk for one test: a catalog, a `segmint.yaml` naming it, `.seg` files, and
/// an `AnalysisHost` over it. Documents are opened from text with a cursor marker `$0`.
final class IDEFixture {
    let dir: String
    let host = AnalysisHost()

    /// A small catalog of its own (not the shipped ones): accounts with plans, logins and invoices.
    static let catalog = """
    name: testcat
    version: 1
    entity: {name: account, table: accounts, key: account_id}
    fiscal_year: {start_month: 2, named_by: end}
    facets:
      - name: plan
        type: string
        values: [free, pro, enterprise]
        ordered: true
        description: Subscription plan
      - {name: region, type: string, values: [north, south, east, west], synonyms: [area]}
      - {name: seats, type: int, unit: seats, description: Paid seats}
      - {name: mrr, type: decimal, unit: USD, column: monthly_revenue}
      - {name: signup_date, type: date}
      - {name: churned, type: bool}
    events:
      - name: login
        table: logins
        key: account_id
        time: logged_in_at
        description: A user signed in
        fields:
          - {name: device, type: string, values: [web, ios, android]}
          - {name: duration, type: int, unit: seconds}
      - name: invoice
        table: invoices
        key: account_id
        time: issued_at
        fields:
          - {name: amount, type: decimal}
    """

    init(catalog: String? = IDEFixture.catalog, files: [String: String] = [:], project: Bool = true) throws {
        dir = NSTemporaryDirectory() + "segmint-ide-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        if let catalog { try write("catalog.yaml", catalog) }
        if project { try write("segmint.yaml", "catalog: catalog.yaml\n") }
        for (name, text) in files { try write(name, text) }
        host.today = { CivilDate(year: 2026, month: 3, day: 1) }
        host.setRoots([dir])
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    func write(_ name: String, _ text: String) throws {
        try AtomicFile.write(Array(text.utf8), to: dir + "/" + name)
    }

    func uri(_ name: String) -> String { DocumentURI.uri(ofPath: dir + "/" + name) }

    /// Opens `name` with `text`; returns the byte offset of `$0` (removed from the text), or 0.
    @discardableResult
    func open(_ name: String, _ text: String) -> Int {
        let parts = text.components(separatedBy: "$0")
        let clean = parts.joined()
        host.update(uri: uri(name), text: clean, version: 1)
        return parts.count > 1 ? parts[0].utf8.count : 0
    }

    /// The text of an open document after applying edits (given in byte offsets, any order).
    func applying(_ edits: [TextEdit], to name: String) -> String {
        var bytes = host.document(uri(name))?.bytes ?? []
        for e in edits.sorted(by: { $0.start > $1.start }) {
            bytes.replaceSubrange(e.start..<e.end, with: Array(e.newText.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func labels(_ name: String, _ text: String) -> [String] {
        let at = open(name, text)
        return host.completions(uri(name), at: at).map(\.label)
    }
}
