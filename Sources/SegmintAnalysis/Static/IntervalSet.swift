// Unions of intervals over exact numbers: the value domain of numeric, date and timestamp
// columns. Closed under intersection and complement, which is all the satisfiability
// search needs (a negated test is the complement of its set).

/// One end of an interval; `nil` in an `Interval` stands for infinity.
struct Bound: Hashable {
    var value: ExactNumber
    var closed: Bool
}

struct Interval: Hashable {
    var lo: Bound?
    var hi: Bound?

    var isEmpty: Bool {
        guard let l = lo, let h = hi else { return false }
        if h.value < l.value { return true }
        if l.value == h.value { return !(l.closed && h.closed) }
        return false
    }
}

/// A sorted union of disjoint, non-empty intervals. `discrete` columns (int, date) hold only
/// integers: open integral ends are tightened to closed ones so `x > 5 and x < 6` is empty.
struct IntervalSet: Hashable {
    private(set) var intervals: [Interval]
    let discrete: Bool

    init(_ intervals: [Interval], discrete: Bool) {
        self.discrete = discrete
        self.intervals = IntervalSet.normalize(intervals, discrete: discrete)
    }

    static func all(discrete: Bool) -> IntervalSet { IntervalSet([Interval(lo: nil, hi: nil)], discrete: discrete) }
    static func point(_ v: ExactNumber, discrete: Bool) -> IntervalSet {
        IntervalSet([Interval(lo: Bound(value: v, closed: true), hi: Bound(value: v, closed: true))], discrete: discrete)
    }

    var isEmpty: Bool { intervals.isEmpty }

    func contains(_ v: ExactNumber) -> Bool {
        intervals.contains { iv in
            let aboveLo = iv.lo.map { $0.closed ? !(v < $0.value) : $0.value < v } ?? true
            let belowHi = iv.hi.map { $0.closed ? !($0.value < v) : v < $0.value } ?? true
            return aboveLo && belowHi
        }
    }

    func intersection(_ other: IntervalSet) -> IntervalSet {
        var out: [Interval] = []
        for a in intervals {
            for b in other.intervals {
                let iv = Interval(lo: IntervalSet.maxLo(a.lo, b.lo), hi: IntervalSet.minHi(a.hi, b.hi))
                if !iv.isEmpty { out.append(iv) }
            }
        }
        return IntervalSet(out, discrete: discrete && other.discrete)
    }

    func complement() -> IntervalSet {
        var out: [Interval] = []
        var cursor: Bound? = nil      // lower bound of the next gap; nil = -infinity
        var started = false
        for iv in intervals {
            // Gap before `iv`: from the previous interval's end to this one's start.
            if let lo = iv.lo {
                let gap = Interval(lo: started ? cursor : nil, hi: Bound(value: lo.value, closed: !lo.closed))
                if !(started && cursor == nil) && !gap.isEmpty { out.append(gap) }
            }
            started = true
            guard let hi = iv.hi else { return IntervalSet(out, discrete: discrete) }
            cursor = Bound(value: hi.value, closed: !hi.closed)
        }
        if !started { return .all(discrete: discrete) }
        out.append(Interval(lo: cursor, hi: nil))
        return IntervalSet(out, discrete: discrete)
    }

    private static func maxLo(_ a: Bound?, _ b: Bound?) -> Bound? {
        guard let a = a else { return b }
        guard let b = b else { return a }
        if a.value == b.value { return Bound(value: a.value, closed: a.closed && b.closed) }
        return a.value < b.value ? b : a
    }

    private static func minHi(_ a: Bound?, _ b: Bound?) -> Bound? {
        guard let a = a else { return b }
        guard let b = b else { return a }
        if a.value == b.value { return Bound(value: a.value, closed: a.closed && b.closed) }
        return a.value < b.value ? a : b
    }

    /// Tightens integral open ends (discrete only), drops empties, sorts and merges overlaps.
    private static func normalize(_ input: [Interval], discrete: Bool) -> [Interval] {
        var ivs: [Interval] = []
        for var iv in input {
            if discrete {
                if let l = iv.lo, !l.closed, let i = l.value.int64, i < Int64.max { iv.lo = Bound(value: ExactNumber(Int(i + 1)), closed: true) }
                if let h = iv.hi, !h.closed, let i = h.value.int64, i > Int64.min { iv.hi = Bound(value: ExactNumber(Int(i - 1)), closed: true) }
            }
            if !iv.isEmpty { ivs.append(iv) }
        }
        ivs.sort { a, b in
            guard let al = a.lo else { return b.lo != nil }
            guard let bl = b.lo else { return false }
            if al.value == bl.value { return al.closed && !bl.closed }
            return al.value < bl.value
        }
        var merged: [Interval] = []
        for iv in ivs {
            guard var last = merged.last else { merged.append(iv); continue }
            if overlapsOrTouches(last, iv) {
                last.hi = maxHi(last.hi, iv.hi)
                merged[merged.count - 1] = last
            } else {
                merged.append(iv)
            }
        }
        return merged
    }

    /// `a` starts no later than `b`; do they overlap or meet without a gap?
    private static func overlapsOrTouches(_ a: Interval, _ b: Interval) -> Bool {
        guard let ah = a.hi else { return true }
        guard let bl = b.lo else { return true }
        if bl.value < ah.value { return true }
        if bl.value == ah.value { return ah.closed || bl.closed }
        return false
    }

    private static func maxHi(_ a: Bound?, _ b: Bound?) -> Bound? {
        guard let a = a, let b = b else { return nil }
        if a.value == b.value { return Bound(value: a.value, closed: a.closed || b.closed) }
        return a.value < b.value ? b : a
    }
}
