import SegmintCore
import SegmintSyntax

extension ExplainReport {
    /// English plural of an entity name (customer → customers, company → companies).
    public static func plural(_ w: String) -> String {
        if w.hasSuffix("s") || w.hasSuffix("x") || w.hasSuffix("ch") || w.hasSuffix("sh") { return w + "es" }
        if w.hasSuffix("y"), let b = w.dropLast().last, !"aeiou".contains(b) { return w.dropLast() + "ies" }
        return w + "s"
    }

    public func text() -> String {
        // Title and description are user text: written as .seg string literals / with control
        // characters escaped, so a newline or a bidi override cannot forge or reorder lines.
        var s = "Segment \(segment)" + (title.map { " " + StringLiteral.quote($0) } ?? "") + "\n"
        if let d = description { s += VisibleText.escape(d) + "\n" }
        s += "Catalog \(catalog); windows end on \(asOf).\n\n"
        if let inc = include {
            if inc.isEmpty { s += "Includes everyone (the include block is empty).\n" }
            else {
                s += "Includes every \(entity) for whom all of these hold:\n"
                for (i, l) in inc.enumerated() { s += line(i + 1, l) }
            }
        } else {
            s += "Includes every \(entity) (no include block).\n"
        }
        if !exclude.isEmpty {
            s += "\nThen leaves out anyone for whom any of these holds:\n"
            for (i, l) in exclude.enumerated() { s += line(i + 1, l) }
            s += "  (Someone with no recorded value for a tested field is not left out by that test.)\n"
        }
        s += "\nAssumptions to confirm: "
        if assumptions.isEmpty { s += "none.\n" } else {
            s += "\(assumptions.count)\n"
            for a in assumptions {
                s += "  - \(a.subject) uses \(a.value)" + (a.from.map { ", inferred from \(StringLiteral.quote($0))" } ?? "") + "\n"
            }
        }
        if let f = funnel, let first = f.first {
            s += "\nFunnel (\(Self.plural(entity)) remaining after each step):\n"
            var prev = first.count
            let w = f.map { Fmt.count($0.count).count }.max() ?? 1
            for step in f {
                let share = first.count > 0 ? Fmt.percent(Double(step.count) / Double(first.count)) : "-"
                let drop = step.count - prev
                s += "  " + Fmt.pad(Fmt.count(step.count), w, right: true) + "  " + Fmt.pad(share, 6, right: true)
                s += (step.label == "everyone" ? "          " : "  " + Fmt.pad(drop == 0 ? "±0" : Fmt.count(drop), 7, right: true) + " ")
                s += " " + step.label + "\n"
                prev = step.count
            }
        }
        return s
    }

    private func line(_ n: Int, _ l: Line) -> String {
        var s = "  \(n). \(l.english)\n     as written: \(l.text)\n"
        for g in l.grounding { s += "     grounding: \(g)\n" }
        return s
    }

    public func json() -> String {
        func lines(_ ls: [Line]) -> String {
            "[" + ls.map { l in
                "{\"condition\": \(JSON.string(l.text)), \"english\": \(JSON.string(l.english)), \"grounding\": ["
                    + l.grounding.map(JSON.string).joined(separator: ", ") + "]}"
            }.joined(separator: ", ") + "]"
        }
        var s = "{\n  \"segment\": \(JSON.string(segment)),\n"
        s += "  \"title\": \(title.map(JSON.string) ?? "null"),\n"
        s += "  \"description\": \(description.map(JSON.string) ?? "null"),\n"
        s += "  \"catalog\": \(JSON.string(catalog)),\n  \"as_of\": \(JSON.string(asOf)),\n"
        s += "  \"include\": \(include.map(lines) ?? "null"),\n  \"exclude\": \(lines(exclude)),\n"
        s += "  \"assumptions\": [" + assumptions.map { a in
            "{\"subject\": \(JSON.string(a.subject)), \"value\": \(JSON.string(a.value)), \"from\": \(a.from.map(JSON.string) ?? "null")}"
        }.joined(separator: ", ") + "],\n"
        s += "  \"funnel\": " + (funnel.map { f in
            "[" + f.map { "{\"step\": \(JSON.string($0.label)), \"count\": \($0.count)}" }.joined(separator: ", ") + "]"
        } ?? "null") + "\n}\n"
        return s
    }
}
