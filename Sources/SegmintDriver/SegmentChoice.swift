import SegmintCore
import SegmintStore

/// The segment a command acts on (`compile`, `run`, `explain`): the one `--segment` names (it
/// must exist), else the only segment of the input. One code (E1007) and one wording for all;
/// the list of names in the help stops after ten ("… and N more").
enum SegmentChoice {
    enum Pick { case success(String), failure(Diagnostic) }

    static func pick(_ requested: String?, among names: [String]) -> Pick {
        func fail(_ message: String, help: String?) -> Pick {
            .failure(.error(DatabaseCode.segmentChoice, message, at: nil, help: help))
        }
        if let requested {
            if names.contains(requested) { return .success(requested) }
            let help = Suggest.closest(to: requested, in: names).map { "did you mean \"\($0)\"?" }
                ?? (names.isEmpty ? "the input declares no segments" : "segments: \(listText(names))")
            return fail("no segment named \"\(requested)\" in the input", help: help)
        }
        if names.count == 1, let only = names.first { return .success(only) }
        if names.isEmpty { return fail("the input declares no segments", help: "add a segment, or pass the files that declare it") }
        return fail("the input declares \(names.count) segments; choose one with --segment", help: "segments: \(listText(names))")
    }
}
