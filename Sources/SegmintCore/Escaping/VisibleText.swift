/// Characters that change how a line displays without showing themselves.
public enum VisibleText {
    /// DEL, C1 controls, zero-width and bidirectional-format characters, the line/paragraph
    /// separators and the BOM (a raw U+202E reorders the displayed line: "Trojan Source").
    public static func isHidden(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x7F, 0x80...0x9F, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// `s` on one line for a person to read: LF, CR and tab as `\n`, `\r`, `\t`, every other
    /// control character and every hidden one as `\u{HEX}` (the escapes of a `.seg` string),
    /// so user text (a key, a description) cannot forge lines, move the cursor or reorder what
    /// is shown. Backslashes are left as they are: this is for display, not for reading back.
    public static func escape(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value < 0x20 || isHidden($0) }) else { return s }
        return s.replacingScalars { u in
            switch u {
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            default: return u.value < 0x20 || isHidden(u) ? "\\u{" + u.hex() + "}" : nil
            }
        }
    }
}
