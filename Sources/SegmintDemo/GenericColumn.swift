import SegmintCatalog

/// How the generic generator fills one column, decided from the catalog before any row.
struct GenericColumn {
    let type: ValueType
    let nullable: Bool
    let isTime: Bool
    /// The entity's start day goes here (the first non-nullable date facet).
    let isStart: Bool
    /// Placeholder text for strings without values: the facet or field name.
    let label: String
    let chooser: Weighted<String>?
    let number: NumberShape
    let nullShare: Double

    static let placeholderRanks = Weighted(zipf: Array(1...20), s: 0.9)

    init(_ c: DemoSchema.Column, attribute a: Attribute?, isTime: Bool, isStart: Bool = false) {
        type = c.type
        nullable = c.nullable && a != nil
        self.isTime = isTime
        self.isStart = isStart
        label = a?.name ?? c.name
        if let values = a?.values, !values.isEmpty {
            // Ordered values (tiers, grades) thin out towards the top; others follow a mild Zipf.
            chooser = Weighted(zipf: values, s: a?.ordered == true ? 0.9 : 0.5)
        } else {
            chooser = nil
        }
        number = NumberShape(type: c.type, unit: a?.unit, modelScore: a?.isModelScore == true)
        nullShare = a?.isModelScore == true ? 0.05 : 0.08
    }
}

/// The distribution of a numeric column, from its unit and kind only. Units are general
/// measurement words (documented in notes/db.md); a three-letter upper-case unit is a currency.
enum NumberShape {
    case uniform(Double, Double)
    case normal(mean: Double, sd: Double, lo: Double, hi: Double)
    case logNormal(mu: Double, sigma: Double)

    init(type: ValueType, unit: String?, modelScore: Bool) {
        if modelScore { self = .uniform(0, 1); return }
        let u = unit?.lowercased() ?? ""
        switch u {
        case "percent", "%": self = .uniform(0, 100)
        case "years": self = .normal(mean: 42, sd: 15, lo: 18, hi: 90)
        case "hours": self = .logNormal(mu: 5, sigma: 1.5)
        case "seconds": self = .logNormal(mu: 6, sigma: 0.8)
        case "dbm": self = .uniform(-120, -40)
        case "celsius": self = .normal(mean: 22, sd: 10, lo: -30, hi: 60)
        case "points": self = .logNormal(mu: 6, sigma: 0.8)
        default:
            if let unit, unit.count == 3, unit.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                self = .logNormal(mu: 5.5, sigma: 1.8)
            } else {
                self = type == .int ? .logNormal(mu: 2.5, sigma: 1.5) : .logNormal(mu: 3, sigma: 1.2)
            }
        }
    }

    func draw(_ r: inout DemoRandom) -> Double {
        switch self {
        case .uniform(let lo, let hi): return lo + (hi - lo) * r.unit()
        case .normal(let mean, let sd, let lo, let hi): return max(lo, min(hi, mean + sd * r.normal()))
        case .logNormal(let mu, let sigma): return min(1e9, r.logNormal(mu: mu, sigma: sigma))
        }
    }
}
