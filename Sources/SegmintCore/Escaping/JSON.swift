/// JSON text for deterministic output (keys in the order written), RFC 8259.
public enum JSON {
    /// A JSON string literal denoting exactly `s`. Beyond what RFC 8259 requires (`"`, `\`,
    /// U+0000–U+001F), it escapes DEL, the C1 controls, U+2028/U+2029 (line breaks to
    /// JavaScript before ES2019), the bidirectional-format controls and the BOM, so the text
    /// stays on one line and shows what it holds when a person reads it in a terminal; a
    /// JSON reader gets the same string back either way. Swift strings hold only Unicode
    /// scalars, so lone surrogates cannot occur (invalid UTF-8 was replaced when decoded).
    public static func string(_ s: String) -> String {
        "\"" + s.replacingScalars { u in
            switch u {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            default: return u.value < 0x20 || VisibleText.isHidden(u) ? "\\u" + u.hex(4, uppercase: false) : nil
            }
        } + "\""
    }
}
