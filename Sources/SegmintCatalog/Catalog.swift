import SegmintCore

/// A validated catalog (spec §4): the entity, its facets, its events and the fiscal calendar.
/// Produced only by `CatalogLoader`, so every rule of §4 holds for a value of this type.
public struct Catalog: Sendable {
    public var name: String
    public var version: String
    public var entity: Entity
    public var fiscalYear: FiscalCalendar
    public var facets: [Facet]
    public var events: [Event]
    /// The file it was loaded from (for diagnostics and headers).
    public var path: String

    public init(name: String, version: String, entity: Entity, fiscalYear: FiscalCalendar,
                facets: [Facet], events: [Event], path: String) {
        self.name = name; self.version = version; self.entity = entity; self.fiscalYear = fiscalYear
        self.facets = facets; self.events = events; self.path = path
    }

    /// `name@version`, as shown in SQL headers and `explain`.
    public var label: String { "\(name)@\(version)" }

    public func facet(named n: String) -> Facet? { facets.first { $0.name == n } }
    public func event(named n: String) -> Event? { events.first { $0.name == n } }
}

public struct Entity: Sendable, Equatable {
    public var name: String
    public var table: String
    public var key: String
    public init(name: String, table: String, key: String) { self.name = name; self.table = table; self.key = key }
}

/// `fiscal_year: {start_month: 2, named_by: end}`. FY named by `end`: FY2026 = 2025-02-01..2026-01-31;
/// named by `start`: FY2025 = 2025-02-01..2026-01-31. Default start_month 1 (calendar years).
public struct FiscalCalendar: Sendable, Equatable {
    public enum NamedBy: String, Sendable { case start, end }
    public var startMonth: Int
    public var namedBy: NamedBy
    public init(startMonth: Int = 1, namedBy: NamedBy = .end) { self.startMonth = startMonth; self.namedBy = namedBy }

    /// First day of fiscal year `fy` and the first day after it.
    public func bounds(ofYear fy: Int) -> (start: CivilDate, end: CivilDate)? {
        // With start_month 1 both namings coincide: FY2025 = calendar 2025.
        let startYear = (namedBy == .end && startMonth != 1) ? fy - 1 : fy
        guard let s = CivilDate(year: startYear, month: startMonth, day: 1), let e = s.adding(months: 12) else { return nil }
        return (s, e)
    }

    /// First day of quarter `q` (1...4) of fiscal year `fy` and the first day after it.
    public func bounds(ofQuarter q: Int, year fy: Int) -> (start: CivilDate, end: CivilDate)? {
        guard (1...4).contains(q), let y = bounds(ofYear: fy),
              let s = y.start.adding(months: 3 * (q - 1)), let e = s.adding(months: 3) else { return nil }
        return (s, e)
    }
}

/// The value types of §4.
public enum ValueType: String, Sendable, Equatable, CaseIterable {
    case string, int, decimal, bool, date, timestamp

    public var isNumeric: Bool { self == .int || self == .decimal }
    public var isTemporal: Bool { self == .date || self == .timestamp }
}

/// A facet of the entity or a field of an event: one column.
public struct Attribute: Sendable, Equatable {
    public var name: String
    public var type: ValueType
    /// Column in its table; defaults to `name`.
    public var column: String
    /// Allowed values (enumerated). For `ordered` facets, in ascending order.
    public var values: [String]?
    public var ordered: Bool
    public var synonyms: [String]
    public var description: String?
    public var unit: String?
    /// `kind: model_score` marks a model output (used by `recommend`).
    public var kind: String?
    /// Whether the column may hold NULL. Default true (the demo data and checker assume so).
    public var nullable: Bool
    /// Line in the catalog file where it is declared (for diagnostics), if known.
    public var line: Int?

    public init(name: String, type: ValueType, column: String? = nil, values: [String]? = nil,
                ordered: Bool = false, synonyms: [String] = [], description: String? = nil,
                unit: String? = nil, kind: String? = nil, nullable: Bool = true, line: Int? = nil) {
        self.name = name; self.type = type; self.column = column ?? name; self.values = values
        self.ordered = ordered; self.synonyms = synonyms; self.description = description
        self.unit = unit; self.kind = kind; self.nullable = nullable; self.line = line
    }

    public var isModelScore: Bool { kind == "model_score" }
}

public typealias Facet = Attribute
public typealias Field = Attribute

/// An event type: rows of another table joined on the entity key.
public struct Event: Sendable, Equatable {
    public var name: String
    public var table: String
    /// Column holding the entity key.
    public var key: String
    /// The date or timestamp column used by windows.
    public var time: String
    /// Type of the `time` column: date or timestamp (default timestamp).
    public var timeType: ValueType
    public var fields: [Field]
    public var synonyms: [String]
    public var description: String?
    public var line: Int?

    public init(name: String, table: String, key: String, time: String, timeType: ValueType = .timestamp,
                fields: [Field], synonyms: [String] = [], description: String? = nil, line: Int? = nil) {
        self.name = name; self.table = table; self.key = key; self.time = time; self.timeType = timeType
        self.fields = fields; self.synonyms = synonyms; self.description = description; self.line = line
    }

    public func field(named n: String) -> Field? { fields.first { $0.name == n } }
}
