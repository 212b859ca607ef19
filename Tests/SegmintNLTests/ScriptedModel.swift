import Foundation
@testable import SegmintNL

/// An in-process stand-in for the LLM layer: replies are scripted per stage and per span, so
/// parallel stage calls get the right answer whatever order they arrive in.
final class ScriptedModel: StageModel, @unchecked Sendable {
    struct Rule { var stage: String; var span: String?; var replies: [String] }
    private let lock = NSLock()
    private var rules: [Rule] = []
    private(set) var calls: [StageCall] = []
    var failure: Error?
    var latency: Double = 0

    /// Adds replies for `stage` (and, for map/date/repair, the part whose span equals `span`).
    func on(_ stage: String, span: String? = nil, _ replies: String...) {
        lock.withLock { rules.append(Rule(stage: stage, span: span, replies: replies)) }
    }

    var callCount: Int { lock.lock(); defer { lock.unlock() }; return calls.count }
    func calls(_ stage: String) -> [StageCall] { lock.lock(); defer { lock.unlock() }; return calls.filter { $0.stage == stage } }

    func complete(_ call: StageCall) async throws -> StageReply {
        if latency > 0 { try await Task.sleep(nanoseconds: UInt64(latency * 1e9)) }
        let span = ((try? JSONSerialization.jsonObject(with: Data(call.user.utf8))) as? [String: Any])?["span"] as? String
        let text: String? = try lock.withLock {
            calls.append(call)
            if let f = failure { throw f }
            guard let k = rules.firstIndex(where: { $0.stage == call.stage && ($0.span == nil || $0.span == span) && !$0.replies.isEmpty }) else { return nil }
            return rules[k].replies.removeFirst()
        }
        guard let text else { throw ScriptError(description: "no scripted reply for \(call.stage) span \(span ?? "-")") }
        return StageReply(text: text, model: "scripted-\(call.stage)")
    }

    struct ScriptError: Error, CustomStringConvertible { var description: String }
}

/// The shipped prompts, loaded from the repository.
enum RepoPrompts {
    static let directory: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("prompts").path
    }()
    static func load() throws -> PromptSet { try PromptSet.load(directory: directory) }
}

/// JSON replies as a model would write them.
enum Reply {
    static func parts(_ p: [(String, Bool)]) -> String {
        let items = p.map { #"{"span": \#(q($0.0)), "exclude": \#($0.1)}"# }.joined(separator: ", ")
        return #"{"refusal": null, "parts": [\#(items)]}"#
    }
    static func condition(_ c: String) -> String { #"{"condition": \#(q(c)), "unmapped": []}"# }
    static func window(_ w: String?, from: String?, inferred: Bool = false) -> String {
        #"{"window": \#(w.map(q) ?? "null"), "from": \#(from.map(q) ?? "null"), "inferred": \#(inferred)}"#
    }
    static let noWindow = window(nil, from: nil)
    static func q(_ s: String) -> String {
        let d = try! JSONSerialization.data(withJSONObject: [s])  // test helper on literal input
        let t = String(decoding: d, as: UTF8.self)
        return String(t.dropFirst().dropLast())
    }
}
