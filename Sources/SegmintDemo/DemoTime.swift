import SegmintCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fast text for dates and timestamps in the storage convention (`YYYY-MM-DD`,
/// `YYYY-MM-DD HH:MM:SS`); the demo writes millions of them.
struct DemoTime {
    private var cache: [Int: [UInt8]] = [:]

    mutating func dateBytes(_ day: Int) -> [UInt8] {
        if let b = cache[day] { return b }
        let b = Array((CivilDate(daysSinceEpoch: day)?.description ?? "1970-01-01").utf8)
        cache[day] = b
        return b
    }

    mutating func date(_ day: Int) -> String { String(decoding: dateBytes(day), as: UTF8.self) }

    /// `seconds` within the day, 0..<86400.
    mutating func timestamp(_ day: Int, _ seconds: Int) -> String {
        var b = dateBytes(day)
        let s = max(0, min(86399, seconds))
        let h = s / 3600, m = (s / 60) % 60, sec = s % 60
        b.reserveCapacity(19)
        b.append(0x20)
        for v in [h, m, sec] {
            if b.count > 11 { b.append(0x3A) }
            b.append(0x30 + UInt8(v / 10)); b.append(0x30 + UInt8(v % 10))
        }
        return String(decoding: b, as: UTF8.self)
    }

    /// Today's date in UTC (nil only for a clock outside years 1...9999).
    static func today() -> CivilDate? { CivilDate(daysSinceEpoch: Int(time(nil)) / 86400) }
}
