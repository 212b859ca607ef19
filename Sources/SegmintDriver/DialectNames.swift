import SegmintSQL

/// The SQL dialect names `--dialect` accepts, in the order help and completions list them.
public let dialectNames: [String] = Dialect.allCases.map(\.rawValue)
