import SegmintCatalog

/// `catalogs/retail.yaml` as a value (the tests must not depend on the YAML loader's state);
/// `RetailCatalogFileTests` checks it matches the file once the loader loads it.
enum RetailFixture {
    static let catalog: Catalog = {
        let states = ["AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "IA", "ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY", "DC"]
        let facets: [Facet] = [
            Attribute(name: "state", type: .string, values: states),
            Attribute(name: "city", type: .string),
            Attribute(name: "zip_code", type: .string, column: "postal_code"),
            Attribute(name: "country", type: .string, values: ["US", "CA", "MX"], nullable: false),
            Attribute(name: "email_domain", type: .string),
            Attribute(name: "last_name", type: .string),
            Attribute(name: "age", type: .int),
            Attribute(name: "gender", type: .string, values: ["female", "male", "nonbinary", "undisclosed"]),
            Attribute(name: "household_size", type: .int),
            Attribute(name: "income_band", type: .string, values: ["low", "lower_middle", "middle", "upper_middle", "high"], ordered: true),
            Attribute(name: "signup_date", type: .date, column: "created_at", nullable: false),
            Attribute(name: "last_login_at", type: .timestamp),
            Attribute(name: "birth_date", type: .date),
            Attribute(name: "loyalty_tier", type: .string, values: ["bronze", "silver", "gold", "platinum"], ordered: true),
            Attribute(name: "loyalty_points", type: .int),
            Attribute(name: "preferred_channel", type: .string, values: ["online", "store", "app", "phone"]),
            Attribute(name: "acquisition_source", type: .string, values: ["organic", "paid_search", "social", "referral", "affiliate", "email", "retail"]),
            Attribute(name: "lifetime_spend", type: .decimal),
            Attribute(name: "avg_order_value", type: .decimal),
            Attribute(name: "order_count", type: .int, nullable: false),
            Attribute(name: "returns_rate", type: .decimal),
            Attribute(name: "email_opt_out", type: .bool),
            Attribute(name: "sms_opt_in", type: .bool),
            Attribute(name: "is_employee", type: .bool, nullable: false),
            Attribute(name: "has_app", type: .bool, nullable: false),
            Attribute(name: "churn_score", type: .decimal, kind: "model_score"),
            Attribute(name: "purchase_propensity", type: .decimal, kind: "model_score"),
            Attribute(name: "predicted_clv", type: .decimal, kind: "model_score"),
        ]
        let events = [
            Event(name: "purchase", table: "orders", key: "customer_id", time: "ordered_at", timeType: .timestamp, fields: [
                Attribute(name: "category", type: .string, values: ["Outdoor", "Electronics", "Grocery", "Apparel", "Home", "Beauty", "Toys", "Sports"]),
                Attribute(name: "amount", type: .decimal),
                Attribute(name: "channel", type: .string, values: ["online", "store", "app", "phone"]),
                Attribute(name: "item_count", type: .int),
                Attribute(name: "discount_code", type: .string),
                Attribute(name: "is_gift", type: .bool),
                Attribute(name: "store_id", type: .int),
            ]),
            Event(name: "email_click", table: "email_events", key: "customer_id", time: "clicked_at", fields: [
                Attribute(name: "campaign", type: .string),
                Attribute(name: "link_type", type: .string, values: ["product", "promo", "unsubscribe", "other"]),
            ]),
            Event(name: "support_ticket", table: "support_tickets", key: "customer_id", time: "opened_on", timeType: .date, fields: [
                Attribute(name: "topic", type: .string, values: ["delivery", "refund", "product", "account", "other"]),
                Attribute(name: "severity", type: .string, values: ["low", "medium", "high", "urgent"], ordered: true),
                Attribute(name: "satisfaction", type: .int),
            ]),
        ]
        return Catalog(name: "retail", version: "3", entity: Entity(name: "customer", table: "customers", key: "customer_id"),
                       fiscalYear: FiscalCalendar(startMonth: 2, namedBy: .end), facets: facets, events: events, path: "catalogs/retail.yaml")
    }()
}
