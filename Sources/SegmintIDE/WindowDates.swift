import SegmintCore
import SegmintSyntax
import SegmintCatalog

/// The dates a window covers for one as-of date (spec §3), for hover: first day included and
/// last day included. `since` has no end and `before` no start.
public struct WindowDates: Sendable, Equatable {
    public var first: CivilDate?
    public var last: CivilDate?

    /// nil when a bound leaves years 1–9999 (the checker reports that).
    public static func resolve(_ kind: WindowKind, asOf: CivilDate, fiscal: FiscalCalendar) -> WindowDates? {
        switch kind {
        case .last(let n, let unit):
            // end = the day after D; start = end − N days / weeks / calendar months (clamped).
            guard n >= 1, n <= 10_000_000, let end = asOf.adding(days: 1) else { return nil }
            let start: CivilDate?
            switch unit {
            case .day: start = end.adding(days: -n)
            case .week: start = end.adding(days: -7 * n)
            case .month: start = end.adding(months: -n)
            case .year: start = end.adding(months: -12 * n)
            }
            guard let start else { return nil }
            return WindowDates(first: start, last: asOf)
        case .range(let a, let b): return WindowDates(first: a, last: b)
        case .since(let x): return WindowDates(first: x, last: nil)
        case .before(let x): return x.adding(days: -1).map { WindowDates(first: nil, last: $0) }
        case .fiscalYear(let y):
            guard let b = fiscal.bounds(ofYear: y), let last = b.end.adding(days: -1) else { return nil }
            return WindowDates(first: b.start, last: last)
        case .fiscalQuarter(let y, let q):
            guard let b = fiscal.bounds(ofQuarter: q, year: y), let last = b.end.adding(days: -1) else { return nil }
            return WindowDates(first: b.start, last: last)
        }
    }

    /// `2025-12-02 to 2026-03-01 (both days included)`, `on or after 2026-01-01`, `up to 2025-12-31`.
    public var text: String {
        switch (first, last) {
        case (let a?, let b?): return "\(a) to \(b) (both days included)"
        case (let a?, nil): return "on or after \(a) (no end)"
        case (nil, let b?): return "up to \(b) (no start)"
        case (nil, nil): return "every date"
        }
    }

    /// Whether the window moves with the as-of date.
    static func isRelative(_ kind: WindowKind) -> Bool {
        if case .last = kind { return true }
        return false
    }
}
