/// `file://` URIs and paths (RFC 8089). Editors send URIs; files on disk are read by path.
public enum DocumentURI {
    /// The path of a `file:` URI (percent-escapes decoded); nil for other schemes.
    public static func path(of uri: String) -> String? {
        guard uri.hasPrefix("file://") else { return nil }
        var rest = Substring(uri.dropFirst("file://".count))
        // `file://host/path`: only the local host (empty or "localhost") names a file here.
        if !rest.hasPrefix("/") {
            guard let slash = rest.firstIndex(of: "/"), rest[..<slash] == "localhost" else { return nil }
            rest = rest[slash...]
        }
        return percentDecoded(rest)
    }

    /// The `file://` URI of an absolute path, escaping what RFC 3986 does not allow in a path.
    public static func uri(ofPath path: String) -> String {
        var out = "file://"
        for b in path.utf8 {
            if isUnreserved(b) || b == 0x2F { out.unicodeScalars.append(Unicode.Scalar(b)) } else {
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }

    /// The same file whatever escapes an editor chose (`%3A` or `:`), for comparing URIs.
    public static func normalized(_ uri: String) -> String {
        path(of: uri).map(DocumentURI.uri(ofPath:)) ?? uri
    }

    static func isUnreserved(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
            || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E
    }

    static func percentDecoded(_ s: Substring) -> String? {
        var bytes: [UInt8] = []
        var it = Array(s.utf8)[...]
        while let b = it.popFirst() {
            if b == 0x25 {
                guard it.count >= 2, let hi = hex(it[it.startIndex]), let lo = hex(it[it.startIndex + 1]) else { return nil }
                bytes.append(hi << 4 | lo)
                it = it.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
