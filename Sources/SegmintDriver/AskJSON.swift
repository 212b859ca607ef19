import SegmintCore

/// `segmint ask --format json` when the answer is not a list of questions (exit 3 prints the
/// questions' own JSON in either format):
/// `{"status", "segment", "sql", "out", "messages"}`. `status` is `ok` (exit 0), `not_grounded`
/// (1), `error` (2) or `refused` (4); `segment` is the checked `.seg` text (also when written to
/// `out`), `sql` present with `--sql`, `messages` the notices the human form prints on stderr.
func askJSON(exitCode: Int32, seg: String?, sql: String?, out: String?, messages: [String]) -> String {
    let status: String
    switch exitCode {
    case 0: status = "ok"
    case 1: status = "not_grounded"
    case 4: status = "refused"
    default: status = "error"
    }
    let fields = [
        ("status", JSON.string(status)),
        ("segment", seg.map(JSON.string) ?? "null"),
        ("sql", sql.map(JSON.string) ?? "null"),
        ("out", out.map(JSON.string) ?? "null"),
        ("messages", "[" + messages.map(JSON.string).joined(separator: ", ") + "]"),
    ]
    return "{\n" + fields.map { "  \(JSON.string($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n}\n"
}
