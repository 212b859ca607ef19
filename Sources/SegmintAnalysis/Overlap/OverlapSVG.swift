import SegmintCore

/// A self-contained SVG picture of an overlap report: a pairwise Jaccard heatmap (labelled,
/// values in the cells) and an UpSet-style chart of the largest membership patterns with
/// set-size bars. No scripts, no external fonts or links; every text is XML-escaped.
///
/// Layout: text widths are estimated on the wide side (`TextWidth`), and the picture is made
/// wide enough for the longest heading and tall enough that the colour legend ends before the
/// UpSet heading, so nothing is clipped or overlaps for any number of segments (names are cut
/// at 28 characters). The parts carry ids (`title`, `subtitle`, `column-labels`, `heatmap`,
/// `legend`, `upset-title`, `upset`) so a test can measure them in a browser.
public enum OverlapSVG {
    /// `entities` is the plural of the catalog's entity ("accounts") for the headings.
    public static func render(_ r: OverlapReport, titles: [String?] = [], topPatterns: Int = 15,
                              entities: String = "entities") -> String {
        let L = Layout(r, topPatterns: topPatterns, entities: entities)
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(L.width)\" height=\"\(L.height)\" viewBox=\"0 0 \(L.width) \(L.height)\" "
        s += "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"11\">\n"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        s += text(L.margin, 28, L.heading, size: 16, weight: "bold", id: "title")
        s += text(L.margin, 48, L.subheading, size: 12, fill: "#444", id: "subtitle")
        s += heatmap(r, L, titles: titles) + legend(L) + upset(r, L, titles: titles)
        return s + "</svg>\n"
    }

    /// The Jaccard heatmap with its row labels, then the rotated column labels.
    private static func heatmap(_ r: OverlapReport, _ L: Layout, titles: [String?]) -> String {
        let (n, names, cell, heatTop, heatLeft) = (L.n, L.names, L.cell, L.heatTop, L.heatLeft)
        var s = ""
        // Heatmap cells.
        s += "<g id=\"heatmap\">\n"
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
        s += "</g>\n<g id=\"column-labels\">\n"
        for j in 0..<n {
            let x = heatLeft + j * cell + cell / 2
            s += "<text x=\"\(x)\" y=\"\(heatTop - 10)\" transform=\"rotate(-45 \(x) \(heatTop - 10))\" fill=\"#222\">\(XML.escape(names[j]))</text>\n"
        }
        s += "</g>\n"
        return s
    }

    /// The colour scale, right of the heatmap and clear of its rotated labels.
    private static func legend(_ L: Layout) -> String {
        let heatTop = L.heatTop
        var s = ""
        // Colour legend.
        let lx = L.legendLeft
        s += "<g id=\"legend\">\n"
        s += text(lx, heatTop + 4, "Jaccard %", size: 11, weight: "bold")
        for k in 0...5 {
            let v = Double(k) / 5
            s += "<rect x=\"\(lx)\" y=\"\(heatTop + 12 + k * 18)\" width=\"18\" height=\"18\" fill=\"\(color(v))\" stroke=\"#ccc\"/>\n"
            s += text(lx + 24, heatTop + 25 + k * 18, Fmt.fixed(v * 100, 0))
        }
        s += "</g>\n"

        return s
    }

    /// The UpSet chart: pattern bars, the dot matrix, set-size bars.
    private static func upset(_ r: OverlapReport, _ L: Layout, titles: [String?]) -> String {
        let (n, names, margin, pats) = (L.n, L.names, L.margin, L.pats)
        let (colW, rowH, barsH, setBarW) = (L.colW, L.rowH, L.barsH, L.setBarW)
        let (upTop, matrixTop, matrixLeft) = (L.upTop, L.matrixTop, L.matrixLeft)
        var s = ""
        // UpSet: pattern bars, dot matrix, set-size bars.
        s += text(margin, upTop - 24, L.upHeading, size: 14, weight: "bold", id: "upset-title")
        s += "<g id=\"upset\">\n"
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
        s += "</g>\n"
        return s
    }

    /// Where everything goes: sizes come from the number of segments, the longest name and the
    /// estimated widths of the headings.
    struct Layout {
        let n: Int
        let names: [String]
        let labelW, cell, margin: Int
        let heading, subheading, upHeading: String
        let rise, heatTop, heatLeft, heatSize, legendLeft, legendH: Int
        let pats: [MembershipPattern]
        let colW, rowH, barsH, setBarW: Int
        let upTop, matrixTop, matrixLeft, width, height: Int

        init(_ r: OverlapReport, topPatterns: Int, entities: String) {
            n = r.segments.count
            names = r.segments.map { short($0, 28) }
            labelW = max(60, names.map { TextWidth.estimate($0, size: 11) }.max() ?? 0) + 12
            cell = n > 24 ? 26 : 36
            margin = 24
            heading = "Segment overlap: \(n) segments" + (r.base.map { ", base \(Fmt.count($0)) \(entities)" } ?? "")
                + ", \(Fmt.count(r.union)) in at least one"
            subheading = "Pairwise Jaccard |A∩B| / |A∪B| (diagonal: segment size)"
            upHeading = "Largest membership patterns (UpSet): \(entities) in exactly these segments"

            // Panel 1: heatmap. Column labels are rotated 45°: they rise and reach right by
            // their width / √2 (plus the line height), from the middle of their column.
            rise = labelW * 72 / 100 + 12
            heatTop = 60 + rise
            heatLeft = margin + labelW
            heatSize = n * cell
            legendLeft = max(heatLeft + heatSize + 24, heatLeft + heatSize - cell / 2 + rise + 8)
            legendH = 12 + 6 * 18
            // Panel 2: UpSet, below whichever of the heatmap and the legend ends lower.
            pats = Array(r.patterns.prefix(topPatterns))
            colW = 26; rowH = 20; barsH = 150; setBarW = 140
            upTop = heatTop + max(heatSize, legendH) + 70
            matrixTop = upTop + barsH + 24
            matrixLeft = margin + setBarW + labelW
            width = [legendLeft + 24 + TextWidth.estimate("100", size: 11) + margin,
                     matrixLeft + max(1, pats.count) * colW + margin,
                     margin + TextWidth.estimate(heading, size: 16, bold: true) + margin,
                     margin + TextWidth.estimate(subheading, size: 12) + margin,
                     margin + TextWidth.estimate(upHeading, size: 14, bold: true) + margin].max() ?? 0
            height = matrixTop + n * rowH + 50
        }
    }

    private static func tooltip(_ name: String, _ titles: [String?], _ i: Int) -> String? {
        guard i < titles.count, let t = titles[i], !t.isEmpty else { return nil }
        return "\(name): \(t)"
    }

    private static func text(_ x: Int, _ y: Int, _ t: String, anchor: String = "start", size: Int? = nil,
                             weight: String? = nil, fill: String = "#222", tooltip: String? = nil, id: String? = nil) -> String {
        var s = "<text" + (id.map { " id=\"\($0)\"" } ?? "") + " x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\" fill=\"\(fill)\""
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

    /// A name cut to `max` characters in the middle, keeping both ends: names that share a long
    /// prefix (`customers_who_bought_…_12`) stay distinguishable.
    static func short(_ s: String, _ max: Int) -> String {
        guard s.count > max else { return s }
        let tail = (max - 1) / 2
        return String(s.prefix(max - 1 - tail)) + "…" + String(s.suffix(tail))
    }
}

/// Text widths estimated without a font engine, on the wide side so a layout made with them
/// never clips: DejaVu Sans (the font asked for) averages about 0.6 em per character and
/// 0.66 em in bold; wide letters (capitals, W, M, digits in a row) are taken at 0.7–0.8 em.
enum TextWidth {
    static func estimate(_ s: String, size: Int, bold: Bool = false) -> Int {
        var em = 0.0
        for ch in s.unicodeScalars {
            switch ch {
            case "i", "l", "j", "'", "|", ".", ",", ":", ";", "!", " ", "(", ")", "[", "]", "f", "t", "r": em += 0.4
            case "m", "w", "M", "W", "%", "@", "…": em += 0.95
            case "A"..."Z": em += 0.75
            case "0"..."9": em += 0.64
            default: em += ch.value > 0x2E7F ? 1.0 : 0.62
            }
        }
        return Int((em * Double(size) * (bold ? 1.12 : 1.0)).rounded(.up))
    }
}
