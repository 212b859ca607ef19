/// A unified diff of two texts, line by line (`diff -u` layout, 3 lines of context), for
/// snapshot mismatches. Longest-common-subsequence on lines; files of more than 4,000 lines
/// each are shown as one hunk replacing everything (snapshots are far smaller).
enum UnifiedDiff {
    static func diff(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        let ops = a.count * b.count <= 16_000_000 ? script(a, b) : a.map { Op.delete($0) } + b.map { Op.insert($0) }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        // Group into hunks: runs of changes with up to `context` equal lines around them.
        var i = 0, oldLine = 1, newLine = 1
        var positions: [(op: Op, old: Int, new: Int)] = []
        for op in ops {
            positions.append((op, oldLine, newLine))
            switch op { case .equal: oldLine += 1; newLine += 1; case .delete: oldLine += 1; case .insert: newLine += 1 }
        }
        while i < positions.count {
            guard let firstChange = positions[i...].firstIndex(where: { !$0.op.isEqual }) else { break }
            var start = max(i, firstChange - context), end = firstChange
            // Extend while the next change is within 2 × context equal lines.
            while true {
                var j = end + 1
                while j < positions.count, positions[j].op.isEqual { j += 1 }
                if j < positions.count, j - end - 1 <= 2 * context { end = j } else { break }
            }
            let stop = min(positions.count, end + context + 1)
            if start < i { start = i }
            let slice = positions[start..<stop]
            let oldCount = slice.filter { !$0.op.isInsert }.count, newCount = slice.filter { !$0.op.isDelete }.count
            let oldStart = oldCount == 0 ? slice.first.map { $0.old - 1 } ?? 0 : slice.first?.old ?? 0
            let newStart = newCount == 0 ? slice.first.map { $0.new - 1 } ?? 0 : slice.first?.new ?? 0
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for p in slice { out += p.op.text }
            i = stop
        }
        return out
    }

    enum Op {
        case equal(String), delete(String), insert(String)
        var isEqual: Bool { if case .equal = self { return true }; return false }
        var isInsert: Bool { if case .insert = self { return true }; return false }
        var isDelete: Bool { if case .delete = self { return true }; return false }
        var text: String {
            switch self {
            case .equal(let s): return " " + s + "\n"
            case .delete(let s): return "-" + s + "\n"
            case .insert(let s): return "+" + s + "\n"
            }
        }
    }

    /// Lines without their terminators; a missing final newline is shown as in `diff`.
    static func lines(_ s: String) -> [String] {
        var out = s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if out.last == "" { out.removeLast() } else if !out.isEmpty { out[out.count - 1] += "\n\\ No newline at end of file" }
        return out
    }

    /// The edit script from an LCS table (deletions before insertions at each point).
    static func script(_ a: [String], _ b: [String]) -> [Op] {
        let n = a.count, m = b.count
        var table = [Int](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i * (m + 1) + j] = a[i] == b[j] ? table[(i + 1) * (m + 1) + j + 1] + 1
                    : max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1])
            }
        }
        var ops: [Op] = [], i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] { ops.append(.equal(a[i])); i += 1; j += 1 }
            else if i < n, j == m || table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1] { ops.append(.delete(a[i])); i += 1 }
            else { ops.append(.insert(b[j])); j += 1 }
        }
        return ops
    }
}
