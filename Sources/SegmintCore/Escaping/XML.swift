/// XML 1.0 text, for SVG and other XML output.
public enum XML {
    /// `s` escaped for element text and for attribute values (either quote): `& < > " '` as
    /// entities (so `]]>` cannot end a CDATA section either); tab, LF and CR as character
    /// references, which a parser keeps (raw ones are normalised: CR LF to LF, and to spaces
    /// in attributes); hidden characters (see `VisibleText`) as character references so the
    /// file shows them. Characters XML 1.0 cannot hold at all (other C0 controls, U+FFFE,
    /// U+FFFF) become U+FFFD, visibly replaced rather than dropped.
    public static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += reference(u)
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else if VisibleText.isHidden(u) {
                    out += reference(u)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    static func reference(_ u: Unicode.Scalar) -> String { "&#x" + String(u.value, radix: 16, uppercase: true) + ";" }
}
