import SegmintCore

/// A self-contained SVG picture of an overlap report: a pairwise Jaccard heatmap (labelled,
/// values in the cells) and an UpSet-style chart of the largest membership patterns with
/// set-size bars. No scripts, no external fonts or links; every text is XML-escaped.
public enum OverlapSVG {
    /// `entities` is the plural of the catalog's entity ("accounts") for the headings.
    public static func render(_ r: OverlapReport, titles: [String?] = [], topPatterns: Int = 15,
                              entities: String = "entities") -> String {
        let n = r.segments.count
        let names = r.segments.map { short($0, 28) }
        let labelW = max(60, (names.map(\.count).max() ?? 4) * 7 + 12)
        let cell = n > 24 ? 26 : 36
        let margin = 24

        // Panel 1: heatmap.
        let heatTop = 70 + labelW * 7 / 10          // room for the rotated column labels
        let heatLeft = margin + labelW
        let heatSize = n * cell
        // Panel 2: UpSet.
        let pats = Array(r.patterns.prefix(topPatterns))
        let colW = 26, rowH = 20, barsH = 150, setBarW = 140
        let upTop = heatTop + heatSize + 70
        let matrixTop = upTop + barsH + 24
        let matrixLeft = margin + setBarW + labelW
        let width = max(heatLeft + heatSize + margin + 150, matrixLeft + max(1, pats.count) * colW + margin)
        let height = matrixTop + n * rowH + 50

        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" "
        s += "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"11\">\n"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        let heading = "Segment overlap: \(n) segments" + (r.base.map { ", base \(Fmt.count($0)) \(entities)" } ?? "")
            + ", \(Fmt.count(r.union)) in at least one"
        s += text(margin, 28, heading, size: 16, weight: "bold")
        s += text(margin, 48, "Pairwise Jaccard |A∩B| / |A∪B| (diagonal: segment size)", size: 12, fill: "#444")

        // Heatmap cells.
        for i in 0..<n {
            let y = heatTop + i * cell
            s += text(heatLeft - 6, y + cell / 2 + 4, names[i], anchor: "end", tooltip: tooltip(r.segments[i], titles, i))
            for j in 0..<n {
                let x = heatLeft + j * cell
                if i == j {
                    s += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell)\" height=\"\(cell)\" fill=\"#e6e6e6\" stroke=\"#fff\"/>\n"
                    s += text(x + cell / 2, y + cell / 2 + 4, compact(r.sizes[i]), anchor: "middle", size: cell > 30 ? 10 : 8, fill: "#222")
                } else {
                    let v = r.jaccard(i, j) ?? 0
                    s += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell)\" height=\"\(cell)\" fill=\"\(color(v))\" stroke=\"#fff\">"
                    s += "<title>\(XML.escape("\(r.segments[i]) & \(r.segments[j]): \(Fmt.count(r.intersections[i][j])) shared, Jaccard \(Fmt.fixed(v, 3))"))</title></rect>\n"
                    s += text(x + cell / 2, y + cell / 2 + 4, Fmt.fixed(v * 100, 0), anchor: "middle", size: cell > 30 ? 10 : 8,
                              fill: v > 0.5 ? "#fff" : "#222")
                }
            }
        }
        for j in 0..<n {
            let x = heatLeft + j * cell + cell / 2
            s += "<text x=\"\(x)\" y=\"\(heatTop - 6)\" transform=\"rotate(-45 \(x) \(heatTop - 6))\" fill=\"#222\">\(XML.escape(names[j]))</text>\n"
        }
        // Colour legend.
        let lx = heatLeft + heatSize + 24
        s += text(lx, heatTop + 4, "Jaccard %", size: 11, weight: "bold")
        for k in 0...5 {
            let v = Double(k) / 5
            s += "<rect x=\"\(lx)\" y=\"\(heatTop + 12 + k * 18)\" width=\"18\" height=\"18\" fill=\"\(color(v))\" stroke=\"#ccc\"/>\n"
            s += text(lx + 24, heatTop + 25 + k * 18, Fmt.fixed(v * 100, 0))
        }

        // UpSet: pattern bars, dot matrix, set-size bars.
        s += text(margin, upTop - 24, "Largest membership patterns (UpSet): \(entities) in exactly these segments", size: 14, weight: "bold")
        let maxPat = max(1, pats.map(\.count).max() ?? 1)
        for (c, p) in pats.enumerated() {
            let x = matrixLeft + c * colW
            let h = max(1, Int(Double(barsH) * Double(p.count) / Double(maxPat)))
            s += "<rect x=\"\(x + 4)\" y=\"\(upTop + barsH - h)\" width=\"\(colW - 8)\" height=\"\(h)\" fill=\"#3b6ea8\">"
            s += "<title>\(XML.escape(r.label(p) + ": " + Fmt.count(p.count)))</title></rect>\n"
            s += "<text x=\"\(x + colW / 2)\" y=\"\(upTop + barsH - h - 4)\" text-anchor=\"middle\" font-size=\"9\" "
            s += "fill=\"#222\">\(XML.escape(compact(p.count)))</text>\n"
        }
        s += "<line x1=\"\(matrixLeft)\" y1=\"\(upTop + barsH)\" x2=\"\(matrixLeft + max(1, pats.count) * colW)\" y2=\"\(upTop + barsH)\" stroke=\"#888\"/>\n"
        let maxSize = max(1, r.sizes.max() ?? 1)
        s += text(margin + setBarW - 4, matrixTop - 8, "segment size", anchor: "end", size: 10, fill: "#444")
        for i in 0..<n {
            let y = matrixTop + i * rowH
            if i % 2 == 0 {
                s += "<rect x=\"\(margin)\" y=\"\(y)\" width=\"\(matrixLeft - margin + max(1, pats.count) * colW)\" height=\"\(rowH)\" fill=\"#f4f6f8\"/>\n"
            }
            let w = max(1, Int(Double(setBarW - 40) * Double(r.sizes[i]) / Double(maxSize)))
            s += "<rect x=\"\(margin + setBarW - 4 - w)\" y=\"\(y + 4)\" width=\"\(w)\" height=\"\(rowH - 8)\" fill=\"#8aa6c6\"/>\n"
            s += text(margin + setBarW - 8 - w, y + rowH / 2 + 4, compact(r.sizes[i]), anchor: "end", size: 9, fill: "#444")
            s += text(matrixLeft - 6, y + rowH / 2 + 4, names[i], anchor: "end", tooltip: tooltip(r.segments[i], titles, i))
            for (c, p) in pats.enumerated() {
                let cx = matrixLeft + c * colW + colW / 2
                s += "<circle cx=\"\(cx)\" cy=\"\(y + rowH / 2)\" r=\"5\" fill=\"\(p.members[i] ? "#1f3b5c" : "#d5d9de")\"/>\n"
            }
        }
        for (c, p) in pats.enumerated() {
            let on = p.members.indices.filter { p.members[$0] }
            guard let first = on.first, let last = on.last, first != last else { continue }
            let cx = matrixLeft + c * colW + colW / 2
            s += "<line x1=\"\(cx)\" y1=\"\(matrixTop + first * rowH + rowH / 2)\" x2=\"\(cx)\" y2=\"\(matrixTop + last * rowH + rowH / 2)\" stroke=\"#1f3b5c\" stroke-width=\"2\"/>\n"
        }
        if pats.isEmpty { s += text(matrixLeft, upTop + barsH / 2, "no entity is in any segment", fill: "#888") }
        s += "</svg>\n"
        return s
    }

    private static func tooltip(_ name: String, _ titles: [String?], _ i: Int) -> String? {
        guard i < titles.count, let t = titles[i], !t.isEmpty else { return nil }
        return "\(name): \(t)"
    }

    private static func text(_ x: Int, _ y: Int, _ t: String, anchor: String = "start", size: Int? = nil,
                             weight: String? = nil, fill: String = "#222", tooltip: String? = nil) -> String {
        var s = "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\" fill=\"\(fill)\""
        if let z = size { s += " font-size=\"\(z)\"" }
        if let w = weight { s += " font-weight=\"\(w)\"" }
        s += ">" + XML.escape(t)
        if let tip = tooltip { s += "<title>\(XML.escape(tip))</title>" }
        return s + "</text>\n"
    }

    /// White to dark blue.
    static func color(_ v: Double) -> String {
        let t = min(1, max(0, v))
        let from = (247.0, 251.0, 255.0), to = (8.0, 48.0, 107.0)
        func ch(_ a: Double, _ b: Double) -> String {
            let x = Int((a + (b - a) * t).rounded())
            let hex = String(x, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "#" + ch(from.0, to.0) + ch(from.1, to.1) + ch(from.2, to.2)
    }

    static func compact(_ n: Int) -> String {
        let x = Double(n)
        if n >= 1_000_000 { return Fmt.fixed(x / 1_000_000, 2) + "M" }
        if n >= 10_000 { return Fmt.fixed(x / 1000, 0) + "k" }
        if n >= 1000 { return Fmt.fixed(x / 1000, 1) + "k" }
        return String(n)
    }

    private static func short(_ s: String, _ max: Int) -> String {
        s.count <= max ? s : String(s.prefix(max - 1)) + "…"
    }
}
