import XCTest
import SegmintCore
import SegmintDriver

/// A throwaway project directory: files written relative to it, commands run inside it.
final class TempProject {
    let root: String

    init(_ files: [String: String] = [:]) throws {
        let base = NSTemporaryDirectory() + "segmint-project-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        // Resolve symlinks (macOS /var -> /private/var) so paths compare as the commands print them.
        root = URL(fileURLWithPath: base).resolvingSymlinksInPath().path
        for (path, text) in files { try write(path, text) }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ relative: String) -> String { root + "/" + relative }

    func write(_ relative: String, _ text: String) throws {
        try writeBytes(relative, Array(text.utf8))
    }

    func writeBytes(_ relative: String, _ bytes: [UInt8]) throws {
        let full = path(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
    }

    func read(_ relative: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: path(relative)))).map { String(decoding: $0, as: UTF8.self) }
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    func remove(_ relative: String) throws { try FileManager.default.removeItem(atPath: path(relative)) }

    /// Modification time in nanoseconds (to prove a file was not rewritten).
    func mtime(_ relative: String) -> Int {
        var st = stat()
        guard stat(path(relative), &st) == 0 else { return -1 }
        return Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)
    }

    /// Where commands run: `directory` under the project, and only the given variables.
    func environment(in directory: String = "", _ vars: [String: String] = [:]) -> CommandEnvironment {
        CommandEnvironment(workingDirectory: directory.isEmpty ? root : path(directory), variables: vars)
    }
}

/// A small catalog of its own (a subscription shop), so these tests do not depend on the
/// shipped catalogs.
enum ShopCatalog {
    static let yaml = """
    name: shop
    version: 1
    entity: {name: member, table: members, key: member_id}
    facets:
      - {name: plan, type: string, values: [free, pro, team]}
      - {name: seats, type: int}
      - {name: monthly_fee, type: decimal, column: fee}
      - {name: trial, type: bool}
      - {name: joined_on, type: date}
    events:
      - name: login
        table: logins
        key: member_id
        time: at
        fields:
          - {name: device, type: string}
    """

    static let segments = """
    segment paying "Paying members" {
      include {
        plan in ["pro", "team"]
      }
    }

    segment big_teams {
      include {
        in segment paying
        seats >= 10
      }
    }
    """

    static let active = """
    segment active {
      as_of 2026-03-01
      include {
        has login during last 30 days
      }
    }
    """

    /// A project with the catalog, two segment files, and `settings` appended to segmint.yaml.
    static func project(_ settings: String = "dialects: [postgres, sqlite]") throws -> TempProject {
        try TempProject([
            "segmint.yaml": "catalog: catalog/shop.yaml\nsegments: [segments]\n" + settings + "\n",
            "catalog/shop.yaml": yaml,
            "segments/plans.seg": segments,
            "segments/usage/active.seg": active,
        ])
    }
}
