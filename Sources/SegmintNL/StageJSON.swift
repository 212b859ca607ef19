import Foundation
import SegmintSyntax

/// Reading a stage's JSON answer. Models wrap JSON in prose or code fences; the first `{` to the
/// last `}` is taken, and anything that is not the expected shape is an error the stage is told.
enum StageJSON {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func object(_ text: String) throws -> [String: Any] {
        guard let a = text.firstIndex(of: "{"), let b = text.lastIndex(of: "}"), a < b else {
            throw Failure(description: "the answer is not a JSON object")
        }
        let body = Data(text[a...b].utf8)
        guard let o = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            throw Failure(description: "the answer is not valid JSON")
        }
        return o
    }

    /// A JSON string for embedding user text in a stage's user message.
    static func encode(_ value: Any) -> String {
        guard JSONSerialization.isValidJSONObject(value),
              let d = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: d, as: UTF8.self)
    }

    static func string(_ o: [String: Any], _ k: String) -> String? {
        if let s = o[k] as? String { return s }
        return nil
    }
}

/// A sub-request from decompose.
public struct Part: Sendable, Equatable {
    public var span: String
    public var exclude: Bool
}

/// The decompose stage's answer.
enum DecomposeAnswer {
    case refusal(String)
    case parts([Part])

    static func parse(_ text: String) throws -> DecomposeAnswer {
        let o = try StageJSON.object(text)
        if let r = o["refusal"] as? String, !r.trimmingCharacters(in: .whitespaces).isEmpty { return .refusal(r) }
        guard let list = o["parts"] as? [Any] else { throw StageJSON.Failure(description: "missing \"parts\" list") }
        var parts: [Part] = []
        for item in list {
            guard let d = item as? [String: Any], let span = d["span"] as? String else {
                throw StageJSON.Failure(description: "each part needs a \"span\" string")
            }
            parts.append(Part(span: span, exclude: (d["exclude"] as? Bool) ?? false))
        }
        return .parts(parts)
    }
}

/// The map and repair stages' answer.
struct MapAnswer {
    var condition: String?
    var unmapped: [String]

    static func parse(_ text: String) throws -> MapAnswer {
        let o = try StageJSON.object(text)
        let c = (o["condition"] as? String).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let u = (o["unmapped"] as? [Any])?.compactMap { $0 as? String } ?? []
        if c == nil && u.isEmpty { throw StageJSON.Failure(description: "give a \"condition\" or the \"unmapped\" words") }
        return MapAnswer(condition: (c?.isEmpty ?? true) ? nil : c, unmapped: u)
    }
}

/// The date stage's answer.
struct DateAnswer {
    var window: String?
    var from: String?
    var inferred: Bool

    static func parse(_ text: String) throws -> DateAnswer {
        let o = try StageJSON.object(text)
        return DateAnswer(window: o["window"] as? String, from: o["from"] as? String, inferred: (o["inferred"] as? Bool) ?? false)
    }
}

/// Accepts only the window forms of the grammar, so a date answer cannot smuggle anything else.
enum WindowText {
    /// A date stage's window: the grammar's forms as written, or an English phrasing of one
    /// ("during the last 30 days", "past 2 weeks") read by the answer parser; either way the result
    /// must parse as a window with the real parser, else nil (the stage is asked again).
    static func parse(_ raw: String) -> String? {
        let t = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let w = canonical(t) ?? AnswerParsing.window(t), parsesAsWindow(w) else { return nil }
        return w
    }

    /// Whether `window` parses where a window goes, with the segment language's own parser.
    static func parsesAsWindow(_ window: String) -> Bool {
        guard !window.contains("\n"), !window.contains("#"), !window.contains("{"), !window.contains("}") else { return false }
        let text = "segment w {\n  include {\n    has e \(window)\n  }\n}\n"
        let parsed = Parser.parse(SourceFile(id: 0, path: "<window>", text: text))
        return !parsed.diagnostics.hasErrors
    }

    static func canonical(_ raw: String) -> String? {
        let w = raw.split(separator: " ").map(String.init)
        func int(_ s: String) -> Int? { Int(s).flatMap { $0 >= 1 ? $0 : nil } }
        switch w.count {
        case 2 where w[0] == "since" || w[0] == "before":
            return CivilDate(iso: w[1]).map { "\(w[0]) \($0)" }
        case 3 where w[0] == "during" && w[1] == "fiscal_year":
            return int(w[2]).map { "during fiscal_year \($0)" }
        case 4 where w[0] == "during" && w[1] == "last":
            guard let n = int(w[2]), let u = TimeUnitWords.unit(w[3]) else { return nil }
            return "during last \(n) \(n == 1 ? u : u + "s")"
        case 4 where w[0] == "during" && w[2] == "to":
            guard let a = CivilDate(iso: w[1]), let b = CivilDate(iso: w[3]), a <= b else { return nil }
            return "during \(a) to \(b)"
        case 4 where w[0] == "during" && w[1] == "fiscal_quarter":
            guard let y = int(w[2]), ["Q1", "Q2", "Q3", "Q4"].contains(w[3]) else { return nil }
            return "during fiscal_quarter \(y) \(w[3])"
        default:
            return nil
        }
    }
}

import SegmintCore
