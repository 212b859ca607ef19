import SegmintCatalog

/// Facets and fields the demo generator knows by name, with the type it makes for them.
/// Resolved once per column, so the per-row work is a switch on a small enum.
enum KnownColumn: String {
    // customers
    case country, state, city, zip_code, email_domain, last_name, birth_date, age, household_size
    case signup_date, last_login_at, loyalty_tier, loyalty_points, preferred_channel
    case lifetime_spend, avg_order_value, order_count, returns_rate
    case email_opt_out, sms_opt_in, is_employee, has_app, churn_score, purchase_propensity, predicted_clv
    // events
    case amount, channel, item_count, discount_code, is_gift, store_id, campaign, satisfaction

    var type: ValueType {
        switch self {
        case .country, .state, .city, .zip_code, .email_domain, .last_name, .loyalty_tier, .preferred_channel,
             .channel, .discount_code, .campaign: return .string
        case .age, .household_size, .loyalty_points, .order_count, .item_count, .store_id, .satisfaction: return .int
        case .birth_date, .signup_date: return .date
        case .last_login_at: return .timestamp
        case .lifetime_spend, .avg_order_value, .returns_rate, .churn_score, .purchase_propensity, .predicted_clv, .amount: return .decimal
        case .email_opt_out, .sms_opt_in, .is_employee, .has_app, .is_gift: return .bool
        }
    }
}

/// How one column of a demo table is filled, decided once before the rows are made.
struct ColumnPlan {
    let type: ValueType
    let nullable: Bool
    /// The facet or field behind the column (nil for the key, the time column, or no attribute).
    let name: String?
    let known: KnownColumn?
    let values: [String]?
    let chooser: Weighted<String>?
    let nullShare: Double

    init(_ c: DemoSchema.Column, attribute a: Attribute?) {
        type = c.type; nullable = c.nullable
        name = a?.name
        values = a?.values
        chooser = a?.values.map { DemoVocabulary.chooser(name: a?.name ?? "", values: $0) }
        if let a, let k = KnownColumn(rawValue: a.name), k.type == a.type { known = k } else { known = nil }
        nullShare = ColumnPlan.nullShare(a?.name ?? "")
    }

    /// NULL share for columns without a specific rule: most facets are sometimes unknown.
    static func nullShare(_ name: String) -> Double {
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
}
