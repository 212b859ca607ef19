import SegmintCore
import SegmintCatalog

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Generates the rows. One random stream per (customer, table) keeps customers independent.
struct DemoGenerator {
    /// What every table needs to know about a customer before its rows are made.
    struct Skeleton {
        var signupDay: Int
        /// Last day the customer was active (lapsed customers stop ordering before the as-of date).
        var activeUntil: Int
        var lapsed: Bool
        var orders: Int
        var preferredChannel: String
    }

    /// Per-customer results of the purchase table, for `order_count` / `lifetime_spend`.
    struct OrderTotals { var count = 0; var cents = 0; var amounts = 0 }

    let catalog: Catalog
    let options: DemoOptions
    let asOfDay: Int
    var skeletons: [Skeleton] = []
    var totals: [OrderTotals]
    var time = DemoTime()
    /// The event whose rows drive `order_count` and `lifetime_spend` (`purchase`, else the first).
    let purchaseEvent: String?

    static let maxTenureDays = 6 * 365
    static let channels = Weighted([("online", 45.0), ("store", 30), ("app", 20), ("phone", 5)])

    init(catalog: Catalog, options: DemoOptions) {
        self.catalog = catalog
        self.options = options
        asOfDay = options.asOf.daysSinceEpoch
        totals = Array(repeating: OrderTotals(), count: options.customers)
        purchaseEvent = catalog.event(named: "purchase")?.name ?? catalog.events.first?.name
        skeletons.reserveCapacity(options.customers)
        for i in 0..<options.customers { skeletons.append(makeSkeleton(i)) }
    }

    private func makeSkeleton(_ i: Int) -> Skeleton {
        var r = DemoRandom(seed: options.seed, index: i, stream: 0)
        // More recent signups than old ones (the business grows).
        let tenure = Int(Double(DemoGenerator.maxTenureDays) * (1 - r.unit().squareRoot()))
        let signup = asOfDay - tenure
        let lapsed = r.chance(0.4)
        let activeUntil = lapsed ? signup + Int(r.unit() * Double(asOfDay - signup)) : asOfDay
        // 14% never order; the rest follow a power law (a few customers order very often).
        var orders = 0
        if !r.chance(0.14) {
            let span = Double(activeUntil - signup + 30) / Double(DemoGenerator.maxTenureDays)
            orders = max(1, min(400, Int(r.pareto(xm: 5.2, alpha: 1.35) * (0.35 + 1.3 * span))))
        }
        let channel = DemoGenerator.channels.draw(&r) ?? "online"
        return Skeleton(signupDay: signup, activeUntil: activeUntil, lapsed: lapsed, orders: orders, preferredChannel: channel)
    }

    // MARK: - Events

    /// Writes every row of one event table; returns the row count.
    mutating func writeEvents(_ e: Event, stream: UInt64, columns: [DemoSchema.Column], into ins: BulkInserter) throws -> Int {
        let plans = columns.dropFirst().map { c -> (DemoSchema.Column, Field?) in (c, e.fields.first { $0.column == c.name }) }
        let choosers = plans.map { _, f in f?.values.map { DemoVocabulary.chooser(name: f?.name ?? "", values: $0) } }
        let isPurchase = e.name == purchaseEvent
        var rows = 0
        var row: [SQLValue] = []
        row.reserveCapacity(columns.count)
        for i in 0..<options.customers {
            var r = DemoRandom(seed: options.seed, index: i, stream: stream &* 7919)
            let sk = skeletons[i]
            let n = eventCount(e, skeleton: sk, &r)
            for _ in 0..<n {
                let (day, seconds) = eventTime(e, skeleton: sk, &r)
                var facts = EventFacts()
                row.removeAll(keepingCapacity: true)
                row.append(.int(Int64(i + 1)))
                for (k, (col, field)) in plans.enumerated() {
                    if col.name == e.time {
                        row.append(.text(e.timeType == .date ? time.date(day) : time.timestamp(day, seconds)))
                        continue
                    }
                    var v = field.map { eventValue($0, event: e, skeleton: sk, chooser: choosers[k], facts: &facts, &r) } ?? .null
                    if v == .null && !col.nullable { v = genericValue(col.type, chooser: choosers[k], &r) }
                    row.append(v)
                }
                try ins.append(row)
                rows += 1
                if isPurchase {
                    totals[i].count += 1
                    if let c = facts.amountCents { totals[i].cents += c; totals[i].amounts += 1 }
                }
            }
        }
        return rows
    }

    private func eventCount(_ e: Event, skeleton sk: Skeleton, _ r: inout DemoRandom) -> Int {
        switch e.name {
        case purchaseEvent: return sk.orders
        case "email_click":
            guard !r.chance(0.35) else { return 0 }
            return min(60, 1 + Int(r.pareto(xm: 1, alpha: 1.6) * 2.5))
        case "support_ticket":
            guard !r.chance(0.72) else { return 0 }
            return min(8, 1 + Int(-log(1 - r.unit()) / 0.9))
        default:
            return r.chance(0.3) ? 0 : r.int(1, 5)
        }
    }

    /// A day within the customer's active life (email clicks: the last two years, any activity).
    private func eventTime(_ e: Event, skeleton sk: Skeleton, _ r: inout DemoRandom) -> (Int, Int) {
        var lo = sk.signupDay, hi = sk.activeUntil
        if e.name == "email_click" { lo = max(sk.signupDay, asOfDay - 730); hi = asOfDay }
        if e.name == "support_ticket" { hi = min(asOfDay, sk.activeUntil + 60) }
        let day = r.int(lo, max(lo, hi))
        // Daytime-heavy clock: most events between 08:00 and 22:00.
        let seconds = r.chance(0.85) ? r.int(8 * 3600, 22 * 3600 - 1) : r.int(0, 86399)
        return (day, seconds)
    }

    struct EventFacts { var amountCents: Int?; var channel: String? }

    private func eventValue(_ f: Field, event e: Event, skeleton sk: Skeleton, chooser: Weighted<String>?,
                            facts: inout EventFacts, _ r: inout DemoRandom) -> SQLValue {
        switch (f.name, f.type) {
        case ("amount", .decimal):
            guard !r.chance(0.02) else { return .null }
            let cents = max(99, min(2_000_000, Int(r.logNormal(mu: 3.9, sigma: 0.85) * 100)))
            facts.amountCents = cents
            return .real(Double(cents) / 100)
        case ("channel", .string):
            guard !r.chance(0.01) else { return .null }
            let values = f.values ?? []
            let c = r.chance(0.6) && (values.isEmpty || values.contains(sk.preferredChannel))
                ? sk.preferredChannel : (chooser?.draw(&r) ?? sk.preferredChannel)
            facts.channel = c
            return .text(c)
        case ("item_count", .int):
            return r.chance(0.02) ? .null : .int(Int64(min(30, 1 + Int(-log(1 - r.unit()) / 0.5))))
        case ("discount_code", .string) where f.values == nil:
            return r.chance(0.72) ? .null : .text(DemoVocabulary.discountCodes.draw(&r) ?? "SAVE10")
        case ("is_gift", .bool):
            return r.chance(0.05) ? .null : .int(r.chance(0.08) ? 1 : 0)
        case ("store_id", .int):
            return facts.channel == "store" ? .int(Int64(r.int(1, 250))) : .null
        case ("campaign", .string) where f.values == nil:
            return r.chance(0.03) ? .null : .text(DemoVocabulary.campaigns.draw(&r) ?? "weekly_digest")
        case ("satisfaction", .int):
            return r.chance(0.3) ? .null : .int(Int64([1, 2, 3, 4, 4, 5, 5, 5][r.int(0, 7)]))
        default:
            return r.chance(nullShare(f.name)) ? .null : genericValue(f.type, chooser: chooser, &r)
        }
    }

    // MARK: - Customers

    mutating func writeCustomers(columns: [DemoSchema.Column], into ins: BulkInserter) throws {
        let facets = columns.dropFirst().map { c in catalog.facets.first { $0.column == c.name } }
        let choosers = facets.map { f in f?.values.map { DemoVocabulary.chooser(name: f?.name ?? "", values: $0) } }
        var row: [SQLValue] = []
        row.reserveCapacity(columns.count)
        for i in 0..<options.customers {
            var r = DemoRandom(seed: options.seed, index: i, stream: 0xC057)
            var c = CustomerFacts(skeleton: skeletons[i], totals: totals[i], asOfDay: asOfDay, rng: &r)
            row.removeAll(keepingCapacity: true)
            row.append(.int(Int64(i + 1)))
            for (k, col) in columns.dropFirst().enumerated() {
                var v: SQLValue = .null
                if let f = facets[k] {
                    v = c.value(for: f, chooser: choosers[k], time: &time, &r) ?? (r.chance(nullShare(f.name)) ? .null : genericValue(f.type, chooser: choosers[k], &r))
                }
                if v == .null && !col.nullable { v = genericValue(col.type, chooser: choosers[k], &r) }
                row.append(v)
            }
            try ins.append(row)
        }
    }

    // MARK: - Generic values

    /// NULL share for columns without a specific rule: most facets are sometimes unknown.
    func nullShare(_ name: String) -> Double {
        switch name {
        case "gender": return 0.06
        case "income_band": return 0.12
        case "preferred_channel": return 0.08
        case "acquisition_source": return 0.07
        case "category", "topic", "link_type": return 0.01
        case "severity": return 0.05
        default: return 0.08
        }
    }

    /// A plausible value by type (enumerated: a weighted pick from the catalog's values).
    func genericValue(_ type: ValueType, chooser: Weighted<String>?, _ r: inout DemoRandom) -> SQLValue {
        if let chooser, let v = chooser.draw(&r) { return .text(v) }
        switch type {
        case .string: return .text("value_\(r.int(1, 50))")
        case .int: return .int(Int64(r.int(0, 100)))
        case .decimal: return .real(Double(r.int(0, 100_000)) / 100)
        case .bool: return .int(r.chance(0.5) ? 1 : 0)
        case .date:
            var t = DemoTime()
            return .text(t.date(asOfDay - r.int(0, DemoGenerator.maxTenureDays)))
        case .timestamp:
            var t = DemoTime()
            return .text(t.timestamp(asOfDay - r.int(0, DemoGenerator.maxTenureDays), r.int(0, 86399)))
        }
    }
}
