extension DiagnosticRegistry {
    /// E05xx: SQL generation (`compile`, `run`, `overlap`).
    static let sqlCodes: [DiagnosticCodeEntry] = [
        .error("E0501", "no such segment, or none chosen",
               explanation: "`compile`, `run`, `explain` and `overlap` work on segments of the input files: `--segment NAME` names none of them (the help suggests a close name and lists the segments, cut after ten), or the input declares several segments and `--segment` is missing, or it declares none. `--segment` may be left out when the input declares exactly one segment. The SQL stage uses the same code for a segment reference it cannot resolve.",
               example: "segmint compile two_segments.seg --catalog catalog.yaml --segment adult",
               fix: "segmint compile two_segments.seg --catalog catalog.yaml --segment adults"),
        .error("E0502", "segment references itself",
               explanation: "A guard of the SQL stage: a segment's `in segment` references lead back to itself. The checker reports such cycles first (E0206), so this appears only for programs built without the checker.",
               example: "segment a { include { in segment a } }",
               fix: "segment a { include { age >= 18 } }"),
        .error("E0503", "segment references expand too far",
               explanation: "Nested `in segment` references would expand to a query too large to run (each reference copies the referenced segment's conditions).",
               example: "segment s1 { include { any { in segment s0\n in segment s0 } } }   # and so on, 60 levels deep",
               fix: "Materialize the inner segments as tables, or flatten the chain of references."),
        .error("E0504", "value cannot be placed in SQL",
               explanation: "A guard of the SQL stage: a value the checker should have rejected reached the backend. Please report it with the input that caused it.",
               example: "A checked program whose literal does not fit its column type.",
               fix: "Run `segmint check` on the input and fix what it reports."),
        .error("E0505", "overlap of no segments",
               explanation: "`segmint overlap` needs at least one segment in its input files.",
               example: "segmint overlap empty.seg --catalog catalog.yaml --static",
               fix: "segmint overlap segments.seg --catalog catalog.yaml --static"),
        .error("E0510", "dialect cannot express the value",
               explanation: "The chosen SQL dialect cannot hold the value, e.g. a string with a NUL character (only SQLite stores one).",
               example: "segmint compile s.seg --catalog catalog.yaml --dialect postgres\n# s.seg: segment s { include { city = \"a\\u{0}b\" } }",
               fix: "segment s { include { city = \"ab\" } }"),
    ]

    /// W07xx/N07xx: static analysis whose findings `check` attaches as warnings.
    static let analysisCodes: [DiagnosticCodeEntry] = [
        .warning("W0701", "segment is always empty",
               explanation: "A bounded search proved that no entity can satisfy the segment's conditions together (the claim is made only when proved). `segmint overlap --static` lists the facts it used.",
               example: "segment s { include {\n  age >= 65\n  any {\n    age < 18\n    age < 30\n  }\n} }",
               fix: "segment s { include {\n  age >= 65\n  tier = \"gold\"\n} }"),
        .warning("W0702", "redundant include condition",
               explanation: "An include condition is implied by the segment's other conditions, so removing it changes nothing. Perhaps another condition is wrong.",
               example: "segment s { include {\n  age >= 30\n  age >= 18\n} }",
               fix: "segment s { include {\n  age >= 30\n} }"),
        .warning("W0703", "exclude condition removes nobody",
               explanation: "No entity that meets the include conditions can meet this exclude condition, so it never removes anyone.",
               example: "segment s {\n  include { age >= 30 }\n  exclude { age < 18 }\n}",
               fix: "segment s {\n  include { age >= 30 }\n}"),
        .note("N0701", "static analysis skipped",
               explanation: "`check` runs the static analysis (W0701–W0703) for at most 500 segments per command, so checking a large generated file stays fast. `segmint overlap --static` runs it without the limit.",
               example: "segmint check generated_10k.seg --catalog catalog.yaml",
               fix: "segmint overlap generated_10k.seg --catalog catalog.yaml --static"),
    ]
}
