import SegmintCore
import SegmintCatalog

/// Codes of the type checker (spec §5) and of input loading. Names `E02xx`, types `E03xx`,
/// grounding `E04xx`, warnings `W03xx`, inputs `E09xx`/`W09xx`. Catalog codes are `CatalogCode`.
/// Each is explained in `DiagnosticRegistry` (`Codes+Check.swift`, `Codes+Input.swift`).
public enum CheckCode {
    public static let unknownFacet = "E0201"
    public static let unknownEvent = "E0202"
    public static let unknownField = "E0203"
    public static let unknownSegment = "E0204"
    public static let duplicateSegment = "E0205"
    public static let segmentCycle = "E0206"
    public static let eventFieldOutsideHas = "E0207"
    public static let wrongQualifier = "E0208"
    public static let eventAsFacet = "E0209"

    public static let operatorType = "E0301"
    public static let literalType = "E0302"
    public static let decimalForInt = "E0303"
    public static let notAValue = "E0304"
    public static let windowType = "E0305"
    public static let aggregateType = "E0306"
    public static let countValue = "E0307"
    public static let outOfRange = "E0308"

    public static let retrievedWrongName = "E0401"
    public static let retrievedUnknownName = "E0402"
    public static let retrievedNotAValue = "E0403"
    public static let inferredName = "E0404"
    public static let inferredEnumValue = "E0405"
    public static let strictAssumption = "E0406"
    public static let tagOnCompound = "E0407"
    public static let missingTag = "E0408"
    public static let tagValueNotInCondition = "E0409"
    public static let fromNotInRequest = "E0410"

    public static let neverHolds = "W0301"
    public static let emptyRange = "W0302"
    public static let neverMissing = "W0303"
    public static let segmentNeverMatches = "W0304"

    public static let unreadableFile = "E0901"
    public static let binaryFile = "E0902"
    public static let invalidUTF8 = "E0903"
    public static let emptyFile = "W0901"

    /// Checker and input codes, from the registry, in code order.
    public static var checkerCodes: [DiagnosticCodeEntry] {
        DiagnosticRegistry.all.filter { e in ["E02", "E03", "E04", "W03", "E09", "W09"].contains { e.code.hasPrefix($0) } }
    }

    /// Every code the front end (catalog loader, checker, input loading) can emit.
    public static var all: [DiagnosticCodeEntry] { CatalogCode.all + checkerCodes }
}
