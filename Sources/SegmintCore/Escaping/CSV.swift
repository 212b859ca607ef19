/// CSV as RFC 4180 writes it: comma-separated fields, records ended by LF.
public enum CSV {
    /// One field: quoted (inner `"` doubled) when it holds a comma, a quote, CR or LF, or any
    /// other control character (checked per scalar: `"\r\n"` is one Character); otherwise as is.
    /// CSV has no escapes, so every character stands for itself inside the quotes.
    public static func field(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0.value < 0x20 || $0.value == 0x7F })
        else { return s }
        return "\"" + s.replacingScalars { $0 == "\"" ? "\"\"" : nil } + "\""
    }

    /// One record and its LF. A record of one empty field is written `""`: a blank line would
    /// be read as no record at all.
    public static func record(_ fields: [String]) -> String {
        if fields.count == 1, fields[0].isEmpty { return "\"\"\n" }
        return fields.map(field).joined(separator: ",") + "\n"
    }
}
