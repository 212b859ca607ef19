import SegmintCore

extension StaticReport {
    /// `segmint overlap --static` output: table (plain lines) or json.
    public func render(_ format: OverlapFormat) -> String {
        switch format {
        case .json:
            return "{\n  \"segments\": [" + segments.map(JSON.string).joined(separator: ", ") + "],\n  \"findings\": [\n"
                + findings.map { f in
                    "    {\"kind\": \(JSON.string(f.kind.rawValue)), \"segment\": \(JSON.string(f.segment)), "
                        + "\"other\": \(f.other.map(JSON.string) ?? "null"), \"condition\": \(f.condition.map(JSON.string) ?? "null"), "
                        + "\"message\": \(JSON.string(f.message))}"
                }.joined(separator: ",\n") + (findings.isEmpty ? "" : "\n") + "  ],\n  \"undecided\": \(undecided)\n}\n"
        case .csv:
            var s = "kind,segment,other,condition\n"
            for f in findings {
                s += CSV.record([f.kind.rawValue, f.segment, f.other ?? "", f.condition ?? ""])
            }
            return s
        case .table:
            var s = "Static analysis of \(segments.count) segment(s), no data read. Every statement below is proved from the rules.\n"
            let groups: [(String, [StaticFinding.Kind])] = [
                ("Can never match", [.empty]), ("Cannot overlap", [.disjoint]), ("Contained in another", [.contained]),
                ("Redundant conditions", [.redundantInclude, .redundantExclude]),
            ]
            for (title, kinds) in groups {
                let fs = findings.filter { kinds.contains($0.kind) }
                s += "\n\(title) (\(fs.count))\n"
                if fs.isEmpty { s += "  none proved\n" }
                for f in fs {
                    switch f.kind {
                    case .empty: s += "  \(f.segment)\n"
                    case .disjoint: s += "  \(f.segment) ∩ \(f.other ?? "?") = ∅\n"
                    case .contained: s += "  \(f.segment) ⊆ \(f.other ?? "?")\n"
                    case .redundantInclude: s += "  \(f.segment): include `\(f.condition ?? "?")` is implied by the rest\n"
                    case .redundantExclude: s += "  \(f.segment): exclude `\(f.condition ?? "?")` never removes anyone\n"
                    }
                }
            }
            if undecided > 0 { s += "\n\(undecided) question(s) were too large to settle; nothing is claimed about them.\n" }
            return s
        }
    }
}
