import SegmintCore

/// What a build knows about each segment; the manifest is written from it, and the next build
/// reads it back (from `target/.build-state`, a line format that loads in a few milliseconds
/// for 10,000 segments, where decoding manifest.json would take longer than the 100 ms an
/// incremental build may cost).
struct BuildState: Equatable {
    /// Everything that changes every output when it changes; a different key means a full build.
    var key: String
    /// Project-relative `.seg` path → SHA-256 of its bytes, and the size and modification time
    /// it had then: a file whose size and mtime are unchanged is not read again (as git's index
    /// and ninja's log do). Stat data lives here only, never in the manifest.
    var files: [String: FileRecord] = [:]
    var segments: [String: SegmentRecord] = [:]
    /// When the build that wrote this state started (ns since the epoch). A file modified less
    /// than `racyMargin` before it may have changed again within the same mtime tick after it
    /// was hashed, so it is read again (git's "racily clean" rule).
    var started = 0
    static let racyMargin = 2_000_000_000

    /// Whether the recorded hash of `path` still holds for a file of this size and mtime.
    func unchanged(_ path: String, size: Int, mtime: Int) -> Bool {
        guard let rec = files[path] else { return false }
        return rec.size == size && rec.mtime == mtime && mtime < started - BuildState.racyMargin
    }

    struct FileRecord: Equatable {
        var sha256: String
        var size: Int
        var mtime: Int
    }

    struct SegmentRecord: Equatable {
        var name: String
        var file: String
        /// SHA-256 of compiler version, catalog, as-of policy, the segment's text and its dependencies' hashes.
        var hash: String
        var dependsOn: [String]
        var title: String?
        var description: String?
        var retrieved: Int
        var inferred: Int
        /// INFERRED values and the words they came from (`500 from "high-value"`).
        var assumptions: [String]
    }

    static let header = "segmint-build-state 2"
    /// Marks an absent title or description (a value never holds U+0001: it is escaped).
    static let none = "\u{1}"

    func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 * (segments.count + 1) + 128 * files.count)
        out += Array(BuildState.header.utf8) + [0x0A]
        BuildState.fields(["key", key], into: &out)
        BuildState.fields(["started", String(started)], into: &out)
        for path in files.keys.sorted() {
            guard let f = files[path] else { continue }
            BuildState.fields(["file", path, f.sha256, String(f.size), String(f.mtime)], into: &out)
        }
        for name in segments.keys.sorted() {
            guard let s = segments[name] else { continue }
            BuildState.fields(["seg", s.name, s.file, s.hash, s.dependsOn.joined(separator: ","), s.title ?? BuildState.none,
                               s.description ?? BuildState.none, String(s.retrieved), String(s.inferred),
                               s.assumptions.joined(separator: "\u{2}")], into: &out)
        }
        return out
    }

    /// nil when the bytes are not a state file of this format (then the build is a full one).
    static func decode(_ bytes: [UInt8]) -> BuildState? {
        var state: BuildState?
        var lineStart = 0
        var first = true
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            if first {
                guard bytes[lineStart..<lineEnd].elementsEqual(header.utf8) else { return nil }
                first = false
                continue
            }
            let f = split(bytes[lineStart..<lineEnd])
            switch f.first {
            case "key"?:
                guard f.count == 2 else { return nil }
                state = BuildState(key: f[1])
            case "started"?:
                guard f.count == 2, let t = Int(f[1]) else { return nil }
                state?.started = t
            case "file"?:
                guard f.count == 5, let size = Int(f[3]), let mtime = Int(f[4]) else { return nil }
                state?.files[f[1]] = FileRecord(sha256: f[2], size: size, mtime: mtime)
            case "seg"?:
                guard f.count == 10, let r = Int(f[7]), let i = Int(f[8]) else { return nil }
                state?.segments[f[1]] = SegmentRecord(
                    name: f[1], file: f[2], hash: f[3], dependsOn: f[4].isEmpty ? [] : f[4].split(separator: ",").map(String.init),
                    title: f[5] == none ? nil : f[5], description: f[6] == none ? nil : f[6], retrieved: r, inferred: i,
                    assumptions: f[9].isEmpty ? [] : f[9].split(separator: "\u{2}").map(String.init))
            default: return nil
            }
        }
        return state
    }

    /// One record: fields joined by tabs, tab/newline/CR/backslash escaped, then a newline.
    static func fields(_ values: [String], into out: inout [UInt8]) {
        for (i, v) in values.enumerated() {
            if i > 0 { out.append(0x09) }
            for b in v.utf8 {
                switch b {
                case 0x09: out += [0x5C, 0x74]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x5C: out += [0x5C, 0x5C]
                default: out.append(b)
                }
            }
        }
        out.append(0x0A)
    }

    /// A record's fields, unescaped (fields without a backslash are taken as they are).
    static func split(_ line: ArraySlice<UInt8>) -> [String] {
        var out: [String] = []
        out.reserveCapacity(10)
        var start = line.startIndex, i = line.startIndex, escaped = false
        func field(_ slice: ArraySlice<UInt8>, _ escaped: Bool) -> String {
            guard escaped else { return String(decoding: slice, as: UTF8.self) }
            var bytes: [UInt8] = [], pending = false
            for b in slice {
                if pending {
                    switch b { case 0x74: bytes.append(0x09); case 0x6E: bytes.append(0x0A); case 0x72: bytes.append(0x0D); default: bytes.append(b) }
                    pending = false
                } else if b == 0x5C { pending = true } else { bytes.append(b) }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        while i < line.endIndex {
            let b = line[i]
            if b == 0x5C { escaped = true; i += 2; continue }
            if b == 0x09 {
                out.append(field(line[start..<i], escaped))
                start = i + 1
                escaped = false
            }
            i += 1
        }
        out.append(field(line[start..<min(i, line.endIndex)], escaped))
        return out
    }
}

enum ManifestWriter {
    static func json(_ state: BuildState, compiler: String, catalog: (path: String, label: String, sha256: String),
                     asOf: String, dialects: [String], dbt: String?) -> [UInt8] {
        var w = JSONWriter()
        w.raw("{\n  \"manifest_version\": 1,\n  \"compiler\": "); w.string(compiler)
        w.raw(",\n  \"catalog\": {\"path\": "); w.string(catalog.path)
        w.raw(", \"label\": "); w.string(catalog.label)
        w.raw(", \"sha256\": "); w.string(catalog.sha256)
        w.raw("},\n  \"as_of\": "); w.string(asOf)
        w.raw(",\n  \"dialects\": ["); w.list(dialects)
        w.raw("],\n  \"dbt\": "); if let dbt { w.string(dbt) } else { w.raw("null") }
        w.raw(",\n  \"segments\": {")
        let names = state.segments.keys.sorted()
        for (i, name) in names.enumerated() {
            guard let s = state.segments[name] else { continue }
            w.raw(i == 0 ? "\n    " : ",\n    "); w.string(name)
            w.raw(": {\n      \"file\": "); w.string(s.file)
            w.raw(",\n      \"source_sha256\": "); w.string(state.files[s.file]?.sha256 ?? "")
            w.raw(",\n      \"hash\": "); w.string(s.hash)
            w.raw(",\n      \"title\": "); if let t = s.title { w.string(t) } else { w.raw("null") }
            w.raw(",\n      \"depends_on\": ["); w.list(s.dependsOn)
            w.raw("],\n      \"sql\": {")
            for (j, d) in dialects.enumerated() {
                if j > 0 { w.raw(", ") }
                w.string(d); w.raw(": "); w.string("\(d)/\(name).sql")
            }
            w.raw("},\n      \"grounding\": {\"retrieved\": \(s.retrieved), \"inferred\": \(s.inferred), \"assumptions\": [")
            w.list(s.assumptions)
            w.raw("]}\n    }")
        }
        w.raw(names.isEmpty ? "}\n}\n" : "\n  }\n}\n")
        return w.bytes
    }
}

/// JSON text into bytes; strings escaped exactly as `JSON.string` does (quote, backslash,
/// control characters; everything else, UTF-8 included, as is), with a copy-through fast path.
struct JSONWriter {
    var bytes: [UInt8] = []

    mutating func raw(_ s: String) { bytes += s.utf8 }

    mutating func list(_ items: [String]) {
        for (i, s) in items.enumerated() {
            if i > 0 { raw(", ") }
            string(s)
        }
    }

    mutating func string(_ s: String) {
        bytes.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            default: bytes.append(b)
            }
        }
        bytes.append(0x22)
    }
}
