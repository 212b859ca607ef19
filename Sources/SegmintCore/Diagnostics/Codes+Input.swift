extension DiagnosticRegistry {
    /// E09xx/W09xx: reading the input files of a command.
    static let inputCodes: [DiagnosticCodeEntry] = [
        .error("E0901", "input cannot be read",
               explanation: "An input file is missing or cannot be read (exit status 2).",
               example: "segmint check segmnets.seg --catalog catalog.yaml",
               fix: "segmint check segments.seg --catalog catalog.yaml"),
        .error("E0902", "input is binary",
               explanation: "An input file holds NUL bytes, so it is binary data rather than a .seg file.",
               example: "segmint check segments.seg.gz --catalog catalog.yaml",
               fix: "gunzip segments.seg.gz && segmint check segments.seg --catalog catalog.yaml"),
        .error("E0903", "input is not UTF-8",
               explanation: "An input file is not valid UTF-8 text.",
               example: "segmint check latin1.seg --catalog catalog.yaml",
               fix: "iconv -f latin1 -t utf-8 latin1.seg > utf8.seg && segmint check utf8.seg --catalog catalog.yaml"),
        .warning("W0901", "input is empty",
               explanation: "An empty file (or one holding only whitespace, comments or a byte-order mark) is valid and declares no segment; the warning says so in case the wrong file was given.",
               example: "segmint check empty.seg --catalog catalog.yaml",
               fix: "segmint check segments.seg --catalog catalog.yaml"),
    ]
}
