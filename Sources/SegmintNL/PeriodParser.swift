import SegmintCore
import SegmintCatalog
import SegmintSyntax

/// Time periods written in English, read into windows the grammar accepts
/// (`grammar/segment.ebnf`: `during last N unit`, `during X to Y`, `during fiscal_year N`,
/// `during fiscal_quarter N Qk`, `since X`, `before X`). Words come from the English layer.
///
/// Rolling periods ("in the last 90 days", "past year", "over the past 2 quarters") stay
/// relative to the as-of date. Calendar periods that need today's date ("this month", "this
/// fiscal quarter", "year to date", "yesterday") are computed from `today`. A bare "last year"
/// (no "in the", no number) can mean the previous calendar or fiscal year or the last 12
/// months: it is `.ambiguous`, and the translator asks.
struct PeriodParser {
    enum Result: Equatable { case window(WindowKind), ambiguous, vague }
    let words: [Word]
    let today: CivilDate
    let fiscal: FiscalCalendar
    var periods: EnglishLayer.Periods { EnglishWords.periods }

    func low(_ k: Int) -> String { k >= 0 && k < words.count ? words[k].text.lowercased() : "" }

    /// The period at word `i`: what it means and the index after it.
    func match(at i: Int) -> (Result, Int)? {
        var k = i
        let led = periods.lead.contains(low(k))
        if led { k += 1 }
        if low(k) == "the" { k += 1 }
        if let r = rolling(at: k, led: led || k > i) { return r }
        if let r = current(at: k) { return r }
        if let r = fiscalPeriod(at: k) { return r }
        if led, let r = calendar(at: k) { return r }
        if let r = boundary(at: i) { return r }
        if let r = between(at: i) { return r }
        if periods.today.contains(low(i)) { return (.window(.last(1, .day)), i + 1) }
        if periods.yesterday.contains(low(i)), let y = today.adding(days: -1) { return (.window(.range(y, y)), i + 1) }
        let ytd = EnglishWords.yearToDate.match(words, at: k)
        if let m = ytd, let s = CivilDate(year: today.year, month: 1, day: 1) { return (.window(.since(s)), k + m.length) }
        if let m = EnglishWords.vaguePeriods.match(words, at: i) { return (.vague, i + m.length) }
        return nil
    }

    /// "last 90 days", "past 6 months", "last 2 quarters", "past year"; bare "last year" is ambiguous.
    func rolling(at k: Int, led: Bool) -> (Result, Int)? {
        guard periods.rolling.contains(low(k)) else { return nil }
        if periods.fiscal.contains(low(k + 1)) { return fiscalRelative(at: k + 1, offset: -1) }
        var n = 1, j = k + 1, explicit = false
        if let m = NumberWords.match(words, at: j), let v = Int(m.text) { n = v; j += m.length; explicit = true }
        guard n >= 1 else { return nil }
        if TimeUnitWords.isQuarter(low(j)) { return (.window(.last(3 * n, .month)), j + 1) }
        guard let u = TimeUnitWords.unit(low(j)).flatMap(TimeUnit.init(rawValue:)) else { return nil }
        if !explicit, !led, low(k) == "last" { return (.ambiguous, j + 1) }
        return (.window(.last(n, u)), j + 1)
    }

    /// "this month", "this year", "current quarter", "this fiscal year": from its first day.
    func current(at k: Int) -> (Result, Int)? {
        guard periods.current.contains(low(k)) else { return nil }
        if periods.fiscal.contains(low(k + 1)) { return fiscalRelative(at: k + 1, offset: 0) }
        let start: CivilDate?
        switch (TimeUnitWords.isQuarter(low(k + 1)), TimeUnitWords.unit(low(k + 1))) {
        case (true, _): start = CivilDate(year: today.year, month: (today.month - 1) / 3 * 3 + 1, day: 1)
        case (_, "year"): start = CivilDate(year: today.year, month: 1, day: 1)
        case (_, "month"): start = CivilDate(year: today.year, month: today.month, day: 1)
        case (_, "week"): start = today.adding(days: -((today.daysSinceEpoch + 3) % 7 + 7) % 7)   // Monday
        default: return nil
        }
        guard let s = start else { return nil }
        return (.window(.since(s)), k + 2)
    }

    /// "fiscal year" / "fiscal quarter" after "this" (offset 0) or "last" (offset −1).
    func fiscalRelative(at k: Int, offset: Int) -> (Result, Int)? {
        var j = k + 1
        if low(j) == "year" || TimeUnitWords.isQuarter(low(j)) {} else { return nil }
        guard let (fy, q) = fiscalPosition(of: today) else { return nil }
        if low(j) == "year" { j += 1; return (.window(.fiscalYear(fy + offset)), j) }
        j += 1
        var (y, qq) = (fy, q + offset)
        if qq < 1 { y -= 1; qq += 4 }
        return (.window(.fiscalQuarter(y, qq)), j)
    }

    /// "fiscal year 2025", "fiscal 2025", "FY2025", "FY 2025", "Q4 of fiscal 2026", "fiscal Q1 2026".
    func fiscalPeriod(at k: Int) -> (Result, Int)? {
        if let q = quarter(low(k)) {
            var j = k + 1
            if low(j) == "of" || low(j) == "in" { j += 1 }
            if let (y, e) = fiscalYear(at: j) { return (.window(.fiscalQuarter(y, q)), e) }
            return nil
        }
        guard let (y, e) = fiscalYear(at: k) else { return nil }
        if let q = quarter(low(e)) { return (.window(.fiscalQuarter(y, q)), e + 1) }
        return (.window(.fiscalYear(y)), e)
    }

    /// "fiscal year 2025", "fiscal 2025", "FY2025", "FY 2025", "fy25": the year and the index after.
    func fiscalYear(at k: Int) -> (Int, Int)? {
        let w = low(k)
        if w.hasPrefix("fy"), let y = year(String(w.dropFirst(2))) { return (y, k + 1) }
        guard periods.fiscal.contains(w) else { return nil }
        var j = k + 1
        if low(j) == "year" { j += 1 }
        if let y = year(low(j)) { return (y, j + 1) }
        return nil
    }

    func quarter(_ w: String) -> Int? {
        guard w.count == 2, w.first == "q", let n = Int(w.dropFirst()), (1...4).contains(n) else { return nil }
        return n
    }

    func year(_ w: String) -> Int? {
        guard let y = Int(w), w.allSatisfy(\.isNumber) else { return nil }
        if w.count == 4, (1900...2999).contains(y) { return y }
        if w.count == 2 { return 2000 + y }
        return nil
    }

    /// After "in"/"during": "January 2026", "calendar year 2025", "2025".
    func calendar(at k: Int) -> (Result, Int)? {
        var j = k
        if low(j) == "calendar" { j += 1; if low(j) == "year" { j += 1 } }
        if let m = EnglishWords.months[low(j)], let y = year(low(j + 1)), low(j + 1).count == 4,
           let s = CivilDate(year: y, month: m, day: 1), let e = CivilDate(year: y, month: m, day: CivilDate.daysIn(year: y, month: m)) {
            return (.window(.range(s, e)), j + 2)
        }
        if let y = year(low(j)), low(j).count == 4, let s = CivilDate(year: y, month: 1, day: 1), let e = CivilDate(year: y, month: 12, day: 31) {
            return (.window(.range(s, e)), j + 1)
        }
        return nil
    }

    /// "since 2025-01-01", "since March 2025", "before December 1, 2025", "since the start of fiscal 2027".
    func boundary(at i: Int) -> (Result, Int)? {
        let bound: (CivilDate) -> WindowKind
        var j = i + 1
        if periods.since.contains(low(i)) { bound = { .since($0) } } else if periods.before.contains(low(i)) { bound = { .before($0) } }
        else if low(i) == "prior", low(i + 1) == "to" { bound = { .before($0) }; j += 1 } else { return nil }
        if low(j) == "the", ["start", "beginning"].contains(low(j + 1)), low(j + 2) == "of" {
            if let (fy, e) = fiscalYear(at: j + 3), let b = fiscal.bounds(ofYear: fy) { return (.window(bound(b.start)), e) }
            if let y = year(low(j + 3)), let d = CivilDate(year: y, month: 1, day: 1) { return (.window(bound(d)), j + 4) }
            return nil
        }
        if let (d, e) = date(at: j, defaultYear: nil) { return (.window(bound(d)), e) }
        if let y = year(low(j)), low(j).count == 4, let d = CivilDate(year: y, month: 1, day: 1) { return (.window(bound(d)), j + 1) }
        return nil
    }

    /// "between February 1 and April 30, 2025", "from 2025-01-01 to 2025-03-31".
    func between(at i: Int) -> (Result, Int)? {
        guard EnglishLayer.shared.between.words.contains(low(i)) else { return nil }
        // The second date's year completes the first ("February 1 and April 30, 2025").
        guard let probe = date(at: i + 1, defaultYear: 1), EnglishLayer.shared.between.joiners.contains(low(probe.1)),
              let b = date(at: probe.1 + 1, defaultYear: nil),
              let a = date(at: i + 1, defaultYear: b.0.year), a.0 <= b.0 else { return nil }
        return (.window(.range(a.0, b.0)), b.1)
    }

    /// A date at `k`: ISO, "March 5, 2025", "5 March 2025", "March 2025" (the 1st). Without a
    /// year, `defaultYear` completes it (or there is no date).
    func date(at k: Int, defaultYear: Int?) -> (CivilDate, Int)? {
        if let d = CivilDate(iso: low(k)), low(k).count == 10 { return (d, k + 1) }
        if let m = EnglishWords.months[low(k)] {
            var j = k + 1, day = 1
            if let dd = Int(low(j)), (1...31).contains(dd), low(j).count <= 2 { day = dd; j += 1 }
            if let y = year(low(j)), low(j).count == 4, let d = CivilDate(year: y, month: m, day: day) { return (d, j + 1) }
            if let y = defaultYear, day != 1 || j > k + 1, let d = CivilDate(year: y, month: m, day: day) { return (d, j) }
            return nil
        }
        if let dd = Int(low(k)), (1...31).contains(dd), let m = EnglishWords.months[low(k + 1)] {
            if let y = year(low(k + 2)), low(k + 2).count == 4, let d = CivilDate(year: y, month: m, day: dd) { return (d, k + 3) }
            if let y = defaultYear, let d = CivilDate(year: y, month: m, day: dd) { return (d, k + 2) }
        }
        return nil
    }

    /// The fiscal year and quarter (1…4) that contain `d`.
    func fiscalPosition(of d: CivilDate) -> (Int, Int)? {
        for fy in (d.year - 1)...(d.year + 1) {
            guard let b = fiscal.bounds(ofYear: fy), b.start <= d, d < b.end else { continue }
            let months = (d.year - b.start.year) * 12 + (d.month - b.start.month)
            return (fy, months / 3 + 1)
        }
        return nil
    }
}
