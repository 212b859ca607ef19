import Foundation
import SegmintCore
import SegmintCatalog
import SegmintDB
import SegmintSQL

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
            executor: { options, suite, catalog in try demoExecutor(options, suite, catalog) },
            progress: { line in FileHandle.standardError.write(Data((line + "\n").utf8)) })
    }

    /// `--db URL` when given (SQLite path or postgres://, opened without creating anything);
    /// otherwise the suite's demo data generated into an in-memory SQLite database, so every
    /// run scores against the same rows and nothing is left on disk.
    static func demoExecutor(_ options: EvalOptions, _ suite: EvalSuite, _ catalog: Catalog) throws -> EvalExecutor {
        if let url = options.databasePath {
            let db = try DatabaseURL.open(url, create: false)
            let dialect = Dialect(rawValue: db.dialectName) ?? .sqlite
            return DatabaseEvalExecutor(database: db, dialect: dialect, asOf: suite.asOf)
        }
        let db = try SQLiteDatabase(path: ":memory:")
        let demo = DemoOptions(customers: suite.settings.demo.customers, seed: suite.settings.demo.seed, asOf: suite.asOf)
        _ = try db.transaction { try DemoData.populate(db, catalog: catalog, options: demo) }
        return DatabaseEvalExecutor(database: db, dialect: .sqlite, asOf: suite.asOf)
    }
}
