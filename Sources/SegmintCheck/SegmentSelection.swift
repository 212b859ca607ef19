import SegmintCore

/// Choosing the one segment a command works on. `compile`, `run`, `explain`, `overlap` and
/// `SQLCompiler.compile` all go through here, so the rule, the code and the words are the same
/// everywhere: the named segment, or the only one when none is named; otherwise an error that
/// lists the segments (cut after ten: "a, b, …, j, … and 19858 more") with did-you-mean.
public enum SegmentSelection {
    /// The one code of a segment that is unknown, or not chosen among several.
    public static let code = "E0501"

    /// `requested` when it names one of `names`; the only name when `requested` is nil and
    /// there is exactly one; otherwise the diagnostic.
    public static func choose(_ requested: String?, among names: [String]) -> Result<String, Diagnostic.Boxed> {
        if let requested {
            return names.contains(requested) ? .success(requested) : .failure(.init(unknown(requested, among: names)))
        }
        if names.count == 1, let only = names.first { return .success(only) }
        if names.isEmpty {
            return .failure(.init(.error(code, "the input declares no segment", at: nil,
                                         help: "add a segment, or pass the files that declare it")))
        }
        return .failure(.init(.error(code, "the input declares \(names.count) segments; choose one with --segment", at: nil,
                                     help: "segments: " + listText(names))))
    }

    /// `no segment named "x"`, with did-you-mean and the list of segments.
    public static func unknown(_ name: String, among names: [String]) -> Diagnostic {
        var help = names.isEmpty ? "the input declares no segment" : "segments: " + listText(names)
        if let near = Suggest.closest(to: name, in: names) { help = "did you mean \"\(near)\"? " + help }
        return .error(code, "no segment named \(JSON.string(name))", at: nil, help: help)
    }
}

extension Diagnostic {
    /// A diagnostic as an `Error`, for `Result`.
    public struct Boxed: Error, Sendable, Equatable {
        public var diagnostic: Diagnostic
        public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
    }
}

extension CheckedProgram {
    /// The segment `requested` names, or the only one (see `SegmentSelection`).
    public func chooseSegment(_ requested: String?) -> Result<CheckedSegment, Diagnostic.Boxed> {
        SegmentSelection.choose(requested, among: segments.map(\.name)).flatMap { name in
            segment(named: name).map { .success($0) } ?? .failure(.init(SegmentSelection.unknown(name, among: segments.map(\.name))))
        }
    }
}
