import SegmintCore
import SegmintCatalog
import SegmintStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Demo rows for any catalog, driven by the catalog alone: types, enumerated values (ordered
/// ones skewed towards the low end), units, `kind: model_score`, nullability, and the events
/// with their fields. No facet or event name means anything here.
///
/// Every entity gets a life: a start day (the first non-nullable date facet holds it), a last
/// active day (40% lapse before the reference date) and an activity level that scales its
/// event counts; timestamps such as "last seen" fall inside that life, near its end.
/// Determinism: one random stream per (entity, table), so entity k's rows do not depend on
/// how many entities are written.
struct GenericGenerator {
    struct Life {
        var startDay: Int
        var lastActiveDay: Int
        /// Mean events per table, before each event's own share.
        var activity: Double
    }

    let catalog: Catalog
    let options: DemoOptions
    let asOfDay: Int
    var lives: [Life] = []
    var time = DemoTime()

    static let maxTenureDays = 6 * 365

    init(catalog: Catalog, options: DemoOptions) {
        self.catalog = catalog
        self.options = options
        asOfDay = options.asOf.daysSinceEpoch
        lives.reserveCapacity(options.customers)
        for i in 0..<options.customers {
            var r = DemoRandom(seed: options.seed, index: i, stream: 0x6E4E)
            // More recent starts than old ones (the population grows).
            let start = asOfDay - Int(Double(GenericGenerator.maxTenureDays) * (1 - r.unit().squareRoot()))
            let lapsed = r.chance(0.4)
            let last = lapsed ? start + Int(r.unit() * Double(asOfDay - start)) : asOfDay
            let activity = r.chance(0.15) ? 0 : min(60, r.pareto(xm: 2, alpha: 1.4))
            lives.append(Life(startDay: start, lastActiveDay: last, activity: activity))
        }
    }

    /// A day inside the entity's life: half of the days near its last active day (so short
    /// windows before the reference date are populated), half anywhere in it.
    func activeDay(_ life: Life, _ r: inout DemoRandom) -> Int {
        let span = max(0, life.lastActiveDay - life.startDay)
        if r.chance(0.5) { return life.lastActiveDay - min(span, Int(-log(1 - r.unit()) * 20)) }
        return life.startDay + r.int(0, span)
    }

    // MARK: - Tables

    mutating func writeEvents(_ e: Event, stream: UInt64, columns: [DemoSchema.Column], into ins: BulkInserter) throws -> Int {
        let plans = columns.dropFirst().map { c in
            GenericColumn(c, attribute: c.name == e.time ? nil : e.fields.first { $0.column == c.name }, isTime: c.name == e.time)
        }
        // Each event type has its own volume (some rare, some frequent), seeded by its name so
        // catalogs with the same number of events still differ.
        var share = DemoRandom(seed: options.seed, index: 0, stream: GenericGenerator.fnv1a(e.name))
        let volume = 0.3 + 2.2 * share.unit()
        var rows = 0
        var row: [SQLValue] = []
        for i in 0..<options.customers {
            var r = DemoRandom(seed: options.seed, index: i, stream: stream &* 7919 &+ 0x6E4E)
            let life = lives[i]
            let mean = life.activity * volume
            let n = mean == 0 || r.chance(0.2) ? 0 : min(400, Int(-log(1 - r.unit()) * mean) + 1)
            for _ in 0..<n {
                let day = activeDay(life, &r)
                row.removeAll(keepingCapacity: true)
                row.append(.int(Int64(i + 1)))
                for p in plans {
                    if p.isTime {
                        let seconds = r.int(0, 86399)
                        row.append(.text(e.timeType == .date ? time.date(day) : time.timestamp(day, seconds)))
                    } else {
                        row.append(value(p, life: life, &r))
                    }
                }
                try ins.append(row)
                rows += 1
            }
        }
        return rows
    }

    mutating func writeEntities(columns: [DemoSchema.Column], into ins: BulkInserter) throws {
        // The first date facet that is never missing is the entity's start (a signup, an install).
        let startColumn = catalog.facets.first { $0.type == .date && !$0.nullable }?.column
        let plans = columns.dropFirst().map { c in
            GenericColumn(c, attribute: catalog.facets.first { $0.column == c.name }, isTime: false, isStart: c.name == startColumn)
        }
        var row: [SQLValue] = []
        for i in 0..<options.customers {
            var r = DemoRandom(seed: options.seed, index: i, stream: 0xC057 &+ 0x6E4E)
            row.removeAll(keepingCapacity: true)
            row.append(.int(Int64(i + 1)))
            for p in plans { row.append(value(p, life: lives[i], &r)) }
            try ins.append(row)
        }
    }

    /// FNV-1a of a name: a stable stream number (Swift's `hashValue` changes between runs).
    static func fnv1a(_ s: String) -> UInt64 {
        s.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    // MARK: - Values

    mutating func value(_ p: GenericColumn, life: Life, _ r: inout DemoRandom) -> SQLValue {
        if p.isStart { return .text(time.date(life.startDay)) }
        if p.nullable && r.chance(p.nullShare) { return .null }
        if let chooser = p.chooser, let v = chooser.draw(&r) { return .text(v) }
        switch p.type {
        case .bool:
            return .int(r.chance(0.35) ? 1 : 0)
        case .int:
            return .int(Int64(p.number.draw(&r).rounded()))
        case .decimal:
            return .real((p.number.draw(&r) * 100).rounded() / 100)
        case .string:
            // No values in the catalog: a small vocabulary of labelled placeholders, Zipf-skewed.
            return .text("\(p.label)_\(GenericColumn.placeholderRanks.draw(&r) ?? 1)")
        case .date:
            // Other dates spread over the entity's life and the year after the reference date.
            return .text(time.date(life.startDay + r.int(0, asOfDay + 365 - life.startDay)))
        case .timestamp:
            // "Last …" timestamps: inside the entity's life, mostly near its end.
            return .text(time.timestamp(activeDay(life, &r), r.int(0, 86399)))
        }
    }
}
