import Foundation
import SegmintCore
import SegmintSyntax

/// The literals of one condition written by a stage, read with the real lexer (tags skipped), so
/// the pipeline can hold each one to its source: a free-text string must be copied from the
/// request or an answer, a number must be the user's or tagged INFERRED.
struct ConditionLiterals {
    struct Literal {
        enum Kind { case string, number }
        var kind: Kind
        /// The decoded string, or the number as written.
        var text: String
        /// Byte range in the condition.
        var range: Range<Int>
        /// The token before it (`contains`, `=`, `[`, …).
        var before: TokenKind?
        /// For a number after a comparison or `between`, the byte where that test starts.
        var testStart: Int?
    }

    var literals: [Literal] = []
    let bytes: [UInt8]

    init(_ condition: String) {
        bytes = Array(condition.utf8)
        let (tokens, _, _) = Lexer.tokenize(SourceFile(id: 0, path: "<condition>", text: condition))
        var i = 0
        var inTag = false
        var betweenStart: Int?
        while i < tokens.count, tokens[i].kind != .eof {
            let t = tokens[i]
            defer { i += 1 }
            if inTag { if t.kind == .rbracket { inTag = false }; continue }
            if t.kind == .lbracket, i + 1 < tokens.count, tokens[i + 1].kind == .ident {
                let w = String(decoding: bytes[tokens[i + 1].start..<tokens[i + 1].end], as: UTF8.self)
                if w == "RETRIEVED" || w == "INFERRED" { inTag = true; continue }
            }
            if t.kind == .kwBetween { betweenStart = t.start }
            let before = i > 0 ? tokens[i - 1].kind : nil
            switch t.kind {
            case .string:
                literals.append(Literal(kind: .string, text: Self.decode(bytes, t), range: t.start..<t.end, before: before, testStart: nil))
            case .int, .decimal:
                var start: Int?
                if let b = before, [.eq, .ne, .lt, .le, .gt, .ge].contains(b) { start = tokens[i - 1].start }
                if before == .kwBetween || before == .kwAnd, let s = betweenStart { start = s }
                literals.append(Literal(kind: .number, text: String(decoding: bytes[t.start..<t.end], as: UTF8.self),
                                        range: t.start..<t.end, before: before, testStart: start))
            default: break
            }
        }
    }

    static func decode(_ bytes: [UInt8], _ t: Token) -> String {
        guard t.end - t.start >= 2 else { return "" }
        var out = ""
        var escaped = false
        for u in String(decoding: bytes[(t.start + 1)..<(t.end - 1)], as: UTF8.self).unicodeScalars {
            if escaped {
                switch u { case "n": out += "\n"; case "t": out += "\t"; default: out.unicodeScalars.append(u) }
                escaped = false
            } else if u == "\\" { escaped = true } else { out.unicodeScalars.append(u) }
        }
        return out
    }
}

/// Where the literals of a condition may come from: the request and the user's answers.
struct LiteralSources {
    let texts: [String]
    /// Every number the user wrote (digits, `1,000`, `$500`, `1.5k`, number words, percentages as
    /// fractions too), as doubles.
    let numbers: Set<Double>

    init(request: String, answers: [String]) {
        texts = [request] + answers
        var ns: Set<Double> = [0, 1]  // "has …" (count >= 1), "no …" (= 0): structural, not assumptions
        for text in texts {
            for w in Words.split(text) {
                let raw = w.text.lowercased()
                if let n = NumberWords.value(raw) { ns.insert(Double(n)) }
                if let d = NumberWords.decimal(raw).flatMap(Double.init) { ns.insert(d) }
                for (suffix, factor) in [("k", 1e3), ("m", 1e6)] where raw.hasSuffix(suffix) {
                    if let d = NumberWords.decimal(String(raw.dropLast())).flatMap(Double.init) { ns.insert(d * factor) }
                }
                if let k = ["once": 1.0, "twice": 2, "thrice": 3, "double": 2, "dozen": 12][raw] { ns.insert(k) }
            }
        }
        for n in ns where n > 1 { ns.insert(n / 100) }  // "70%" → 0.7
        numbers = ns
    }

    func containsNumber(_ text: String) -> Bool {
        guard let d = Double(text) else { return false }
        return numbers.contains(d)
    }

    /// Whether `s` occurs in the request or an answer: exactly, or ignoring case when the
    /// operator itself ignores case (`contains`, `starts_with`).
    func containsText(_ s: String, ignoringCase: Bool) -> Bool {
        guard !s.isEmpty else { return false }
        return texts.contains { ignoringCase ? $0.lowercased().contains(s.lowercased()) : $0.contains(s) }
    }
}

/// Applying a user's numeric answer to the condition the model wrote: the comparison carrying
/// the INFERRED number is replaced by the answer's test, and the tag by the answer's number.
enum NumberAnswer {
    /// `condition` with the test on `inferred` replaced by `test` (`>= 25`, `between 1 and 5`), or
    /// nil when the inferred number is not the operand of a comparison.
    static func apply(_ condition: String, inferred: String, test: String) -> String? {
        let lits = ConditionLiterals(condition)
        guard let v = Double(inferred),
              let lit = lits.literals.first(where: { $0.kind == .number && Double($0.text) == v && $0.testStart != nil }),
              let start = lit.testStart else { return nil }
        // A `between a and b` test ends at its second number.
        var end = lit.range.upperBound
        if lits.bytes[start...].starts(with: Array("between".utf8)),
           let second = lits.literals.first(where: { $0.kind == .number && $0.range.lowerBound > start && $0.before == .kwAnd }) {
            end = max(end, second.range.upperBound)
        }
        let answerNumber = Words.split(test).first { Double($0.text) != nil }?.text ?? inferred
        let head = String(decoding: lits.bytes[..<start], as: UTF8.self)
        var tail = String(decoding: lits.bytes[end...], as: UTF8.self)
        tail = tail.replacingOccurrences(of: "[INFERRED: \(inferred) ", with: "[INFERRED: \(answerNumber) ")
            .replacingOccurrences(of: "[INFERRED: \(inferred)]", with: "[INFERRED: \(answerNumber)]")
        return head + test + tail
    }
}
