import Foundation
import SegmintCore
import SegmintLLM

/// The LLM responses of one golden case, replayed so the eval runs offline and deterministically.
///
/// `cassette.json`:
/// ```json
/// {"format": "segmint-cassette/1", "provenance": "scripted",
///  "note": "…", "interactions": [
///    {"stage": "decompose", "span": null, "attempt": 1, "response": {"text": "{…}", "model": "…"}},
///    {"stage": "map", "span": "bought outdoor gear", "attempt": 1, "response": {…}}]}
/// ```
/// An interaction is found by (stage, span, attempt): `span` is the `"span"` field of the stage's
/// JSON user message (nil when it has none, as for decompose), and `attempt` counts calls with
/// the same stage and span (a retry or repair is attempt 2). Stages for different spans run in
/// parallel, so call order cannot be the key; within one (stage, span) calls are sequential.
/// Recorded interactions also keep `request_sha256` (of stage, prompt version, system prompt and
/// user message) and the full `user` message: a replay whose request differs from the recording
/// (a prompt was edited since) still answers, and is counted as stale so the report says so.
/// `provenance` is `recorded` (from `--record` against a real provider) or `scripted` (written by
/// hand in the provider protocol, not a model's output); the report keeps them apart.
public struct EvalCassette: Codable, Sendable, Equatable {
    public static let formatName = "segmint-cassette/1"
    public var format: String
    public var provenance: String
    public var note: String?
    public var interactions: [Interaction]

    public struct Interaction: Codable, Sendable, Equatable {
        public var stage: String
        public var span: String?
        public var attempt: Int
        public var requestSHA256: String?
        public var user: String?
        public var response: Response

        enum CodingKeys: String, CodingKey {
            case stage, span, attempt, requestSHA256 = "request_sha256", user, response
        }

        public init(stage: String, span: String?, attempt: Int, requestSHA256: String? = nil, user: String? = nil, response: Response) {
            self.stage = stage; self.span = span; self.attempt = attempt
            self.requestSHA256 = requestSHA256; self.user = user; self.response = response
        }
    }

    public struct Response: Codable, Sendable, Equatable {
        public var text: String
        public var model: String
        public init(text: String, model: String) { self.text = text; self.model = model }
    }

    public init(provenance: String, note: String? = nil, interactions: [Interaction]) {
        self.format = EvalCassette.formatName; self.provenance = provenance; self.note = note
        self.interactions = interactions
    }

    public static func load(path: String) throws -> EvalCassette {
        let bytes: [UInt8]
        do { bytes = try FileInput.read(path) } catch { throw EvalSuiteError("\(error)") }
        let c: EvalCassette
        do { c = try JSONDecoder().decode(EvalCassette.self, from: Data(bytes)) } catch {
            throw EvalSuiteError("\(path): not a cassette: \(EvalSuiteLoader.describe(error))")
        }
        guard c.format == formatName else { throw EvalSuiteError("\(path): cassette format \"\(c.format)\" is not \(formatName)") }
        return c
    }

    public func json() throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(self), as: UTF8.self) + "\n"
    }

    /// Writes the cassette atomically. An existing file is replaced only with `force`.
    public func save(path: String, force: Bool) throws {
        if !force && FileManager.default.fileExists(atPath: path) {
            throw EvalSuiteError("\(path) exists; pass --force to overwrite a recorded cassette")
        }
        do { try AtomicFile.write(try json(), to: path) } catch let e as AtomicFile.WriteError {
            throw EvalSuiteError(e.description)
        }
    }

    /// The `"span"` field of a stage's JSON user message, or nil.
    public static func span(ofUserMessage user: String) -> String? {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(user.utf8)) as? [String: Any] else { return nil }
        return obj["span"] as? String
    }

    /// SHA-256 (hex) identifying one request exactly.
    public static func requestHash(stage: String, promptVersion: String, system: String, user: String) -> String {
        SHA256.hex(Array("\(stage)\n\(promptVersion)\n\(system)\n\(user)".utf8))
    }
}

/// Replays one cassette. Thread-safe: stages call it concurrently.
public final class EvalCassettePlayer: @unchecked Sendable {
    public let cassette: EvalCassette
    private let lock = NSLock()
    private var attempts: [String: Int] = [:]
    private var _calls = 0
    private var _stale = 0

    public init(_ cassette: EvalCassette) { self.cassette = cassette }

    /// Why a replay could not answer: the pipeline asked something the cassette does not hold.
    public struct Miss: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The recorded response for this call, or a `Miss`.
    public func replay(stage: String, promptVersion: String, system: String, user: String) throws -> EvalCassette.Response {
        let span = EvalCassette.span(ofUserMessage: user)
        let key = stage + "\u{0}" + (span ?? "")
        lock.lock()
        let attempt = (attempts[key] ?? 0) + 1
        attempts[key] = attempt
        _calls += 1
        lock.unlock()
        guard let hit = cassette.interactions.first(where: { $0.stage == stage && $0.span == span && $0.attempt == attempt }) else {
            let where_ = span.map { " for span \(JSON.string($0))" } ?? ""
            throw Miss(description: "cassette has no \(stage) response\(where_) (attempt \(attempt)); re-record with --record")
        }
        if let recorded = hit.requestSHA256,
           recorded != EvalCassette.requestHash(stage: stage, promptVersion: promptVersion, system: system, user: user) {
            lock.lock(); _stale += 1; lock.unlock()
        }
        return hit.response
    }

    /// Calls answered or missed so far.
    public var calls: Int { lock.lock(); defer { lock.unlock() }; return _calls }
    /// Replays whose request differs from the recorded one (prompt or pipeline changed since).
    public var stale: Int { lock.lock(); defer { lock.unlock() }; return _stale }
}

/// Collects a live run's calls into a cassette (`--record`). Thread-safe.
public final class EvalCassetteRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var attempts: [String: Int] = [:]
    private var interactions: [EvalCassette.Interaction] = []

    public init() {}

    public func record(stage: String, promptVersion: String, system: String, user: String, response: EvalCassette.Response) {
        let span = EvalCassette.span(ofUserMessage: user)
        let key = stage + "\u{0}" + (span ?? "")
        let hash = EvalCassette.requestHash(stage: stage, promptVersion: promptVersion, system: system, user: user)
        lock.lock(); defer { lock.unlock() }
        let attempt = (attempts[key] ?? 0) + 1
        attempts[key] = attempt
        interactions.append(.init(stage: stage, span: span, attempt: attempt, requestSHA256: hash, user: user, response: response))
    }

    /// The cassette, interactions in a stable order (stage, span, attempt) whatever order the
    /// parallel stages finished in.
    public func cassette(note: String? = nil) -> EvalCassette {
        lock.lock(); defer { lock.unlock() }
        let sorted = interactions.sorted { a, b in
            (a.stage, a.span ?? "", a.attempt) < (b.stage, b.span ?? "", b.attempt)
        }
        return EvalCassette(provenance: "recorded", note: note, interactions: sorted)
    }
}
