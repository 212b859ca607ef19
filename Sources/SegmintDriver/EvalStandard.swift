import Foundation
import SegmintCore
import SegmintCatalog

extension EvalEnvironment {
    /// The real parts: the NL pipeline on cassettes or live, the offline translator, and the
    /// demo database.
    public static var standard: EvalEnvironment {
        EvalEnvironment(
            translators: { options, _, _ in
                // TODO(#7): wire SegmintNL's pipeline and offline translator once `nl` lands.
                _ = options
                throw EvalSuiteError("the natural-language pipeline is not in this build yet")
            },
            executor: { _, _, _ in nil },
            progress: { line in FileHandle.standardError.write(Data((line + "\n").utf8)) })
    }
}
