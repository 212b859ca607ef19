import Foundation
import SegmintCore
import SegmintCatalog
import SegmintNL

/// Replays a case's cassette as the pipeline's LLM: every stage call is answered from the file.
struct CassetteStageModel: StageModel {
    let player: EvalCassettePlayer
    func complete(_ call: StageCall) async throws -> StageReply {
        let r = try player.replay(stage: call.stage, promptVersion: call.promptVersion, system: call.system, user: call.user)
        return StageReply(text: r.text, model: r.model)
    }
}

/// The model the translator's one session talks to: the current case's cassette player or the
/// live model. One session for the whole run keeps its retrieval index (built once per catalog),
/// so latency measures the request, not index construction. Cases run one at a time.
final class CurrentStageModel: StageModel, @unchecked Sendable {
    private let lock = NSLock()
    private var current: StageModel?
    func set(_ m: StageModel?) { lock.withLock { current = m } }
    func complete(_ call: StageCall) async throws -> StageReply {
        guard let m = lock.withLock({ current }) else { throw EvalSuiteError("no model for this case") }
        return try await m.complete(call)
    }
}

/// A live model that counts its calls and, for `--record`, keeps them for the cassette.
final class RecordingStageModel: StageModel, @unchecked Sendable {
    let base: StageModel
    let recorder: EvalCassetteRecorder?
    private let lock = NSLock()
    private var _calls = 0
    init(base: StageModel, recorder: EvalCassetteRecorder?) { self.base = base; self.recorder = recorder }

    func complete(_ call: StageCall) async throws -> StageReply {
        lock.withLock { _calls += 1 }
        let reply = try await base.complete(call)
        recorder?.record(stage: call.stage, promptVersion: call.promptVersion, system: call.system, user: call.user,
                         response: .init(text: reply.text, model: reply.model))
        return reply
    }
    var calls: Int { lock.withLock { _calls } }
}

/// Runs `segmint ask`'s session (`AskSession`, the same code path as the CLI) for each case:
/// on cassettes, live (optionally recording), or with the offline translator. Memory is off so
/// no case sees another's answers.
final class AskTranslator: EvalTranslator, @unchecked Sendable {
    enum Mode { case cassette, live(StageModel), offline }
    let name: String
    let mode: Mode
    let catalog: Catalog
    let prompts: PromptSet?
    let record: Bool
    let force: Bool
    /// Per case: the player or recorder shared by the first round and the answered round, so a
    /// stage call repeated with answers is the next attempt of the same (stage, span).
    private var players: [String: EvalCassettePlayer] = [:]
    private var recorders: [String: EvalCassetteRecorder] = [:]
    private let lock = NSLock()
    private let current = CurrentStageModel()
    private let session: AskSession

    init(name: String, mode: Mode, catalog: Catalog, prompts: PromptSet?, record: Bool = false, force: Bool = false) {
        self.name = name; self.mode = mode; self.catalog = catalog; self.prompts = prompts
        self.record = record; self.force = force
        if case .offline = mode {
            session = AskSession(model: nil, prompts: nil, memory: nil)
        } else {
            session = AskSession(model: current, prompts: prompts, memory: nil)
        }
    }

    var llmLabel: String {
        switch mode {
        case .cassette: return "cassette"
        case .live: return record ? "live (recording)" : "live"
        case .offline: return "none"
        }
    }

    func canRun(_ c: EvalCase) -> Bool {
        if case .cassette = mode { return c.cassettePath != nil }
        return true
    }

    func translate(_ c: EvalCase, answers: [String: String], asOf: CivilDate) async -> EvalAttempt {
        let model: StageModel?
        var player: EvalCassettePlayer?
        var recording: RecordingStageModel?
        switch mode {
        case .offline:
            model = nil
        case .cassette:
            do {
                player = try lock.withLock {
                    if let p = players[c.id] { return p }
                    guard let path = c.cassettePath else { throw EvalSuiteError("no cassette") }
                    let p = EvalCassettePlayer(try EvalCassette.load(path: path))
                    players[c.id] = p
                    return p
                }
            } catch {
                return EvalAttempt(outcome: .failure("\(error)"))
            }
            model = player.map { CassetteStageModel(player: $0) }
        case .live(let base):
            var recorder: EvalCassetteRecorder?
            if record {
                let path = cassettePath(c)
                if answers.isEmpty && !force && FileManager.default.fileExists(atPath: path) {
                    return EvalAttempt(outcome: .failure("\(path) exists; pass --force to overwrite a recorded cassette"))
                }
                recorder = lock.withLock {
                    if answers.isEmpty || recorders[c.id] == nil { recorders[c.id] = EvalCassetteRecorder() }
                    return recorders[c.id]
                }
            }
            let m = RecordingStageModel(base: base, recorder: recorder)
            recording = m
            model = m
        }
        let before = player?.calls ?? 0
        let staleBefore = player?.stale ?? 0
        current.set(model)
        defer { current.set(nil) }
        var request = AskRequest(text: c.request, catalog: catalog, offline: model == nil, answers: answers)
        request.tenant = "eval"
        request.asOf = asOf
        let out = await session.run(request)
        let calls = (player.map { $0.calls - before }) ?? recording?.calls ?? 0
        if model != nil && (out.usedOfflineTranslator || out.exitCode == 2) {
            // A failed model (a cassette miss, a dead provider) ends the ask with exit 2; it is a
            // failure of the run, never scored as the pipeline's answer, and records nothing.
            let why = out.messages.first { $0.hasPrefix("error:") || $0.hasPrefix("notice:") } ?? "the LLM failed"
            return EvalAttempt(outcome: .failure("the LLM could not answer: \(why)"), llmCalls: calls)
        }
        // Only a run that the model answered becomes a cassette (a failed provider records nothing).
        if record, let rec = lock.withLock({ recorders[c.id] }) {
            // The overwrite check ran before the first round; this case's own rounds may replace it.
            do { try rec.cassette(note: "recorded by segmint eval --record").save(path: cassettePath(c), force: true) } catch {
                return EvalAttempt(outcome: .failure("cannot save cassette: \(error)"), llmCalls: calls)
            }
        }
        var notes: [String] = []
        if let p = player, p.stale > staleBefore {
            notes.append("\(p.stale - staleBefore) replay(s) answered a request that changed since recording (prompt edited?); re-record")
        }
        return EvalAttempt(outcome: AskTranslator.outcome(out), llmCalls: calls, notes: notes)
    }

    /// Where `--record` writes a case's cassette.
    func cassettePath(_ c: EvalCase) -> String { c.directory + "/cassette.json" }

    /// The ask outcome in the eval's terms, by `segmint ask`'s exit-code contract.
    static func outcome(_ out: AskOutcome) -> EvalOutcome {
        let message = out.messages.joined(separator: "\n")
        switch out.exitCode {
        case 0: return out.seg.map { .segment($0) } ?? .failure("exit 0 without a segment")
        case 3: return .clarify(questions(out.questionsJSON ?? ""))
        case 4: return .refuse(reason: message)
        case 1: return .ungrounded(words: unmappedWords(message), message: message)
        default: return .failure("exit \(out.exitCode): \(message)")
        }
    }

    /// `{"questions": [{"key", "kind", "span", …}]}` → questions (malformed items are skipped).
    static func questions(_ json: String) -> [EvalQuestion] {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let items = obj["questions"] as? [[String: Any]] else { return [] }
        return items.map { q in
            EvalQuestion(key: q["key"] as? String ?? "", span: q["span"] as? String ?? "", kind: q["kind"] as? String ?? "")
        }
    }

    /// The quoted words of a `could not map: "a", "b"` line.
    static func unmappedWords(_ message: String) -> [String] {
        guard let line = message.split(separator: "\n").first(where: { $0.hasPrefix("could not map: ") }) else { return [] }
        return line.dropFirst("could not map: ".count).split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
}
