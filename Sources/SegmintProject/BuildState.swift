import SegmintCore

/// What a build knows about each segment; the manifest is written from it, and the next build
/// reads it back (from `target/.build-state`, a line format that loads in a few milliseconds
/// for 10,000 segments, where decoding manifest.json would take longer than the 100 ms an
/// incremental build may cost).
struct BuildState: Equatable {
    /// Everything that changes every output when it changes; a different key means a full build.
    var key: String
    /// Project-relative `.seg` path → SHA-256 of its bytes.
    var files: [String: String] = [:]
    var segments: [String: SegmentRecord] = [:]

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

    static let header = "segmint-build-state 1"

    func encoded() -> String {
        var out = BuildState.header + "\n" + "key\t" + BuildState.escape(key) + "\n"
        for path in files.keys.sorted() { out += "file\t\(BuildState.escape(path))\t\(files[path] ?? "")\n" }
        for name in segments.keys.sorted() {
            guard let s = segments[name] else { continue }
            let fields = [s.name, s.file, s.hash, s.dependsOn.joined(separator: ","), s.title ?? "\u{1}", s.description ?? "\u{1}",
                          String(s.retrieved), String(s.inferred), s.assumptions.joined(separator: "\u{2}")]
            out += "seg\t" + fields.map(BuildState.escape).joined(separator: "\t") + "\n"
        }
        return out
    }

    /// nil when the text is not a state file of this format (then the build is a full one).
    static func decode(_ text: String) -> BuildState? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard lines.first == Substring(header) else { return nil }
        lines = lines.dropFirst()
        guard let keyLine = lines.first, keyLine.hasPrefix("key\t") else { return nil }
        var state = BuildState(key: unescape(keyLine.dropFirst(4)))
        for line in lines.dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(unescape)
            if f.first == "file", f.count == 3 { state.files[f[1]] = f[2]; continue }
            guard f.first == "seg", f.count == 10, let r = Int(f[7]), let i = Int(f[8]) else { return nil }
            state.segments[f[1]] = SegmentRecord(name: f[1], file: f[2], hash: f[3],
                                                 dependsOn: f[4].isEmpty ? [] : f[4].split(separator: ",").map(String.init),
                                                 title: f[5] == "\u{1}" ? nil : f[5], description: f[6] == "\u{1}" ? nil : f[6],
                                                 retrieved: r, inferred: i,
                                                 assumptions: f[9].isEmpty ? [] : f[9].split(separator: "\u{2}").map(String.init))
        }
        return state
    }

    /// Tabs, newlines and backslashes escaped so one record stays on one line.
    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) else { return s }
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    static func unescape<S: StringProtocol>(_ s: S) -> String {
        guard s.contains("\\") else { return String(s) }
        var out = "", escaping = false
        for ch in s.unicodeScalars {
            if escaping {
                switch ch { case "t": out += "\t"; case "n": out += "\n"; case "r": out += "\r"; default: out.unicodeScalars.append(ch) }
                escaping = false
            } else if ch == "\\" { escaping = true } else { out.unicodeScalars.append(ch) }
        }
        return out
    }
}

/// `target/manifest.json`: what tools read (docs/project.md). Written from the build state,
/// keys sorted, no timestamps: the same project gives the same bytes.
enum ManifestWriter {
    static func json(_ state: BuildState, compiler: String, catalog: (path: String, label: String, sha256: String),
                     asOf: String, dialects: [String], dbt: String?) -> String {
        var out = "{\n"
        out += "  \"manifest_version\": 1,\n"
        out += "  \"compiler\": \(JSON.string(compiler)),\n"
        out += "  \"catalog\": {\"path\": \(JSON.string(catalog.path)), \"label\": \(JSON.string(catalog.label)), \"sha256\": \(JSON.string(catalog.sha256))},\n"
        out += "  \"as_of\": \(JSON.string(asOf)),\n"
        out += "  \"dialects\": [\(dialects.map(JSON.string).joined(separator: ", "))],\n"
        out += "  \"dbt\": \(dbt.map(JSON.string) ?? "null"),\n"
        out += "  \"segments\": {"
        let names = state.segments.keys.sorted()
        for (i, name) in names.enumerated() {
            guard let s = state.segments[name] else { continue }
            out += i == 0 ? "\n" : ",\n"
            let sql = dialects.map { "\(JSON.string($0)): \(JSON.string("\($0)/\(name).sql"))" }.joined(separator: ", ")
            out += "    \(JSON.string(name)): {\n"
            out += "      \"file\": \(JSON.string(s.file)),\n"
            out += "      \"source_sha256\": \(JSON.string(state.files[s.file] ?? "")),\n"
            out += "      \"hash\": \(JSON.string(s.hash)),\n"
            out += "      \"title\": \(s.title.map(JSON.string) ?? "null"),\n"
            out += "      \"depends_on\": [\(s.dependsOn.map(JSON.string).joined(separator: ", "))],\n"
            out += "      \"sql\": {\(sql)},\n"
            out += "      \"grounding\": {\"retrieved\": \(s.retrieved), \"inferred\": \(s.inferred), "
            out += "\"assumptions\": [\(s.assumptions.map(JSON.string).joined(separator: ", "))]}\n"
            out += "    }"
        }
        out += names.isEmpty ? "}\n" : "\n  }\n"
        return out + "}\n"
    }
}
