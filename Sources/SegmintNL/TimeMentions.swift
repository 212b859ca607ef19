import SegmintCore

/// Whether a part's words name a time, so a date stage answering "no window" for it is
/// questioned instead of believed (a window must never vanish). Deliberately narrow, general
/// English only: a count with a time unit ("30 days", "two weeks", not "40 years old"), the
/// words since/ago/recently/lately/yesterday/today/fiscal, a year 1900–2099, an ISO date.
enum TimeMentions {
    static let words: Set<String> = ["since", "ago", "recently", "lately", "yesterday", "today", "fiscal", "ytd"]

    /// The time words found in `span` (empty when none).
    static func find(_ span: String) -> [String] {
        let w = Words.split(span).map { $0.text.lowercased() }
        var found: [String] = []
        for (i, x) in w.enumerated() {
            if words.contains(x) { found.append(x); continue }
            if let n = Int(x), (1900...2099).contains(n), x.count == 4 { found.append(x); continue }
            if CivilDate(iso: x) != nil { found.append(x); continue }
            let unit = x.hasSuffix("s") ? String(x.dropLast()) : x
            if ["day", "week", "month", "year", "quarter"].contains(unit), i > 0, NumberWords.value(w[i - 1]) != nil || w[i - 1] == "last" || w[i - 1] == "past",
               i + 1 >= w.count || w[i + 1] != "old" {
                found.append((i > 0 ? w[i - 1] + " " : "") + x)
            }
        }
        return found
    }
}
