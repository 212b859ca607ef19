import SegmintCore
#if canImport(Glibc)
import Glibc
#endif

/// The commented project file `segmint init` writes. Every key is shown with its default, so
/// the file documents itself; docs/project.md has the full reference.
public enum ProjectTemplate {
    public static func text(catalog: String?, dialects: [String]) -> String {
        let catalogLine = catalog.map { "catalog: \(JSON.string($0))" }
            ?? "# catalog: catalogs/my_catalog.yaml      # required: the catalog YAML (spec §4)"
        return """
        # Segmint project file (docs/project.md). Commands find it by walking up from the
        # working directory, as git and dbt do. Relative paths are relative to this file.

        # The catalog segments are checked against. Several tenants instead:
        #   catalogs:
        #     retail: catalogs/retail.yaml
        #     saas: catalogs/saas.yaml
        #   default_tenant: retail          # else choose with --tenant
        # Precedence: --catalog PATH > SEGMINT_CATALOG > this file.
        \(catalogLine)

        # Directories holding .seg files (searched recursively).
        segments: [segments]

        # Dialects `segmint build` and `segmint test` use unless --dialect is given:
        # postgres, sqlite, duckdb, bigquery, snowflake, spark, trino.
        dialects: [\(dialects.joined(separator: ", "))]

        # Windows of segments without their own as_of: `current` (the warehouse's current
        # date when the SQL runs) or a fixed date, e.g. 2026-03-01.
        as_of: current

        # Outputs: compiled SQL and manifest.json; snapshot (golden) SQL; data-test fixtures.
        target: target
        snapshots: tests/golden
        tests: tests/data

        # LLM settings for `segmint ask` live in this same file (docs/llm-config.md), e.g.:
        # providers:
        #   - name: openai
        #     kind: openai
        #     model: gpt-4o-mini
        #     api_key_env: OPENAI_API_KEY     # the key itself never goes in this file
        # failover: [openai]

        """
    }

    /// `mkdir` of one directory (its parent must exist); an existing directory is fine.
    public static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw AtomicFile.WriteError(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }
}
