import Foundation
import SegmintCore
import SegmintLLM

/// One stage's prompt file: `prompts/<stage>.prompt`.
///
/// Layout: a header of `key: value` lines (at least `stage:` and `version:`), a line `---`,
/// then the system prompt. The content hash (SHA-256 of the whole file) is computed at load, so
/// an edited prompt with an unchanged version is still told apart in output headers and caches.
public struct Prompt: Sendable, Equatable {
    public var stage: String
    public var version: String
    public var text: String
    /// First 12 hex digits of SHA-256 over the file bytes.
    public var hash: String
    public var path: String

    /// `decompose v1 sha256:0123456789ab`, as written in output headers.
    public var label: String { "\(stage) v\(version) sha256:\(hash)" }
    /// What the LLM layer uses as the prompt's cache identity.
    public var cacheVersion: String { "\(stage)@\(version)#\(hash)" }
}

/// Why a prompt directory could not be used.
public struct PromptError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// The four stage prompts of the pipeline.
public struct PromptSet: Sendable {
    public static let stages = ["decompose", "map", "date", "repair"]
    public var decompose: Prompt
    public var map: Prompt
    public var date: Prompt
    public var repair: Prompt
    public var all: [Prompt] { [decompose, map, date, repair] }

    /// Loads `<directory>/<stage>.prompt` for every stage.
    public static func load(directory: String) throws -> PromptSet {
        var loaded: [String: Prompt] = [:]
        for s in stages {
            let path = (directory as NSString).appendingPathComponent("\(s).prompt")
            let bytes: [UInt8]
            do { bytes = try FileInput.read(path) } catch { throw PromptError(description: "cannot read prompt \(path): \(error)") }
            loaded[s] = try parse(bytes, path: path, expectedStage: s)
        }
        return try assemble(loaded, origin: directory)
    }

    /// The prompts compiled into the binary (generated from `prompts/` by `scripts/gen_prompts.sh`).
    public static func builtin() throws -> PromptSet {
        var loaded: [String: Prompt] = [:]
        for s in stages {
            guard let text = BuiltinPrompts.files[s] else { throw PromptError(description: "the built-in prompts lack \(s)") }
            loaded[s] = try parse(Array(text.utf8), path: "<built-in>/\(s).prompt", expectedStage: s)
        }
        return try assemble(loaded, origin: "<built-in>")
    }

    /// The prompts `ask` uses: `--prompts DIR`, else `$SEGMINT_PROMPTS`, else the built-in copy.
    /// A directory that was asked for but cannot be used is an error, never a silent fallback.
    public static func resolve(directory: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PromptSet {
        if let d = directory { return try load(directory: d) }
        if let e = environment["SEGMINT_PROMPTS"], !e.isEmpty {
            do { return try load(directory: e) } catch { throw PromptError(description: "SEGMINT_PROMPTS: \(error)") }
        }
        return try builtin()
    }

    private static func assemble(_ loaded: [String: Prompt], origin: String) throws -> PromptSet {
        guard let d = loaded["decompose"], let m = loaded["map"], let t = loaded["date"], let r = loaded["repair"] else {
            throw PromptError(description: "prompt directory \(origin) is incomplete")
        }
        return PromptSet(decompose: d, map: m, date: t, repair: r)
    }

    static func parse(_ bytes: [UInt8], path: String, expectedStage: String) throws -> Prompt {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let sep = text.range(of: "\n---\n") else {
            throw PromptError(description: "\(path): missing the `---` line after the header")
        }
        var header: [String: String] = [:]
        for line in text[..<sep.lowerBound].split(separator: "\n") {
            let l = line.trimmingCharacters(in: .whitespaces)
            if l.isEmpty || l.hasPrefix("#") { continue }
            guard let c = l.firstIndex(of: ":") else { throw PromptError(description: "\(path): header line \"\(l)\" is not `key: value`") }
            header[l[..<c].trimmingCharacters(in: .whitespaces)] = l[l.index(after: c)...].trimmingCharacters(in: .whitespaces)
        }
        guard let stage = header["stage"], stage == expectedStage else {
            throw PromptError(description: "\(path): header must say `stage: \(expectedStage)`")
        }
        guard let version = header["version"], !version.isEmpty else {
            throw PromptError(description: "\(path): header has no `version:`")
        }
        return Prompt(stage: stage, version: version, text: String(text[sep.upperBound...]),
                      hash: String(SHA256.hex(bytes).prefix(12)), path: path)
    }

    /// `--prompts DIR` or `$SEGMINT_PROMPTS` when set (for tools that need a directory), else nil:
    /// the built-in prompts are the default.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        environment["SEGMINT_PROMPTS"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
