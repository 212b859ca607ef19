import SegmintCore
import SegmintCatalog
import SegmintStore

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
        // Column 0 is the key; the time column is marked by `isTime`.
        let plans = columns.dropFirst().map { c in ColumnPlan(c, attribute: c.name == e.time ? nil : e.fields.first { $0.column == c.name }) }
        let isTime = columns.dropFirst().map { $0.name == e.time }
        let isPurchase = e.name == purchaseEvent
        let kind = EventKind(e.name, purchase: purchaseEvent)
        var rows = 0
        var row: [SQLValue] = []
        row.reserveCapacity(columns.count)
        for i in 0..<options.customers {
            var r = DemoRandom(seed: options.seed, index: i, stream: stream &* 7919)
            let sk = skeletons[i]
            let n = eventCount(kind, skeleton: sk, &r)
            for _ in 0..<n {
                let (day, seconds) = eventTime(kind, skeleton: sk, &r)
                var facts = EventFacts()
                row.removeAll(keepingCapacity: true)
                row.append(.int(Int64(i + 1)))
                for k in 0..<plans.count {
                    if isTime[k] {
                        row.append(.text(e.timeType == .date ? time.date(day) : time.timestamp(day, seconds)))
                        continue
                    }
                    var v = eventValue(plans[k], skeleton: sk, facts: &facts, &r)
                    if v == .null && !plans[k].nullable { v = genericValue(plans[k].type, chooser: plans[k].chooser, &r) }
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

    /// Event types with their own volume and timing; others get a generic pattern.
    enum EventKind {
        case purchase, emailClick, supportTicket, other
        init(_ name: String, purchase: String?) {
            if name == purchase { self = .purchase }
            else if name == "email_click" { self = .emailClick }
            else if name == "support_ticket" { self = .supportTicket }
            else { self = .other }
        }
    }

    private func eventCount(_ kind: EventKind, skeleton sk: Skeleton, _ r: inout DemoRandom) -> Int {
        switch kind {
        case .purchase: return sk.orders
        case .emailClick:
            guard !r.chance(0.35) else { return 0 }
            return min(60, 1 + Int(r.pareto(xm: 1, alpha: 1.6) * 2.5))
        case .supportTicket:
            guard !r.chance(0.72) else { return 0 }
            return min(8, 1 + Int(-log(1 - r.unit()) / 0.9))
        case .other:
            return r.chance(0.3) ? 0 : r.int(1, 5)
        }
    }

    /// A day within the customer's active life (email clicks: the last two years, any activity).
    private func eventTime(_ kind: EventKind, skeleton sk: Skeleton, _ r: inout DemoRandom) -> (Int, Int) {
        var lo = sk.signupDay, hi = sk.activeUntil
        if kind == .emailClick { lo = max(sk.signupDay, asOfDay - 730); hi = asOfDay }
        if kind == .supportTicket { hi = min(asOfDay, sk.activeUntil + 60) }
        let day = r.int(lo, max(lo, hi))
        // Daytime-heavy clock: most events between 08:00 and 22:00.
        let seconds = r.chance(0.85) ? r.int(8 * 3600, 22 * 3600 - 1) : r.int(0, 86399)
        return (day, seconds)
    }

    struct EventFacts { var amountCents: Int?; var channel: String? }

    private func eventValue(_ plan: ColumnPlan, skeleton sk: Skeleton, facts: inout EventFacts, _ r: inout DemoRandom) -> SQLValue {
        guard plan.name != nil else { return .null }
        switch plan.known {
        case .amount?:
            guard !r.chance(0.02) else { return .null }
            let cents = max(99, min(2_000_000, Int(r.logNormal(mu: 3.9, sigma: 0.85) * 100)))
            facts.amountCents = cents
            return .real(Double(cents) / 100)
        case .channel?:
            guard !r.chance(0.01) else { return .null }
            let values = plan.values ?? []
            let c = r.chance(0.6) && (values.isEmpty || values.contains(sk.preferredChannel))
                ? sk.preferredChannel : (plan.chooser?.draw(&r) ?? sk.preferredChannel)
            facts.channel = c
            return .text(c)
        case .item_count?:
            return r.chance(0.02) ? .null : .int(Int64(min(30, 1 + Int(-log(1 - r.unit()) / 0.5))))
        case .discount_code? where plan.values == nil:
            return r.chance(0.72) ? .null : .text(DemoVocabulary.discountCodes.draw(&r) ?? "SAVE10")
        case .is_gift?:
            return r.chance(0.05) ? .null : .int(r.chance(0.08) ? 1 : 0)
        case .store_id?:
            return facts.channel == "store" ? .int(Int64(r.int(1, 250))) : .null
        case .campaign? where plan.values == nil:
            return r.chance(0.03) ? .null : .text(DemoVocabulary.campaigns.draw(&r) ?? "weekly_digest")
        case .satisfaction?:
            return r.chance(0.3) ? .null : .int(Int64([1, 2, 3, 4, 4, 5, 5, 5][r.int(0, 7)]))
        default:
            return r.chance(plan.nullShare) ? .null : genericValue(plan.type, chooser: plan.chooser, &r)
        }
    }

    // MARK: - Customers

    mutating func writeCustomers(columns: [DemoSchema.Column], into ins: BulkInserter) throws {
        let plans = columns.dropFirst().map { c in ColumnPlan(c, attribute: catalog.facets.first { $0.column == c.name }) }
        var row: [SQLValue] = []
        row.reserveCapacity(columns.count)
        for i in 0..<options.customers {
            var r = DemoRandom(seed: options.seed, index: i, stream: 0xC057)
            var c = CustomerFacts(skeleton: skeletons[i], totals: totals[i], asOfDay: asOfDay, rng: &r)
            row.removeAll(keepingCapacity: true)
            row.append(.int(Int64(i + 1)))
            for plan in plans {
                var v: SQLValue = .null
                if plan.name != nil {
                    v = plan.known.flatMap { c.value($0, plan: plan, time: &time, &r) }
                        ?? (r.chance(plan.nullShare) ? .null : genericValue(plan.type, chooser: plan.chooser, &r))
                }
                if v == .null && !plan.nullable { v = genericValue(plan.type, chooser: plan.chooser, &r) }
                row.append(v)
            }
            try ins.append(row)
        }
    }

    // MARK: - Generic values

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
