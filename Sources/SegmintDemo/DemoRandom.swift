#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SplitMix64: small, fast and the same on every platform, so a seed always gives the same data.
struct DemoRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// An independent stream for (seed, entity index, purpose), so one customer's data does not
    /// depend on how many customers come before it or on which tables are generated.
    init(seed: UInt64, index: Int, stream: UInt64) {
        var mix = DemoRandom(seed: seed ^ 0x5EC0_3D1A_7B2F_9C41)
        let a = mix.next()
        var m2 = DemoRandom(seed: a ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15))
        let b = m2.next()
        self.init(seed: b ^ (stream &* 0xD1B5_4A32_D192_ED03))
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in lo...hi (lo <= hi).
    mutating func int(_ lo: Int, _ hi: Int) -> Int {
        guard hi > lo else { return lo }
        return lo + Int(next() % UInt64(hi - lo + 1))
    }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Standard normal (Box–Muller).
    mutating func normal() -> Double {
        let u1 = 1 - unit(), u2 = unit()
        return sqrt(-2 * log(u1)) * cos(2 * Double.pi * u2)
    }

    /// exp(N(mu, sigma²)): spend-like amounts with a long right tail.
    mutating func logNormal(mu: Double, sigma: Double) -> Double { exp(mu + sigma * normal()) }

    /// Pareto with minimum `xm` and tail index `alpha` (smaller alpha, heavier tail).
    mutating func pareto(xm: Double, alpha: Double) -> Double { xm * pow(1 - unit(), -1 / alpha) }

    /// An index drawn with the given cumulative weights (ascending, last = total).
    mutating func pick(_ cumulative: [Double]) -> Int {
        guard let total = cumulative.last, total > 0 else { return 0 }
        let x = unit() * total
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > x { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    mutating func element<T>(_ items: [T]) -> T? {
        items.isEmpty ? nil : items[int(0, items.count - 1)]
    }
}

/// A list of choices with weights, drawn by binary search over cumulative weights.
struct Weighted<T> {
    let items: [T]
    let cumulative: [Double]

    init(_ pairs: [(T, Double)]) {
        items = pairs.map(\.0)
        var acc = 0.0
        cumulative = pairs.map { acc += max(0, $0.1); return acc }
    }

    /// Zipf weights 1/rank^s in the given order.
    init(zipf items: [T], s: Double = 1.0) {
        self.init(items.enumerated().map { ($0.element, 1 / pow(Double($0.offset + 1), s)) })
    }

    func draw(_ rng: inout DemoRandom) -> T? {
        items.isEmpty ? nil : items[min(items.count - 1, rng.pick(cumulative))]
    }
}
