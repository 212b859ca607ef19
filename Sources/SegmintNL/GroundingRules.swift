import SegmintCore
import SegmintSyntax

/// One grounding tag as written in a stage's condition text.
public struct ScannedTag: Sendable, Equatable {
    public enum Subject: Sendable, Equatable {
        case name(String)
        case string(String)
        /// A number or date, as written.
        case scalar(String)
    }
    public var inferred: Bool
    public var subject: Subject
    public var from: String?
    /// The tag's text, for diagnostics fed back to the stage.
    public var text: String
}

/// Reads condition text written by an LLM stage without trusting it: the checks here run before
/// the text is placed into a segment, so nothing in it can add segments, blocks or comments.
enum ConditionText {
    /// Why `text` is not exactly one condition's worth of tokens, or nil when its shape is fine:
    /// one line, no `#`, braces and brackets balanced outside strings, strings closed.
    static func shapeProblem(_ text: String) -> String? {
        var depthBrace = 0, depthBracket = 0
        var inString = false, escaped = false
        for c in text.unicodeScalars {
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                else if c == "\n" { return "a string literal runs past the end of the line" }
                continue
            }
            switch c {
            case "\"": inString = true
            case "#": return "a `#` comment is not allowed in a condition"
            case "\n", "\r": return "a condition must be one line"
            case "{": depthBrace += 1
            case "}": depthBrace -= 1; if depthBrace < 0 { return "unbalanced `}`" }
            case "[": depthBracket += 1
            case "]": depthBracket -= 1; if depthBracket < 0 { return "unbalanced `]`" }
            default: break
            }
        }
        if inString { return "unterminated string literal" }
        if depthBrace != 0 { return "unbalanced `{`" }
        if depthBracket != 0 { return "unbalanced `[`" }
        let lead = Words.split(text).first?.text ?? ""
        if ["segment", "include", "exclude", "description", "as_of"].contains(lead) {
            return "expected one condition, found `\(lead)`"
        }
        return nil
    }

    /// Every `[RETRIEVED: …]` / `[INFERRED: …]` tag in `text`, skipping string literals.
    static func tags(_ text: String) -> [ScannedTag] {
        let s = Array(text.unicodeScalars)
        var out: [ScannedTag] = []
        var i = 0
        func skipString(_ j: inout Int) -> String {
            var v = ""
            j += 1
            while j < s.count, s[j] != "\"" {
                if s[j] == "\\", j + 1 < s.count { j += 1
                    switch s[j] { case "n": v += "\n"; case "t": v += "\t"; default: v.unicodeScalars.append(s[j]) }
                } else { v.unicodeScalars.append(s[j]) }
                j += 1
            }
            j += 1
            return v
        }
        while i < s.count {
            if s[i] == "\"" { _ = skipString(&i); continue }
            guard s[i] == "[" else { i += 1; continue }
            var j = i + 1
            while j < s.count, s[j] == " " { j += 1 }
            var word = ""
            while j < s.count, s[j].properties.isAlphabetic { word.unicodeScalars.append(s[j]); j += 1 }
            guard word == "RETRIEVED" || word == "INFERRED" else { i += 1; continue }
            while j < s.count, s[j] == " " { j += 1 }
            guard j < s.count, s[j] == ":" else { i += 1; continue }
            j += 1
            while j < s.count, s[j] == " " { j += 1 }
            var subject: ScannedTag.Subject
            if j < s.count, s[j] == "\"" {
                subject = .string(skipString(&j))
            } else {
                var tok = ""
                while j < s.count, s[j] != " ", s[j] != "]" { tok.unicodeScalars.append(s[j]); j += 1 }
                let first = tok.unicodeScalars.first
                subject = (first.map { CharacterSetLike.isDigit($0) || $0 == "-" } ?? false) ? .scalar(tok) : .name(tok)
            }
            while j < s.count, s[j] == " " { j += 1 }
            var from: String?
            if j + 4 <= s.count, String(String.UnicodeScalarView(s[j..<(j + 4)])) == "from" {
                j += 4
                while j < s.count, s[j] == " " { j += 1 }
                if j < s.count, s[j] == "\"" { from = skipString(&j) }
            }
            while j < s.count, s[j] != "]" { j += 1 }
            let end = min(j + 1, s.count)
            out.append(ScannedTag(inferred: word == "INFERRED", subject: subject, from: from,
                                  text: String(String.UnicodeScalarView(s[i..<end]))))
            i = end
        }
        return out
    }

    /// Replaces `@window` (outside strings) with `window`, or removes it when there is none.
    static func fillWindow(_ text: String, _ window: String?) -> String {
        var out = ""
        var inString = false, escaped = false
        var i = text.startIndex
        var placed = false
        while i < text.endIndex {
            let c = text[i]
            if inString {
                out.append(c)
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                i = text.index(after: i); continue
            }
            if c == "\"" { inString = true }
            if text[i...].hasPrefix("@window") {
                if let w = window, !placed { out += w; placed = true }
                i = text.index(i, offsetBy: 7)
                continue
            }
            out.append(c)
            i = text.index(after: i)
        }
        // Collapse the double space a removed placeholder leaves.
        while out.contains("  ") { out = out.replacingOccurrences(of: "  ", with: " ") }
        return out.trimmingCharacters(in: .whitespaces)
    }
}

enum CharacterSetLike {
    static func isDigit(_ u: Unicode.Scalar) -> Bool { u >= "0" && u <= "9" }
}

/// A grounding problem in one stage output, phrased so the stage can repair it.
public struct GroundingIssue: Sendable, Equatable {
    public enum Kind: String, Sendable { case notRetrieved, inferredName, notVerbatim, shape, unmapped }
    public var kind: Kind
    public var message: String
    /// The offending text (a tag, or the words).
    public var text: String
}

/// The pipeline's grounding rules for one part: a RETRIEVED claim must be among what
/// retrieval returned for the span; an INFERRED facet, field or enumerated value is rejected;
/// `from` text must be verbatim in the request; an INFERRED number or date is a question unless
/// an answer exists.
struct GroundingRules {
    let request: String
    let claims: Set<RetrievalTarget>
    /// Where literals may come from (the request and the user's answers).
    var sources: LiteralSources

    init(request: String, claims: Set<RetrievalTarget>, answers: [String] = []) {
        self.request = request; self.claims = claims
        self.sources = LiteralSources(request: request, answers: answers)
    }

    func check(_ condition: String) -> (issues: [GroundingIssue], inferred: [ScannedTag]) {
        if let p = ConditionText.shapeProblem(condition) {
            return ([GroundingIssue(kind: .shape, message: p, text: condition)], [])
        }
        var issues: [GroundingIssue] = []
        var inferred: [ScannedTag] = []
        let names = Set(claims.filter { !$0.isValue }.map(\.claim))
        let bareFields = Set(claims.compactMap { t -> String? in if case .field(_, let f) = t { return f }; return nil })
        let values = Set(claims.compactMap { t -> String? in if case .value(_, let v) = t { return v }; return nil })
        for t in ConditionText.tags(condition) {
            if let f = t.from, !request.contains(f) {
                issues.append(GroundingIssue(kind: .notVerbatim, message: "`from` text \(StringLiteral.quote(f)) does not occur in the request", text: t.text))
            }
            switch (t.inferred, t.subject) {
            case (false, .name(let n)):
                if !names.contains(n) && !bareFields.contains(n) {
                    let choice = names.isEmpty ? "retrieval found no catalog names for this part; if none fits, list the words in \"unmapped\""
                        : "use one of: \(names.sorted().joined(separator: ", "))"
                    issues.append(GroundingIssue(kind: .notRetrieved, message: "\(n) was not among the retrieved candidates for this part; \(choice)", text: t.text))
                }
            case (false, .string(let v)):
                if !values.contains(v) {
                    issues.append(GroundingIssue(kind: .notRetrieved, message: "value \(StringLiteral.quote(v)) was not among the retrieved values for this part", text: t.text))
                }
            case (false, .scalar):
                break
            case (true, .name(let n)):
                issues.append(GroundingIssue(kind: .inferredName, message: "an inferred name (\(n)) is not allowed: names must come from retrieval", text: t.text))
            case (true, .string(let v)):
                issues.append(GroundingIssue(kind: .inferredName, message: "an inferred value (\(StringLiteral.quote(v))) is not allowed: values must come from the catalog", text: t.text))
            case (true, .scalar):
                inferred.append(t)
            }
        }
        return (issues + literalIssues(condition, tags: ConditionText.tags(condition)), inferred)
    }

    /// Free-text strings must be copied from the request or an answer; numbers must be the user's
    /// or tagged INFERRED (then the user is asked). Tagged catalog values are the checker's to judge.
    func literalIssues(_ condition: String, tags: [ScannedTag]) -> [GroundingIssue] {
        var tagged: Set<String> = []
        var inferred: Set<Double> = []
        for t in tags {
            switch (t.inferred, t.subject) {
            case (false, .string(let v)): tagged.insert(v)
            case (true, .scalar(let v)): if let d = Double(v) { inferred.insert(d) }
            default: break
            }
        }
        var issues: [GroundingIssue] = []
        for lit in ConditionLiterals(condition).literals {
            switch lit.kind {
            case .string:
                if tagged.contains(lit.text) { continue }
                let ignoringCase = lit.before == .kwContains || lit.before == .kwStartsWith
                if !sources.containsText(lit.text, ignoringCase: ignoringCase) {
                    issues.append(GroundingIssue(kind: .notVerbatim, message: "the text \(StringLiteral.quote(lit.text)) does not occur in the request: "
                        + "copy free text exactly from the request, or use a catalog value tagged [RETRIEVED: \"value\"]", text: lit.text))
                }
            case .number:
                if inferred.contains(Double(lit.text) ?? .nan) || sources.containsNumber(lit.text) { continue }
                issues.append(GroundingIssue(kind: .notVerbatim, message: "the number \(lit.text) does not occur in the request: use the user's number, "
                    + "or tag it [INFERRED: \(lit.text) from \"<the user's words it stands for>\"] so the user is asked", text: lit.text))
            }
        }
        return issues
    }
}
