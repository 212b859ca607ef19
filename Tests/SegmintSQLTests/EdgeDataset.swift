import SegmintCore
import SegmintCatalog

/// A small dataset for the Fixture catalog built to hit every edge §3 talks about: NULL in every
/// nullable column, events exactly on window boundaries (00:00:00 and 23:59:59 of boundary days),
/// month ends, customers without events, and hostile strings. Event times are placed around
/// the as-of date `d`, so the same generator serves a pinned date and today's date.
enum EdgeDataset {
    static let hostile: [String] = [
        "O'Brien", "O''Brien", "back\\slash", "trailing\\", "\\'", "50%", "5_0", "%", "_", "a%b_c\\d",
        "line\nbreak", "tab\there", "Zürich", "東京", "emoji 😀", "'; DROP TABLE customers; --",
        "\"quoted\"", "x'\u{301}y", "", "San Francisco", "SAN FRANCISCO", "san",
    ]

    /// Boundary days for window tests relative to `d` plus the fixed dates the cases use.
    static func boundaryDays(_ d: CivilDate) -> [CivilDate] {
        let end = d.daysSinceEpoch + 1
        var days: [Int] = [end, end - 30, end - 14, end - 7, end + 3, end - 400]
        for months in [1, 3, 12, 24] { days.append(monthsBack(d, months).daysSinceEpoch) }
        for s in ["2025-02-01", "2026-02-01", "2025-11-01", "2025-12-01", "2026-01-01", "2025-06-01", "2024-02-29", "2025-12-31"] {
            if let x = CivilDate(iso: s) { days.append(x.daysSinceEpoch) }
        }
        return days.compactMap { CivilDate(daysSinceEpoch: $0) }
    }

    /// (D + 1 day) minus `n` months, day clamped: written out by hand for the data only.
    static func monthsBack(_ d: CivilDate, _ n: Int) -> CivilDate {
        guard let e = CivilDate(daysSinceEpoch: d.daysSinceEpoch + 1) else { return d }
        var y = e.year, m = e.month - n
        while m < 1 { m += 12; y -= 1 }
        let dim = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return CivilDate(year: y, month: m, day: min(e.day, dim)) ?? e
    }

    static func make(asOf d: CivilDate, customers n: Int = 160) -> Dataset {
        var rng = LCG(seed: 0x5E6A17)
        let days = boundaryDays(d)
        // Instants: each boundary at 00:00:00, the second before it, and noon.
        var instants: [Cell] = []
        for b in days {
            instants.append(.ts(b, 0))
            instants.append(.ts(b, 43200))
            if let prev = CivilDate(daysSinceEpoch: b.daysSinceEpoch - 1) { instants.append(.ts(prev, 86399)) }
        }
        instants.append(.null)

        func pick<T>(_ xs: [T]) -> T { xs[rng.next(xs.count)] }
        let strings: [Cell] = hostile.map(Cell.text) + [.null, .null]
        let customersCols: [(String, ValueType)] = [
            ("customer_id", .int), ("state", .string), ("city", .string), ("last_name", .string), ("country", .string),
            ("age", .int), ("income_band", .string), ("created_at", .date), ("last_login_at", .timestamp),
            ("loyalty_tier", .string), ("lifetime_spend", .decimal), ("email_opt_out", .bool), ("is_employee", .bool),
        ]
        var customers: [[Cell]] = []
        var orders: [[Cell]] = []
        var tickets: [[Cell]] = []
        for i in 1...n {
            let key = Cell.int(Int64(i))
            customers.append([
                key,
                pick([.text("CA"), .text("OR"), .text("WA"), .text("AK"), .null]),
                // Make sure every hostile string shows up at least once.
                i <= hostile.count ? .text(hostile[i - 1]) : pick(strings),
                pick(strings),
                pick([.text("US"), .text("CA"), .text("MX")]),
                pick([.int(17), .int(18), .int(30), .int(60), .int(61), .null]),
                pick([.text("low"), .text("middle"), .text("high"), .text("upper_middle"), .null]),
                .date(pick(days)),
                pick(instants),
                pick([.text("bronze"), .text("silver"), .text("gold"), .text("platinum"), .null]),
                pick([.dec(0), .dec(99.5), .dec(100), .dec(499.99), .dec(500), .dec(1250.25), .null]),
                pick([.bool(true), .bool(false), .null]),
                pick([.bool(true), .bool(false)]),
            ])
            // Every fourth customer has no orders at all.
            let orderCount = i % 4 == 0 ? 0 : rng.next(6)
            for _ in 0..<orderCount {
                orders.append([
                    key, pick(instants),
                    pick([.text("Outdoor"), .text("Electronics"), .text("Grocery"), .null]),
                    pick([.dec(10), .dec(50), .dec(99.5), .dec(100), .dec(250.25), .null]),
                    pick([.text("online"), .text("store"), .null]),
                    pick(strings),
                    pick([.bool(true), .bool(false), .null]),
                    pick([.int(1), .int(2), .int(5), .null]),
                ])
            }
            let ticketCount = i % 3 == 0 ? 0 : rng.next(3)
            for _ in 0..<ticketCount {
                tickets.append([
                    key, rng.next(8) == 0 ? .null : .date(pick(days)),
                    pick([.text("delivery"), .text("refund"), .text("product"), .null]),
                    pick([.text("low"), .text("medium"), .text("high"), .text("urgent"), .null]),
                    pick([.int(1), .int(3), .int(5), .null]),
                ])
            }
        }
        return Dataset(
            entities: Table(name: "customers", columns: cols(customersCols), rows: customers),
            events: [
                Table(name: "orders", columns: cols([("customer_id", .int), ("ordered_at", .timestamp), ("category", .string), ("amount", .decimal),
                                                 ("channel", .string), ("discount_code", .string), ("is_gift", .bool), ("item_count", .int)]),
                      rows: orders),
                Table(name: "support_tickets", columns: cols([("customer_id", .int), ("opened_on", .date), ("topic", .string), ("severity", .string),
                                                          ("satisfaction", .int)]),
                      rows: tickets),
            ])
    }
}

private func cols(_ xs: [(String, ValueType)]) -> [(name: String, type: ValueType)] { xs.map { (name: $0.0, type: $0.1) } }

/// A tiny deterministic generator (64-bit LCG), so the dataset is the same on every run.
struct LCG {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(max(bound, 1)))
    }
}

extension Cell {
    /// Text form for parameter binding and JSON: dates `YYYY-MM-DD`, timestamps
    /// `YYYY-MM-DD HH:MM:SS`, booleans 1/0 (nil for NULL).
    var text: String? {
        switch self {
        case .null: return nil
        case .text(let s): return s
        case .int(let i): return String(i)
        case .dec(let x): return x == x.rounded() ? String(Int64(x)) : String(x)
        case .bool(let b): return b ? "1" : "0"
        case .date(let d): return d.description
        case .ts(let d, let s):
            func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
            return "\(d) \(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))"
        }
    }
}
