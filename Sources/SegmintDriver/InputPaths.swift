import Foundation
import SegmintCore

/// What the FILE arguments of a command name: files as given, `-` (standard input) as given,
/// and each directory replaced by the `.seg` files under it.
public enum InputPaths {
    /// The file extension a directory argument is searched for.
    public static let segExtension = "seg"

    /// Expands every directory in `paths` into its `*.seg` files: recursive, sorted by path,
    /// hidden entries (names starting with `.`) skipped, symbolic links to directories not
    /// followed (no cycles). A directory holding no `.seg` file is an error, not an empty input.
    /// Paths that are not directories (including missing ones) are kept for the reader to report.
    public static func expand(_ paths: [String]) -> (paths: [String], errors: [Diagnostic]) {
        var out: [String] = [], errors: [Diagnostic] = []
        for path in paths {
            guard path != StandardInput.path, isDirectory(path) else {
                out.append(path)
                continue
            }
            let found = segFiles(under: path)
            if found.isEmpty {
                errors.append(.error(CLICode.emptyDirectory, "directory \(path) holds no .\(segExtension) files", at: nil,
                                     help: "pass .\(segExtension) files, or a directory that holds some"))
            }
            out += found
        }
        return (out, errors)
    }

    static func isDirectory(_ path: String) -> Bool {
        var dir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
    }

    /// The `.seg` files under `directory`, as `directory/relative/path`, sorted.
    static func segFiles(under directory: String) -> [String] {
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var found: [String] = []
        var pending = [root]
        while let dir = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for name in names where !name.hasPrefix(".") {
                let full = dir + "/" + name
                var isDir: ObjCBool = false
                let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: full)) != nil
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir) else { continue }
                if isDir.boolValue {
                    if !isLink { pending.append(full) }
                } else if name.hasSuffix("." + segExtension) {
                    found.append(full)
                }
            }
        }
        return found.sorted()
    }
}
