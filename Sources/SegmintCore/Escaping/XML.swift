/// XML 1.0 text, for SVG and other XML output.
public enum XML {
    /// `s` escaped for element text and for attribute values (either quote): `& < > " '` as
    /// entities (so `]]>` cannot end a CDATA section either); tab, LF and CR as character
    /// references, which a parser keeps (raw ones are normalised: CR LF to LF, and to spaces
    /// in attributes); hidden characters (see `VisibleText`) as character references so the
    /// file shows them. Characters XML 1.0 cannot hold at all (other C0 controls, U+FFFE,
    /// U+FFFF) become U+FFFD, visibly replaced rather than dropped.
    public static func escape(_ s: String) -> String {
        s.replacingScalars { u in
            switch u {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"": return "&quot;"
            case "'": return "&apos;"
            case "\t", "\n", "\r": return "&#x" + u.hex() + ";"
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { return "\u{FFFD}" }
                return VisibleText.isHidden(u) ? "&#x" + u.hex() + ";" : nil
            }
        }
    }
}
