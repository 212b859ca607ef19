import SegmintCore
import SegmintCheck

extension Builder {
    /// Writes what changed: SQL files, dbt models, then the state and the manifest (last, so a
    /// build interrupted half-way leaves a state that makes the next build redo the work).
    /// Returns false (with a diagnostic) when a write fails.
    mutating func write(_ result: CompiledBuild, catalog: (catalog: PreparedCatalog, label: String, sha256: String),
                        old: BuildState?, oldStateBytes: [UInt8]?) -> Bool {
        do {
            for d in options.dialects { try Files.makeDirectories(target + "/" + d.rawValue) }
            for o in result.outputs where try writeIfChanged(o.bytes, to: target + "/" + o.path) { report.written += 1 }
            if let dbt = options.dbtDirectory {
                try Files.makeDirectories(dbt)
                for m in result.dbtModels where try writeIfChanged(m.bytes, to: dbt + "/" + m.path) { report.written += 1 }
                let schema = DbtModel.schema(result.state)
                if try writeIfChanged(Array(schema.utf8), to: dbt + "/segmint_models.yml") { report.written += 1 }
            }
            for name in result.removed {
                for d in options.dialects { Files.remove(target + "/\(d.rawValue)/\(name).sql") }
                if let dbt = options.dbtDirectory { Files.remove(dbt + "/\(name).sql") }
                report.removed += 1
            }
            // The manifest is a function of the state minus stat data: unchanged state, unchanged manifest.
            let sameSegments = old.map { $0.segments == result.state.segments } ?? false
            let sameFiles = old.map { o in o.files.count == result.state.files.count
                && result.state.files.allSatisfy { o.files[$0.key] == $0.value } } ?? false
            let sameContent = sameSegments && (sameFiles || old.map { o in o.files.count == result.state.files.count
                && result.state.files.allSatisfy { o.files[$0.key]?.sha256 == $0.value.sha256 } } ?? false)
            let manifestPath = target + "/manifest.json"
            if !(sameContent && Files.exists(manifestPath)) {
                let manifest = ManifestWriter.json(result.state, compiler: segmintCompilerVersion,
                                                   catalog: (CatalogResolver.relativePath(catalogChoice.path, from: project.root), catalog.label, catalog.sha256),
                                                   asOf: project.asOf.map(\.description) ?? "current",
                                                   dialects: options.dialects.map(\.rawValue), dbt: options.dbtDirectory)
                if try writeIfChanged(manifest, to: manifestPath, durable: true) { report.written += 1 }
            }
            // Nothing new to record: the old state (its older start time only makes more files
            // count as racy) stays, and encoding 10,000 records is skipped.
            if !(sameSegments && sameFiles && oldStateBytes != nil) {
                try AtomicFile.write(result.state.encoded(), to: statePath, durable: true)
            }
            return true
        } catch {
            diagnostics.append(Diagnostic(code: ProjectCode.writeFailed, message: "\(error)"))
            return false
        }
    }

    /// Writes `bytes` atomically unless the file already holds exactly them; true when written.
    func writeIfChanged(_ bytes: [UInt8], to path: String, durable: Bool = false) throws -> Bool {
        if let existing = Files.read(path), existing == bytes { return false }
        try AtomicFile.write(bytes, to: path, durable: durable)
        return true
    }
}
