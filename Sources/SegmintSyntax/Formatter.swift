import SegmintCore

/// `segmint fmt`: prints an AST in the one canonical layout, putting comments back.
public enum Formatter {
    /// Formats a file that parsed without errors. `source` supplies the comments' positions.
    public static func format(_ file: SegFile, source: SourceFile) -> String {
        // TODO(#2): stub until the formatter lands.
        String(decoding: source.bytes, as: UTF8.self)
    }
}
