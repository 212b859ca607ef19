/// Word lists and weights for the retail demo data. Hostile strings (quotes, `%`, `_`,
/// backslashes, non-ASCII) are deliberate: they exercise literal escaping and LIKE patterns.
enum DemoVocabulary {
    /// Relative population (millions, rounded) for Zipf-like skew over US states.
    static let statePopulation: [String: Double] = [
        "CA": 39, "TX": 30, "FL": 22, "NY": 19.6, "PA": 13, "IL": 12.5, "OH": 11.8, "GA": 11,
        "NC": 10.8, "MI": 10, "NJ": 9.3, "VA": 8.7, "WA": 7.8, "AZ": 7.4, "TN": 7.1, "MA": 7,
        "IN": 6.8, "MO": 6.2, "MD": 6.2, "WI": 5.9, "CO": 5.9, "MN": 5.7, "SC": 5.3, "AL": 5.1,
        "LA": 4.6, "KY": 4.5, "OR": 4.2, "OK": 4, "CT": 3.6, "UT": 3.4, "IA": 3.2, "NV": 3.2,
        "AR": 3, "MS": 2.9, "KS": 2.9, "NM": 2.1, "NE": 2, "ID": 1.9, "WV": 1.8, "HI": 1.4,
        "NH": 1.4, "ME": 1.4, "MT": 1.1, "RI": 1.1, "DE": 1, "SD": 0.9, "ND": 0.8, "AK": 0.7,
        "DC": 0.7, "VT": 0.6, "WY": 0.6,
    ]

    static let states = Weighted(statePopulation.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })

    static let cities = Weighted(zipf: [
        "New York", "Los Angeles", "Chicago", "Houston", "Phoenix", "Springfield", "Seattle",
        "Portland", "Austin", "Miami", "Riverside", "Franklin", "Greenville", "Salem", "Madison",
        "Coeur d'Alene", "O'Fallon", "Lee's Summit", "Winston-Salem", "St. Louis", "San José",
        "Georgetown", "Fairview", "Bristol", "Clinton",
    ], s: 0.8)

    static let lastNames = Weighted(zipf: [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
        "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
        "Moore", "Jackson", "Martin", "Lee", "O'Brien", "Perez", "Thompson", "White", "Harris",
        "O'Connor", "D'Angelo", "McDonald", "Nguyễn", "Müller", "Van der Berg", "St. John",
        "Smith-Jones", "O'Neil", "Ng", "Ó Súilleabháin",
    ], s: 0.7)

    static let emailDomains = Weighted([
        ("gmail.com", 40), ("yahoo.com", 14), ("outlook.com", 12), ("hotmail.com", 8),
        ("icloud.com", 8), ("aol.com", 3), ("comcast.net", 2), ("proton.me", 2),
        ("example.co.uk", 1), ("mail.bücher.de", 0.5),
    ])

    static let discountCodes = Weighted([
        ("SAVE10", 30), ("WELCOME", 20), ("50%OFF", 12), ("A_B", 8), ("SPRING_25", 10),
        ("VIP'S-ONLY", 6), ("FREESHIP", 10), ("back\\slash", 1), ("100%_REAL", 3),
    ])

    static let campaigns = Weighted(zipf: [
        "2026-spring-sale", "cart_abandon", "new_arrivals", "Winter '25 Clearance",
        "20% off shoes", "Black Friday", "VIP_early_access", "back-to-school", "weekly_digest",
    ], s: 0.9)

    /// Known weights for enumerated values by facet or field name; other values weigh 1.
    static let enumWeights: [String: [String: Double]] = [
        "country": ["US": 94, "CA": 4, "MX": 2],
        "gender": ["female": 48, "male": 44, "nonbinary": 2, "undisclosed": 6],
        "income_band": ["low": 15, "lower_middle": 22, "middle": 30, "upper_middle": 21, "high": 12],
        "preferred_channel": ["online": 45, "store": 30, "app": 20, "phone": 5],
        "acquisition_source": ["organic": 30, "paid_search": 22, "social": 15, "referral": 10, "affiliate": 6, "email": 9, "retail": 8],
        "category": ["Outdoor": 12, "Electronics": 14, "Grocery": 25, "Apparel": 18, "Home": 12, "Beauty": 8, "Toys": 5, "Sports": 6],
        "channel": ["online": 45, "store": 32, "app": 19, "phone": 4],
        "link_type": ["product": 55, "promo": 30, "unsubscribe": 3, "other": 12],
        "topic": ["delivery": 35, "refund": 25, "product": 20, "account": 12, "other": 8],
        "severity": ["low": 45, "medium": 35, "high": 15, "urgent": 5],
        "state": statePopulation,
    ]

    /// A weighted chooser over a catalog's `values`, using known weights where there are some.
    static func chooser(name: String, values: [String]) -> Weighted<String> {
        let known = enumWeights[name] ?? [:]
        return Weighted(values.map { ($0, known[$0] ?? 1) })
    }
}
