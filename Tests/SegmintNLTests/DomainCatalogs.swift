import Foundation
import SegmintCore
import SegmintCatalog

/// Catalogs of other businesses, written for these tests: nothing in the translator was built
/// with their words. `devices` is not a person and has no synonyms at all; `streaming` has no
/// synonyms either; `saas` is the shipped B2B catalog.
enum DomainCatalogs {
    static func load(_ yaml: String, _ name: String) -> Catalog {
        let r = CatalogLoader.load(yaml: yaml, path: name + ".yaml", sources: SourceMap())
        guard let c = r.catalog else { fatalError("test catalog \(name) does not load: \(r.diagnostics.map(\.message))") }
        return c
    }

    static let devices = load("""
    name: devices
    version: 1
    entity: {name: device, table: fleet_devices, key: device_id}
    facets:
      - {name: firmware_channel, type: string, values: [stable, beta, nightly]}
      - {name: country, type: string, values: [US, DE, GB, IN, FR, CA, JP]}
      - {name: battery_level, type: decimal, description: Battery charge from 0 to 100}
      - {name: installed_on, type: date}
      - {name: is_online, type: bool}
      - {name: last_heartbeat_at, type: timestamp}
      - {name: failure_risk, type: decimal, kind: model_score, description: Probability of a hardware failure in 30 days}
      - {name: site_region, type: string, values: [north, south, east, west]}
      - {name: serial_number, type: string}
    events:
      - name: reboot
        table: reboots
        key: device_id
        time: rebooted_at
        fields:
          - {name: reason, type: string, values: [crash, update, manual]}
      - name: alert
        table: alerts
        key: device_id
        time: raised_at
        fields:
          - {name: severity, type: string, values: [low, medium, high, critical], ordered: true}
          - {name: code, type: string}
    """, "devices")

    static let streaming = load("""
    name: streaming
    version: 1
    entity: {name: subscriber, table: subscribers, key: subscriber_id}
    fiscal_year: {start_month: 4, named_by: start}
    facets:
      - {name: plan, type: string, values: [basic, standard, premium], ordered: true}
      - {name: country, type: string, values: [US, GB, CA, DE, IN, FR, BR]}
      - {name: age, type: int, unit: years}
      - {name: signup_date, type: date}
      - {name: last_login_at, type: timestamp}
      - {name: email_opt_out, type: bool}
      - {name: has_kids_profile, type: bool}
      - {name: acquisition_channel, type: string, values: [organic, paid_social, referral, partner]}
      - {name: churn_probability, type: decimal, kind: model_score}
      - {name: lifetime_revenue, type: decimal, unit: USD}
      - {name: gender, type: string, values: [female, male, other]}
    events:
      - name: view
        table: views
        key: subscriber_id
        time: viewed_at
        fields:
          - {name: genre, type: string, values: [drama, comedy, documentary, kids]}
          - {name: minutes, type: int}
          - {name: device, type: string, values: [tv, mobile, web]}
      - name: payment
        table: payments
        key: subscriber_id
        time: paid_at
        fields:
          - {name: method, type: string, values: [card, paypal, gift_card]}
          - {name: amount, type: decimal, unit: USD}
    """, "streaming")

    static let saas: Catalog = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let path = url.appendingPathComponent("catalogs/saas.yaml").path
        guard let c = CatalogLoader.load(path: path, sources: SourceMap()).catalog else { fatalError("catalogs/saas.yaml does not load") }
        return c
    }()
}
