import Foundation
import SegmintCore

/// What a golden case expects the `ask` pipeline to do with its request.
public enum EvalExpectation: String, Codable, Sendable, CaseIterable {
    /// A checked segment (exit 0) whose meaning matches `reference.seg`.
    case segment
    /// Clarification questions (exit 3) covering the case's `clarify` spans.
    case clarify
    /// Not a segment at all (exit 4): out of scope or a request to change data; no SQL.
    case refuse
    /// The catalog cannot express it (exit 1), listing the words it could not map.
    case ungrounded
}

/// A clarification the case expects: verbatim request text and the kind of question.
public struct EvalExpectedQuestion: Codable, Sendable, Equatable {
    public var span: String
    /// `window` (a time word without a window) or `number` (a threshold not given).
    public var kind: String
    public init(span: String, kind: String) { self.span = span; self.kind = kind }
}

/// One golden case as stored under `cases/<id>/`.
public struct EvalCase: Sendable, Equatable {
    public var id: String
    public var directory: String
    public var request: String
    public var expect: EvalExpectation
    /// Other outcomes that are also safe (e.g. `refuse` for a prompt-injection case).
    public var acceptable: [EvalExpectation]
    public var tags: [String]
    public var note: String
    public var clarify: [EvalExpectedQuestion]
    /// Span → answer, for the clarification round trip.
    public var answers: [String: String]
    public var unmapped: [String]
    /// `reference.seg` text (expect = segment).
    public var reference: String?
    /// `answered.seg` text: the reference once `answers` are given.
    public var answered: String?
    /// Path of `cassette.json` when the case has one.
    public var cassettePath: String?

    public init(id: String, directory: String = "", request: String, expect: EvalExpectation,
                acceptable: [EvalExpectation] = [], tags: [String] = [], note: String = "",
                clarify: [EvalExpectedQuestion] = [], answers: [String: String] = [:], unmapped: [String] = [],
                reference: String? = nil, answered: String? = nil, cassettePath: String? = nil) {
        self.id = id; self.directory = directory; self.request = request; self.expect = expect
        self.acceptable = acceptable; self.tags = tags; self.note = note; self.clarify = clarify
        self.answers = answers; self.unmapped = unmapped; self.reference = reference
        self.answered = answered; self.cassettePath = cassettePath
    }

    /// Whether an outcome of this kind counts as correct for the case.
    public func accepts(_ kind: EvalExpectation) -> Bool { kind == expect || acceptable.contains(kind) }
}

/// `suite.json`: the settings shared by every case of a golden set.
public struct EvalSuiteSettings: Codable, Sendable, Equatable {
    /// Catalog path, relative to the suite directory.
    public var catalog: String
    /// The as-of date (`YYYY-MM-DD`) passed to the pipeline and the compiler.
    public var asOf: String
    public var demo: Demo
    /// Optional: the report of the first run on this suite, before any translator work for its
    /// catalog (relative to the suite directory); its accuracy is shown beside the current one.
    public var transfer: String?

    public struct Demo: Codable, Sendable, Equatable {
        public var customers: Int
        public var seed: UInt64
        public init(customers: Int, seed: UInt64) { self.customers = customers; self.seed = seed }
    }

    enum CodingKeys: String, CodingKey { case catalog, asOf = "as_of", demo, transfer }

    public init(catalog: String, asOf: String, demo: Demo, transfer: String? = nil) {
        self.catalog = catalog; self.asOf = asOf; self.demo = demo; self.transfer = transfer
    }
}

/// A loaded golden set: its settings and cases in directory order.
public struct EvalSuite: Sendable {
    public var directory: String
    public var settings: EvalSuiteSettings
    public var asOf: CivilDate
    public var cases: [EvalCase]

    /// The catalog path resolved against the suite directory.
    public var catalogPath: String {
        settings.catalog.hasPrefix("/") ? settings.catalog : directory + "/" + settings.catalog
    }

    /// The first-run report's path resolved against the suite directory, when there is one.
    public var transferPath: String? {
        settings.transfer.map { $0.hasPrefix("/") ? $0 : directory + "/" + $0 }
    }
}

/// A problem with the golden set itself (a missing file, bad JSON), with the file it is in.
public struct EvalSuiteError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Reads `suite.json` and every `cases/<id>/` directory.
public enum EvalSuiteLoader {
    /// The raw form of `case.json`; validated into `EvalCase`.
    struct RawCase: Decodable {
        var expect: String
        var tags: [String]?
        var note: String?
        var clarify: [EvalExpectedQuestion]?
        var answers: [String: String]?
        var acceptable: [String]?
        var unmapped: [String]?
    }

    public static func load(directory: String) throws -> EvalSuite {
        let dir = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        let settingsPath = dir + "/suite.json"
        let settings = try decodeJSON(EvalSuiteSettings.self, at: settingsPath, what: "suite settings")
        guard let asOf = CivilDate(iso: settings.asOf) else {
            throw EvalSuiteError("\(settingsPath): as_of \"\(settings.asOf)\" is not a valid YYYY-MM-DD date")
        }
        let casesDir = dir + "/cases"
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: casesDir).filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            throw EvalSuiteError("cannot list \(casesDir): \(error.localizedDescription)")
        }
        var cases: [EvalCase] = []
        for name in names {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: casesDir + "/" + name, isDirectory: &isDir), isDir.boolValue else { continue }
            cases.append(try loadCase(id: name, directory: casesDir + "/" + name))
        }
        if cases.isEmpty { throw EvalSuiteError("\(casesDir): no cases") }
        return EvalSuite(directory: dir, settings: settings, asOf: asOf, cases: cases)
    }

    public static func loadCase(id: String, directory: String) throws -> EvalCase {
        let requestText = try readText(directory + "/request.txt")
        // One final newline is the file's, not the request's.
        let request = requestText.hasSuffix("\n") ? String(requestText.dropLast()) : requestText
        if request.isEmpty { throw EvalSuiteError("\(directory)/request.txt: empty request") }
        let metaPath = directory + "/case.json"
        let raw = try decodeJSON(RawCase.self, at: metaPath, what: "case")
        func kind(_ s: String) throws -> EvalExpectation {
            guard let k = EvalExpectation(rawValue: s) else {
                let known = EvalExpectation.allCases.map(\.rawValue).joined(separator: ", ")
                throw EvalSuiteError("\(metaPath): unknown outcome \"\(s)\" (expected one of \(known))")
            }
            return k
        }
        let expect = try kind(raw.expect)
        let acceptable = try (raw.acceptable ?? []).map(kind)
        let referencePath = directory + "/reference.seg"
        let answeredPath = directory + "/answered.seg"
        let reference = FileManager.default.fileExists(atPath: referencePath) ? try readText(referencePath) : nil
        let answered = FileManager.default.fileExists(atPath: answeredPath) ? try readText(answeredPath) : nil
        if expect == .segment && reference == nil {
            throw EvalSuiteError("\(directory): a segment case needs reference.seg")
        }
        if expect == .clarify && (raw.clarify ?? []).isEmpty {
            throw EvalSuiteError("\(metaPath): a clarify case needs at least one expected question in \"clarify\"")
        }
        if answered != nil && (raw.answers ?? [:]).isEmpty {
            throw EvalSuiteError("\(directory): answered.seg needs \"answers\" in case.json")
        }
        for q in raw.clarify ?? [] where !request.contains(q.span) {
            throw EvalSuiteError("\(metaPath): clarify span \"\(q.span)\" is not verbatim in the request")
        }
        let cassette = directory + "/cassette.json"
        return EvalCase(
            id: id, directory: directory, request: request, expect: expect, acceptable: acceptable,
            tags: raw.tags ?? [], note: raw.note ?? "", clarify: raw.clarify ?? [], answers: raw.answers ?? [:],
            unmapped: raw.unmapped ?? [], reference: reference, answered: answered,
            cassettePath: FileManager.default.fileExists(atPath: cassette) ? cassette : nil)
    }

    static func readText(_ path: String) throws -> String {
        let bytes: [UInt8]
        do { bytes = try FileInput.read(path) } catch { throw EvalSuiteError("\(error)") }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw EvalSuiteError("\(path): not valid UTF-8")
        }
        return text
    }

    /// The JSON file at `path` as `T`; an unreadable file or invalid JSON is a one-line error
    /// naming the file ("invalid `what`: missing key …").
    static func decodeJSON<T: Decodable>(_ type: T.Type, at path: String, what: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(try FileInput.read(path)))
        } catch let e as FileInput.ReadError {
            throw EvalSuiteError(e.description)
        } catch {
            throw EvalSuiteError("\(path): invalid \(what): \(describe(error))")
        }
    }

    /// A one-line reason for a JSON decoding failure (Foundation's own text is multi-line).
    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing key \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            return "wrong type at \"\(c.codingPath.map(\.stringValue).joined(separator: "."))\""
        case DecodingError.dataCorrupted(let c):
            return c.codingPath.isEmpty ? "not valid JSON" : "bad value at \"\(c.codingPath.map(\.stringValue).joined(separator: "."))\""
        default: return "\(error)"
        }
    }
}
