import Foundation
import Yams

/// The catalog named by a project file `segmint.yaml`: its `catalog: PATH` key, or the first
/// entry of `catalogs:` (a list of paths, or a mapping of tenant to path). Paths are relative
/// to the project file's directory. Only these keys are read here; the rest of the file
/// belongs to the commands that use it.
public enum ProjectFile {
    public static let name = "segmint.yaml"

    /// The nearest `segmint.yaml` at or above `directory`.
    public static func find(from directory: String) -> String? {
        var dir = URL(fileURLWithPath: directory).standardizedFileURL
        for _ in 0..<64 {
            let candidate = dir.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
        return nil
    }

    /// The catalog path the project file names (absolute), or why it names none.
    public static func catalogPath(projectFile: String) -> Result<String, IDEError> {
        guard let data = FileManager.default.contents(atPath: projectFile),
              let text = String(data: data, encoding: .utf8) else {
            return .failure(IDEError(message: "cannot read \(projectFile) as UTF-8 text"))
        }
        let node: Node?
        do { node = try Yams.compose(yaml: text, .basic) } catch {
            return .failure(IDEError(message: "\(projectFile) is not valid YAML: \(error)"))
        }
        guard let map = node?.mapping else {
            return .failure(IDEError(message: "\(projectFile) names no catalog (add catalog: PATH)"))
        }
        var path: String?
        if let s = map["catalog"]?.scalar?.string {
            path = s
        } else if let list = map["catalogs"]?.sequence, let first = list.first {
            path = first.scalar?.string ?? first.mapping?["path"]?.scalar?.string
        } else if let tenants = map["catalogs"]?.mapping, let first = tenants.first?.value {
            path = first.scalar?.string ?? first.mapping?["path"]?.scalar?.string
        }
        guard let path, !path.isEmpty else {
            return .failure(IDEError(message: "\(projectFile) names no catalog (add catalog: PATH)"))
        }
        let base = URL(fileURLWithPath: projectFile).deletingLastPathComponent()
        return .success(path.hasPrefix("/") ? path : base.appendingPathComponent(path).standardizedFileURL.path)
    }
}
