import SegmintCore
import SegmintSyntax

extension AnalysisHost {
    /// The formatter's output as edits: one edit replacing the part that differs (the common
    /// start and end are kept, so the cursor and folds of an already tidy file stay put).
    /// Fails when the document has syntax errors: `fmt` never rewrites such a file.
    public func format(_ uri: String) -> Result<[TextEdit], IDEError> {
        guard let doc = document(uri) else { return .failure(IDEError(message: "unknown document \(uri)")) }
        guard doc.isAnalysable, !doc.parsed.diagnostics.hasErrors else {
            return .failure(IDEError(message: doc.isAnalysable ? "not formatted: the file has syntax errors" : "not formatted: the file is not analysable text (see its diagnostics)"))
        }
        let formatted = Array(Formatter.format(doc.parsed.file, source: doc.source).utf8)
        return .success(Self.minimalEdit(from: doc.bytes, to: formatted).map { [$0] } ?? [])
    }

    /// One edit turning `old` into `new`, or nil when they are equal. Cuts only between whole
    /// UTF-8 characters (never inside a multi-byte sequence).
    static func minimalEdit(from old: [UInt8], to new: [UInt8]) -> TextEdit? {
        if old == new { return nil }
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        while prefix > 0, prefix < old.count, old[prefix] & 0xC0 == 0x80 { prefix -= 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        while suffix > 0, old.count - suffix < old.count, old[old.count - suffix] & 0xC0 == 0x80 { suffix -= 1 }
        let text = String(decoding: new[prefix..<(new.count - suffix)], as: UTF8.self)
        return TextEdit(start: prefix, end: old.count - suffix, newText: text)
    }
}
