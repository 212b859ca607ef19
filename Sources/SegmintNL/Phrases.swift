import SegmintCore

/// Numbers as users write them: digits (with `,` separators or a decimal point) or small words.
enum NumberWords {
    static let words: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
        "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100,
    ]
    /// A whole number ≥ 0 from digits or a number word.
    static func value(_ w: String) -> Int? {
        let s = w.lowercased().replacingOccurrences(of: ",", with: "")
        if let n = Int(s), n >= 0 { return n }
        return words[s]
    }
    /// Canonical decimal text (`1,000` → `1000`, `12.50` stays), or nil.
    static func decimal(_ w: String) -> String? {
        let s = w.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "$", with: "")
        guard !s.isEmpty else { return nil }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            if let n = words[s.lowercased()], s.lowercased() != "a", s.lowercased() != "an" { return String(n) }
            return nil
        }
        return s
    }
}

/// Unit words of time windows.
enum TimeUnitWords {
    /// `day`/`days`/`week`… → the singular unit keyword.
    static func unit(_ w: String) -> String? {
        switch w.lowercased() {
        case "day", "days": return "day"
        case "week", "weeks": return "week"
        case "month", "months": return "month"
        case "year", "years": return "year"
        case "quarter", "quarters": return nil
        default: return nil
        }
    }
}

/// A comparison the user wrote in words, e.g. "over 500", "at least 3", "between 25 and 40".
struct Comparison: Equatable {
    var op: String
    var numbers: [String]
    /// The test as `.seg` text after the subject: `> 500`, `between 25 and 40`.
    var text: String { op == "between" ? "between \(numbers[0]) and \(numbers[1])" : "\(op) \(numbers[0])" }

    static let prefixes: [([String], String)] = [
        (["more", "than"], ">"), (["greater", "than"], ">"), (["higher", "than"], ">"), (["over"], ">"),
        (["above"], ">"), (["exceeding"], ">"), (["older", "than"], ">"), (["bigger", "than"], ">"),
        (["at", "least"], ">="), (["no", "less", "than"], ">="), (["minimum", "of"], ">="), (["min"], ">="),
        (["less", "than"], "<"), (["fewer", "than"], "<"), (["lower", "than"], "<"), (["under"], "<"),
        (["below"], "<"), (["younger", "than"], "<"), (["smaller", "than"], "<"),
        (["at", "most"], "<="), (["no", "more", "than"], "<="), (["up", "to"], "<="), (["maximum", "of"], "<="),
        (["exactly"], "="), (["equal", "to"], "="),
    ]

    /// Matches a comparison at `i` (advancing it past the words used), or returns nil leaving `i`.
    static func match(_ w: [Word], at i: inout Int) -> Comparison? {
        func low(_ k: Int) -> String? { k < w.count ? w[k].text.lowercased() : nil }
        // "between 25 and 40"
        if low(i) == "between", let a = num(low(i + 1)), low(i + 2) == "and", let b = num(low(i + 3)) {
            i += 4
            return Comparison(op: "between", numbers: [a, b])
        }
        // "25 to 40" / "25-40" handled by callers that know the subject; "3 or more", "3+"
        if let n = num(low(i)), low(i + 1) == "or", let m = low(i + 2) {
            if ["more", "greater", "higher", "above", "over"].contains(m) { i += 3; return Comparison(op: ">=", numbers: [n]) }
            if ["less", "fewer", "lower", "below", "under"].contains(m) { i += 3; return Comparison(op: "<=", numbers: [n]) }
        }
        for (words, op) in prefixes {
            guard i + words.count < w.count else { continue }
            var ok = true
            for (k, x) in words.enumerated() where low(i + k) != x { ok = false; break }
            guard ok, let n = num(low(i + words.count)) else { continue }
            i += words.count + 1
            return Comparison(op: op, numbers: [n])
        }
        return nil
    }

    static func num(_ w: String?) -> String? {
        guard let w else { return nil }
        if let n = NumberWords.decimal(w) { return n }
        return nil
    }
}

/// US state names, so "California" finds the catalog value `CA`. Used only for a facet whose
/// enumerated values include the state's code; the catalog stays the authority on values.
enum StateNames {
    static let codes: [String: String] = [
        "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
        "colorado": "CO", "connecticut": "CT", "delaware": "DE", "florida": "FL", "georgia": "GA",
        "hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS",
        "kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD", "massachusetts": "MA",
        "michigan": "MI", "minnesota": "MN", "mississippi": "MS", "missouri": "MO", "montana": "MT",
        "nebraska": "NE", "nevada": "NV", "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM",
        "new york": "NY", "north carolina": "NC", "north dakota": "ND", "ohio": "OH", "oklahoma": "OK",
        "oregon": "OR", "pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC",
        "south dakota": "SD", "tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT",
        "virginia": "VA", "washington": "WA", "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY",
        "district of columbia": "DC", "californian": "CA", "texan": "TX", "new yorker": "NY",
    ]
}

extension StateNames {
    /// Code → names ("CA" → ["california", "californian"]).
    static let byCode: [String: [String]] = {
        var m: [String: [String]] = [:]
        for (n, c) in codes.sorted(by: { $0.key < $1.key }) { m[c, default: []].append(n) }
        return m
    }()
}

/// Month names for "since March 2025".
enum MonthNames {
    static let numbers: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
        "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
}

import Foundation
