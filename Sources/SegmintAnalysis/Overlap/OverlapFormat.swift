import SegmintCore

/// Output formats of `segmint overlap`.
public enum OverlapFormat: String, Sendable, CaseIterable { case table, csv, json }

extension OverlapReport {
    /// Renders the report; `top` limits the largest-patterns list; `entities` is the plural of
    /// the catalog's entity ("accounts") for the table's wording (CSV and JSON keys stay fixed).
    public func render(_ format: OverlapFormat, top: Int = 15, entities: String = "entities") -> String {
        switch format {
        case .table: return table(top: top, entities: entities)
        case .csv: return csv()
        case .json: return json(top: top)
        }
    }

    private func share(_ n: Int) -> String {
        guard let b = base, b > 0 else { return "-" }
        return Fmt.percent(Double(n) / Double(b), 2)
    }

    private func table(top: Int, entities: String) -> String {
        var out = "Segments (\(segments.count))" + (base.map { ", base \(Fmt.count($0)) \(entities)" } ?? "") + "\n"
        out += Fmt.table(["segment", "size", "% of base", "unique reach", "% unique"],
                         segments.indices.map { i in
                             [segments[i], Fmt.count(sizes[i]), share(sizes[i]), Fmt.count(uniqueReach[i]),
                              Fmt.percent(sizes[i] == 0 ? nil : Double(uniqueReach[i]) / Double(sizes[i]))]
                         })
        out += "\nIn at least one segment: \(Fmt.count(union))" + (base != nil ? " (\(share(union)) of base)" : "")
        out += "; in exactly one: \(Fmt.count(uniqueReach.reduce(0, +)))\n"
        out += "\nPairs (|A∩B|, Jaccard, share of A in B, share of B in A)\n"
        var rows: [[String]] = []
        for i in segments.indices {
            for j in segments.indices where j > i {
                rows.append([segments[i], segments[j], Fmt.count(intersections[i][j]), Fmt.fixed(jaccard(i, j) ?? 0, 3),
                             Fmt.percent(containment(i, in: j)), Fmt.percent(containment(j, in: i))])
            }
        }
        out += Fmt.table(["A", "B", "|A∩B|", "Jaccard", "|A∩B|/|A|", "|A∩B|/|B|"], rows, leftColumns: 2)
        out += "\nIn exactly k segments\n"
        let ks = (base == nil ? 1 : 0)...segments.count
        out += Fmt.table(["k", entities], ks.filter { $0 <= 1 || exactly[$0] > 0 }.map { [String($0), Fmt.count(exactly[$0])] })
        out += "\nLargest membership patterns\n"
        out += Fmt.table(["segments", entities, "% of union"], patterns.prefix(top).map { p in
            [label(p), Fmt.count(p.count), Fmt.percent(union == 0 ? nil : Double(p.count) / Double(union))]
        })
        return out
    }

    private func csv() -> String {
        var out = "metric,segment_a,segment_b,k,value\n"
        func row(_ m: String, _ a: String, _ b: String, _ k: String, _ v: String) {
            out += CSV.record([m, a, b, k, v])
        }
        if let b = base { row("base", "", "", "", String(b)) }
        row("union", "", "", "", String(union))
        for i in segments.indices {
            row("size", segments[i], "", "", String(sizes[i]))
            row("unique_reach", segments[i], "", "", String(uniqueReach[i]))
        }
        for i in segments.indices {
            for j in segments.indices where j > i {
                row("intersection", segments[i], segments[j], "", String(intersections[i][j]))
                row("jaccard", segments[i], segments[j], "", Fmt.jsonNumber(jaccard(i, j)))
                row("share_of_a_in_b", segments[i], segments[j], "", Fmt.jsonNumber(containment(i, in: j)))
                row("share_of_b_in_a", segments[i], segments[j], "", Fmt.jsonNumber(containment(j, in: i)))
            }
        }
        for k in exactly.indices where k > 0 || base != nil { row("exactly_k", "", "", String(k), String(exactly[k])) }
        for p in patterns { row("pattern", label(p), "", String(p.degree), String(p.count)) }
        return out
    }

    private func json(top: Int) -> String {
        var s = "{\n  \"segments\": [" + segments.map(JSON.string).joined(separator: ", ") + "],\n"
        s += "  \"base\": " + (base.map(String.init) ?? "null") + ",\n"
        s += "  \"union\": \(union),\n"
        s += "  \"sizes\": {" + segments.indices.map { "\(JSON.string(segments[$0])): \(sizes[$0])" }.joined(separator: ", ") + "},\n"
        s += "  \"unique_reach\": {" + segments.indices.map { "\(JSON.string(segments[$0])): \(uniqueReach[$0])" }.joined(separator: ", ") + "},\n"
        var pairs: [String] = []
        for i in segments.indices {
            for j in segments.indices where j > i {
                pairs.append("    {\"a\": \(JSON.string(segments[i])), \"b\": \(JSON.string(segments[j])), \"intersection\": \(intersections[i][j]), "
                             + "\"jaccard\": \(Fmt.jsonNumber(jaccard(i, j))), \"share_of_a_in_b\": \(Fmt.jsonNumber(containment(i, in: j))), "
                             + "\"share_of_b_in_a\": \(Fmt.jsonNumber(containment(j, in: i)))}")
            }
        }
        s += "  \"pairs\": [\n" + pairs.joined(separator: ",\n") + (pairs.isEmpty ? "" : "\n") + "  ],\n"
        s += "  \"exactly_k\": {" + exactly.indices.filter { $0 > 0 || base != nil }.map { "\"\($0)\": \(exactly[$0])" }.joined(separator: ", ") + "},\n"
        s += "  \"patterns\": [\n" + patterns.prefix(top).map { p in
            "    {\"segments\": [" + p.members.indices.filter { p.members[$0] }.map { JSON.string(segments[$0]) }.joined(separator: ", ")
                + "], \"count\": \(p.count)}"
        }.joined(separator: ",\n") + (patterns.isEmpty ? "" : "\n") + "  ]\n}\n"
        return s
    }
}
