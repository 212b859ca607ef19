import SegmintCore

/// IR -> SQL text in one dialect. The layout is fixed so the same IR always gives the same
/// bytes; the dialect decides only the spelling of leaves (SQLDialect).
struct SQLGenerator {
    let d: any SQLDialect
    /// Joins written as correlated subqueries where their value is used (by alias), for
    /// dialects with `correlatedEventAggregates`.
    private var correlated: [String: EventJoin] = [:]
    private var entityKey = ""

    init(dialect: Dialect) { d = dialect.rules }

    func statement(_ q: EntityQuery, shape: QueryShape) throws -> String {
        var g = self
        g.entityKey = col(Alias.entity, q.keyColumn)
        if d.correlatedEventAggregates {
            for j in q.joins { g.correlated[j.alias] = j }
            return try g.render(q, shape: shape, joins: [])
        }
        return try g.render(q, shape: shape, joins: q.joins)
    }

    private func render(_ q: EntityQuery, shape: QueryShape, joins: [EventJoin]) throws -> String {
        let key = entityKey
        var from = "FROM \(d.table(q.table)) AS \(Alias.entity)"
        for j in joins { from += "\n" + (try join(j, entityKey: key)) }
        let whereClause = try q.filter.map { "\nWHERE " + (try topLevel($0)) } ?? ""
        switch shape {
        case .keys:
            return "SELECT DISTINCT \(key)\n\(from)\(whereClause)\nORDER BY \(key)"
        case .rows(let carried):
            let columns = [key] + carried.map { "\(col(Alias.entity, $0.column)) AS \(d.identifier($0.alias))" }
            return "SELECT DISTINCT \(columns.joined(separator: ", "))\n\(from)\(whereClause)\nORDER BY \(key)"
        case .count:
            return "SELECT COUNT(*) AS \(d.identifier("count"))\nFROM (\nSELECT DISTINCT \(key)\n\(from)\(whereClause)\n) AS s"
        case .overlap(let members):
            let names = members.indices.map { d.identifier("m\($0)") }
            var cases: [String] = []
            for (i, p) in members.enumerated() {
                cases.append("  CASE WHEN \(try expr(p)) THEN 1 ELSE 0 END AS \(names[i])")
            }
            return """
            SELECT \(names.joined(separator: ", ")), COUNT(*) AS \(d.identifier("n"))
            FROM (
            SELECT DISTINCT \(key),
            \(cases.joined(separator: ",\n"))
            \(from)\(whereClause)
            ) AS s
            WHERE \(names.map { "\($0) = 1" }.joined(separator: " OR "))
            GROUP BY \(names.joined(separator: ", "))
            ORDER BY \(names.map { "\($0) DESC" }.joined(separator: ", "))
            """
        }
    }

    private func col(_ alias: String, _ column: String) -> String { "\(alias).\(d.identifier(column))" }

    private func aggregate(_ j: EventJoin) -> String {
        switch j.aggregate {
        case .count: return "COUNT(*)"
        case .sum(let c): return "SUM(\(col(Alias.event, c)))"
        case .avg(let c): return "AVG(\(col(Alias.event, c)))"
        case .min(let c): return "MIN(\(col(Alias.event, c)))"
        case .max(let c): return "MAX(\(col(Alias.event, c)))"
        case .countDistinct(let c): return "COUNT(DISTINCT \(col(Alias.event, c)))"
        }
    }

    /// `(SELECT AGG FROM events AS ev WHERE ev.key = e.key AND filter)`: the join's value for
    /// the current entity row.
    private func correlatedValue(_ j: EventJoin) throws -> String {
        var cond = "\(col(Alias.event, j.keyColumn)) = \(entityKey)"
        if j.filter != .constant(true) { cond += " AND " + (try expr(j.filter, parenthesize: true)) }
        return "(SELECT \(aggregate(j)) FROM \(d.table(j.table)) AS \(Alias.event) WHERE \(cond))"
    }

    private func join(_ j: EventJoin, entityKey: String) throws -> String {
        let evKey = col(Alias.event, j.keyColumn)
        let agg = aggregate(j)
        var s = "LEFT JOIN (\n  SELECT \(evKey) AS \(Alias.joinKey), \(agg) AS \(Alias.joinValue)\n  FROM \(d.table(j.table)) AS \(Alias.event)"
        if j.filter != .constant(true) { s += "\n  WHERE \(try expr(j.filter))" }
        s += "\n  GROUP BY \(evKey)\n) AS \(j.alias) ON \(j.alias).\(Alias.joinKey) = \(entityKey)"
        return s
    }

    // Comparisons, IN, IS NULL and function calls bind tighter than NOT, AND and OR in every
    // dialect, so only AND and OR groups need parentheses.

    /// A WHERE condition: top-level conjuncts one per line.
    private func topLevel(_ p: Predicate) throws -> String {
        var out = ""
        out.reserveCapacity(512)
        switch p {
        case .and(let ps): try list(ps, "\n  AND ", into: &out)
        case .or(let ps): try list(ps, "\n   OR ", into: &out)
        default: try write(p, into: &out)
        }
        return out
    }

    func expr(_ p: Predicate, parenthesize: Bool = false) throws -> String {
        var out = ""
        try write(p, parenthesize: parenthesize, into: &out)
        return out
    }

    private func list(_ ps: [Predicate], _ separator: String, into out: inout String) throws {
        for (i, q) in ps.enumerated() {
            if i > 0 { out += separator }
            try write(q, parenthesize: true, into: &out)
        }
    }

    /// Appends the predicate to `out` (one buffer for the whole condition: far fewer allocations).
    private func write(_ p: Predicate, parenthesize: Bool = false, into out: inout String) throws {
        switch p {
        case .constant(let b): out += d.boolean(b)
        case .and(let ps), .or(let ps):
            if parenthesize { out += "(" }
            let isAnd: Bool
            if case .and = p { isAnd = true } else { isAnd = false }
            try list(ps, isAnd ? " AND " : " OR ", into: &out)
            if parenthesize { out += ")" }
        case .not(let inner):
            out += "NOT "
            try write(inner, parenthesize: true, into: &out)
        case .compare(let l, let op, var r):
            if case .date(let e, true) = r, d.startOfDayBoundAsDate(op) { r = .date(e, asTimestamp: false) }
            if case .date(_, true) = r, case .column = l {
                out += d.timestampOperand(try scalar(l))
            } else {
                out += try scalar(l)
            }
            out += " "; out += op.rawValue; out += " "; out += try scalar(r)
        case .inList(let l, let items, let negated):
            if case .column = l, items.contains(where: { if case .date(_, true) = $0 { return true } else { return false } }) {
                out += d.timestampOperand(try scalar(l))
            } else {
                out += try scalar(l)
            }
            out += negated ? " NOT IN (" : " IN ("
            for (i, x) in items.enumerated() {
                if i > 0 { out += ", " }
                out += try scalar(x)
            }
            out += ")"
        case .isNull(let s, let negated):
            out += try scalar(s); out += negated ? " IS NOT NULL" : " IS NULL"
        case .contains(let s, let pat): out += d.contains(try scalar(s), try d.string(pat))
        case .startsWith(let s, let pat): out += d.startsWith(try scalar(s), try d.string(pat))
        }
    }

    private func scalar(_ s: Scalar) throws -> String {
        switch s {
        case .column(let c):
            if c.generated, let j = correlated[c.alias] { return try correlatedValue(j) }
            return c.generated ? "\(c.alias).\(c.column)" : col(c.alias, c.column)
        case .string(let x): return try d.string(x)
        case .int(let i): return String(i)
        case .decimal(let t): return t
        case .bool(let b): return d.boolean(b)
        case .date(.literal(let day), let ts): return ts ? d.timestamp(day) : d.date(day)
        case .date(.today(let days, let months), let ts): return d.today(plusDays: days, minusMonths: months, asTimestamp: ts)
        case .countOrZero(let c):
            // COUNT over no rows is already 0 in a correlated subquery.
            if let j = correlated[c.alias] { return try correlatedValue(j) }
            return "COALESCE(\(c.alias).\(c.column), 0)"
        }
    }
}
