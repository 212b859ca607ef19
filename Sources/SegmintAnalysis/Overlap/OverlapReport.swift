import SegmintStore

/// Entities sharing one membership pattern: `members[i]` says whether they are in segment i.
public struct MembershipPattern: Sendable, Equatable {
    public var members: [Bool]
    public var count: Int
    public init(members: [Bool], count: Int) { self.members = members; self.count = count }
    public var degree: Int { members.filter { $0 }.count }
}

/// Every overlap figure of N segments, derived in Swift from the per-pattern counts of one
/// scan (no second query): sizes, pairwise intersections, Jaccard, containment both ways,
/// unique reach, the "in exactly k segments" distribution and the largest patterns.
public struct OverlapReport: Sendable, Equatable {
    public var segments: [String]
    /// Entities of the catalog's entity table, when known (for shares of the base).
    public var base: Int?
    public var sizes: [Int]
    /// Symmetric; the diagonal holds the sizes.
    public var intersections: [[Int]]
    /// Entities in at least one segment.
    public var union: Int
    /// Per segment: entities in that segment and no other of the N.
    public var uniqueReach: [Int]
    /// `exactly[k]` = entities in exactly k of the segments, k = 0...N (k = 0 only with a base).
    public var exactly: [Int]
    /// All distinct non-empty patterns, largest first (ties: fewer segments, then lexicographic).
    public var patterns: [MembershipPattern]

    /// Derives the figures. Patterns with no membership are ignored (the query omits them);
    /// patterns of the wrong width are rejected.
    public static func derive(segments: [String], patterns: [MembershipPattern], base: Int? = nil) -> Result<OverlapReport, OverlapError> {
        let n = segments.count
        var sizes = [Int](repeating: 0, count: n)
        var inter = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
        var unique = [Int](repeating: 0, count: n)
        var exactly = [Int](repeating: 0, count: n + 1)
        var union = 0
        var merged: [[Bool]: Int] = [:]
        for p in patterns {
            guard p.members.count == n else { return .failure(.badPattern("pattern of width \(p.members.count) for \(n) segments")) }
            guard p.count >= 0 else { return .failure(.badPattern("negative count \(p.count)")) }
            let on = p.members.indices.filter { p.members[$0] }
            guard !on.isEmpty else { continue }
            merged[p.members, default: 0] += p.count
            union += p.count
            exactly[on.count] += p.count
            if on.count == 1 { unique[on[0]] += p.count }
            // Only the pairs inside the pattern: O(k²) per pattern, not O(N²).
            for (x, i) in on.enumerated() {
                sizes[i] += p.count
                for j in on[x...] {
                    inter[i][j] += p.count
                    if i != j { inter[j][i] += p.count }
                }
            }
        }
        if let b = base { exactly[0] = max(0, b - union) }
        let sorted = merged.map { MembershipPattern(members: $0.key, count: $0.value) }.sorted { a, b in
            if a.count != b.count { return a.count > b.count }
            if a.degree != b.degree { return a.degree < b.degree }
            let ia = a.members.indices.filter { a.members[$0] }, ib = b.members.indices.filter { b.members[$0] }
            return ia.lexicographicallyPrecedes(ib)
        }
        return .success(OverlapReport(segments: segments, base: base, sizes: sizes, intersections: inter, union: union,
                                      uniqueReach: unique, exactly: exactly, patterns: sorted))
    }

    /// |A∩B| / |A∪B|; nil when both are empty.
    public func jaccard(_ i: Int, _ j: Int) -> Double? {
        let u = sizes[i] + sizes[j] - intersections[i][j]
        return u == 0 ? nil : Double(intersections[i][j]) / Double(u)
    }

    /// |A∩B| / |A|: the share of segment i that is also in j; nil when i is empty.
    public func containment(_ i: Int, in j: Int) -> Double? {
        sizes[i] == 0 ? nil : Double(intersections[i][j]) / Double(sizes[i])
    }

    /// Names of the segments in a pattern, joined with " & ".
    public func label(_ p: MembershipPattern) -> String {
        p.members.indices.filter { p.members[$0] }.map { segments[$0] }.joined(separator: " & ")
    }

    /// Reads the one-scan query's result: columns m0…m{N-1} (0/1) and n.
    public static func patterns(from result: QueryResult, segments n: Int) -> Result<[MembershipPattern], OverlapError> {
        let cols = result.columns.map { $0.lowercased() }
        var idx: [Int] = []
        for i in 0..<n {
            guard let c = cols.firstIndex(of: "m\(i)") else { return .failure(.badPattern("overlap query result has no column m\(i)")) }
            idx.append(c)
        }
        guard let nc = cols.firstIndex(of: "n") else { return .failure(.badPattern("overlap query result has no column n")) }
        var out: [MembershipPattern] = []
        for row in result.rows {
            guard nc < row.count, let text = row[nc], let count = Int(text) ?? Double(text).flatMap({ Int(exactly: $0) }) else {
                return .failure(.badPattern("overlap query returned a row without a count"))
            }
            var bits: [Bool] = []
            for c in idx {
                guard c < row.count else { return .failure(.badPattern("overlap query returned a short row")) }
                switch (row[c] ?? "0").lowercased() {
                case "1", "t", "true": bits.append(true)
                case "0", "f", "false": bits.append(false)
                case let other: return .failure(.badPattern("unexpected membership flag \(other)"))
                }
            }
            out.append(MembershipPattern(members: bits, count: count))
        }
        return .success(out)
    }
}

public enum OverlapError: Error, Equatable, CustomStringConvertible {
    case badPattern(String)
    public var description: String {
        switch self { case .badPattern(let m): return m }
    }
}
