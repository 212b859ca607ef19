extension String {
    /// `self` with every Unicode scalar that `replacement` maps to a string written as that
    /// string, the others kept: the one loop behind each output language's escaping (JSON, XML,
    /// CSV, display text, `.seg` and SQL string literals), which differ only in the map.
    /// Scalars, not Characters: a quote followed by a combining mark is one Character but
    /// still a quote to every reader.
    public func replacingScalars(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for u in unicodeScalars {
            if let r = replacement(u) { out += r } else { out.unicodeScalars.append(u) }
        }
        return out
    }
}

extension Unicode.Scalar {
    /// The scalar's value in hexadecimal, at least `digits` wide: `hex(4)` of U+1 is `0001`.
    public func hex(_ digits: Int = 1, uppercase: Bool = true) -> String {
        let h = String(value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, digits - h.count)) + h
    }
}
