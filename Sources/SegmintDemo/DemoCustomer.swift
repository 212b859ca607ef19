import SegmintCore
import SegmintCatalog
import SegmintStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The retail facets of one customer, drawn together so they agree with each other
/// (age with birth date, tier with spend, spend with orders, state with country).
struct CustomerFacts {
    let sk: DemoGenerator.Skeleton
    let totals: DemoGenerator.OrderTotals
    let asOfDay: Int
    var country: String
    var spendCents: Int?
    var birthDay: Int?
    var enrolled: Bool

    init(skeleton: DemoGenerator.Skeleton, totals: DemoGenerator.OrderTotals, asOfDay: Int, rng r: inout DemoRandom) {
        sk = skeleton; self.totals = totals; self.asOfDay = asOfDay
        let countryPick = r.unit()
        country = countryPick < 0.94 ? "US" : countryPick < 0.98 ? "CA" : "MX"
        // lifetime_spend is the sum of the non-missing order amounts, unknown for 5%.
        spendCents = r.chance(0.05) ? nil : totals.cents
        if r.chance(0.12) { birthDay = nil } else {
            let years = max(18, min(88, 42 + r.normal() * 14))
            birthDay = asOfDay - Int(years * 365.25) - r.int(0, 364)
        }
        enrolled = !r.chance(0.12)
    }

    /// The value for a known retail facet of the right type; nil for other facets.
    mutating func value(_ known: KnownColumn, plan: ColumnPlan, time: inout DemoTime, _ r: inout DemoRandom) -> SQLValue? {
        let values = plan.values, chooser = plan.chooser
        func allowed(_ v: String) -> Bool { values?.contains(v) ?? true }
        func money(_ cents: Int) -> SQLValue { .real(Double(cents) / 100) }
        func fraction(_ x: Double) -> SQLValue { .real((max(0, min(1, x)) * 100).rounded() / 100) }
        switch known {
        case .country where allowed(country):
            return .text(country)
        case .state:
            guard country == "US", !r.chance(0.04) else { return .null }
            return (chooser ?? DemoVocabulary.states).draw(&r).map(SQLValue.text) ?? .null
        case .city where values == nil:
            return r.chance(0.08) ? .null : .text(DemoVocabulary.cities.draw(&r) ?? "Springfield")
        case .zip_code where values == nil:
            guard country == "US", !r.chance(0.05) else { return .null }
            let z = r.int(501, 99950)
            return .text(String(repeating: "0", count: 5 - String(z).count) + String(z))
        case .email_domain where values == nil:
            return r.chance(0.10) ? .null : .text(DemoVocabulary.emailDomains.draw(&r) ?? "gmail.com")
        case .last_name where values == nil:
            return r.chance(0.03) ? .null : .text(DemoVocabulary.lastNames.draw(&r) ?? "Smith")
        case .birth_date:
            return birthDay.map { .text(time.date($0)) } ?? .null
        case .age:
            guard let b = birthDay, let born = CivilDate(daysSinceEpoch: b), let now = CivilDate(daysSinceEpoch: asOfDay) else { return .null }
            let hadBirthday = (now.month, now.day) >= (born.month, born.day)
            return .int(Int64(now.year - born.year - (hadBirthday ? 0 : 1)))
        case .household_size:
            return r.chance(0.10) ? .null : .int(Int64(min(8, 1 + Int(-log(1 - r.unit()) / 0.6))))
        case .signup_date:
            return .text(time.date(sk.signupDay))
        case .last_login_at:
            guard !r.chance(0.10) else { return .null }
            let day = max(sk.signupDay, min(asOfDay, sk.activeUntil - r.int(0, 30)))
            return .text(time.timestamp(day, r.int(0, 86399)))
        case .loyalty_tier:
            guard enrolled else { return .null }
            let spend = totals.cents / 100
            let tier = spend < 250 ? "bronze" : spend < 1000 ? "silver" : spend < 3000 ? "gold" : "platinum"
            return allowed(tier) ? .text(tier) : chooser?.draw(&r).map(SQLValue.text) ?? .null
        case .loyalty_points:
            guard enrolled else { return .null }
            return .int(Int64(Double(totals.cents / 100) * (0.1 + 0.9 * r.unit())))
        case .preferred_channel where allowed(sk.preferredChannel):
            return r.chance(0.08) ? .null : .text(sk.preferredChannel)
        case .lifetime_spend:
            return spendCents.map(money) ?? .null
        case .avg_order_value:
            guard let s = spendCents, totals.amounts > 0 else { return .null }
            return money(Int((Double(s) / Double(totals.amounts)).rounded()))
        case .order_count:
            return .int(Int64(totals.count))
        case .returns_rate:
            guard totals.count > 0, !r.chance(0.05) else { return .null }
            return fraction(r.logNormal(mu: -2.8, sigma: 0.9))
        case .email_opt_out:
            return r.chance(0.08) ? .null : .int(r.chance(0.14) ? 1 : 0)
        case .sms_opt_in:
            return r.chance(0.10) ? .null : .int(r.chance(0.25) ? 1 : 0)
        case .is_employee:
            return .int(r.chance(0.01) ? 1 : 0)
        case .has_app:
            return .int(r.chance(sk.preferredChannel == "app" ? 0.9 : 0.3) ? 1 : 0)
        case .churn_score:
            guard !r.chance(0.05) else { return .null }
            return fraction(sk.lapsed ? 0.5 + 0.45 * r.unit() : 0.03 + 0.4 * r.unit())
        case .purchase_propensity:
            guard !r.chance(0.05) else { return .null }
            return fraction(sk.lapsed ? 0.02 + 0.3 * r.unit() : 0.2 + 0.7 * r.unit())
        case .predicted_clv:
            guard !r.chance(0.05) else { return .null }
            return money(Int(r.logNormal(mu: 5, sigma: 1.0) * (sk.lapsed ? 30 : 100)))
        default:
            return nil
        }
    }
}
