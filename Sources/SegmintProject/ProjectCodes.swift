/// Diagnostic codes of projects (`segmint.yaml`, build, test, materialize, export): `E12xx`
/// errors, `W12xx` warnings. docs/project.md lists each with an example.
public enum ProjectCode {
    /// The project file (or a file it names) cannot be read.
    public static let unreadable = "E1201"
    /// The project file is binary data or not UTF-8.
    public static let notText = "E1202"
    /// The project file is not valid YAML.
    public static let yamlSyntax = "E1203"
    /// A key holds the wrong kind of value (a list where a string belongs, …).
    public static let wrongShape = "E1204"
    /// A key the project file does not know (a warning, with did-you-mean).
    public static let unknownKey = "W1205"
    /// A segment directory named in the project does not exist.
    public static let missingDirectory = "E1206"
    /// An unknown dialect in the project file or on the command line.
    public static let unknownDialect = "E1207"
    /// `as_of` is neither `current` nor a calendar date.
    public static let badAsOf = "E1208"
    /// The project file names no catalog (and neither --catalog nor SEGMINT_CATALOG gave one).
    public static let noCatalog = "E1209"
    /// No catalog anywhere: no --catalog, no SEGMINT_CATALOG, no segmint.yaml. The command line's
    /// own "no catalog" code, so the condition has one code whichever layer reports it.
    public static let noCatalogAnywhere = "E1104"
    /// --tenant names a tenant the project does not declare (or the project has several and none was chosen).
    public static let unknownTenant = "E1210"
    /// An output (SQL, manifest, dbt model, snapshot, CSV, JUnit report) could not be written.
    public static let writeFailed = "E1211"
    /// A golden (snapshot) file is binary data or not UTF-8.
    public static let goldenNotText = "E1212"
    /// A segment's SQL differs from its snapshot.
    public static let snapshotMismatch = "E1213"
    /// A snapshot file whose segment or dialect is no longer in the project.
    public static let staleSnapshot = "W1214"
    /// A segment has no snapshot yet.
    public static let missingSnapshot = "E1215"
    /// A data-test fixture is not valid YAML, or not text.
    public static let fixtureSyntax = "E1216"
    /// A fixture key holds the wrong kind of value, or a required key is missing.
    public static let fixtureShape = "E1217"
    /// A fixture row names a column the catalog does not map.
    public static let unknownColumn = "E1218"
    /// A fixture value does not have the column's catalog type.
    public static let wrongType = "E1219"
    /// A fixture expects results of a segment the project does not declare.
    public static let unknownSegment = "E1220"
    /// A fixture gives rows for an event (table) the catalog does not declare.
    public static let unknownTable = "E1221"
    /// A CSV file of a fixture cannot be read or parsed.
    public static let badCSV = "E1222"
    /// A data test's expectation does not hold (keys or count).
    public static let expectationFailed = "E1223"
    /// The database of a data test, materialization or export failed.
    public static let database = "E1224"
    /// `--columns` names a column the catalog's entity does not have.
    public static let badColumn = "E1225"
    /// `--mode` is neither replace nor append.
    public static let badMode = "E1226"
    /// `--materialize` names an invalid table.
    public static let badTable = "E1227"
    /// No project file found where one is required (build, test).
    public static let noProject = "E1228"
    /// `segmint init` would overwrite an existing project file.
    public static let exists = "E1229"
    /// The project declares no segments (no .seg files in its segment directories).
    public static let noSegments = "W1230"
}
