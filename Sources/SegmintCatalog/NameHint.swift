import SegmintCore

/// Did-you-mean for catalog names and values: `Suggest.closest` (edit distance), then a
/// prefix or `_`-suffix match, so `integer` suggests `int`, `lifetime` `lifetime_spend`, `score` `model_score`.
public enum NameHint {
    public static func closest(to name: String, in candidates: [String]) -> String? {
        if let close = Suggest.closest(to: name, in: candidates) { return close }
        let lower = name.lowercased()
        guard lower.count >= 3 else { return nil }
        // Shortest candidate that extends the name, else the longest that the name extends.
        let extending = candidates.filter { $0.lowercased().hasPrefix(lower) || $0.lowercased().hasSuffix("_" + lower) }.min { $0.count < $1.count }
        if let extending { return extending }
        return candidates.filter { $0.count >= 3 && lower.hasPrefix($0.lowercased()) }.max { $0.count < $1.count }
    }
}
