import SegmintCatalog

/// Codes of the type checker (spec §5) and of input loading. Names `E02xx`, types `E03xx`,
/// grounding `E04xx`, warnings `W03xx`, inputs `E09xx`/`W09xx`. Catalog codes are `CatalogCode`.
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

    public static let unreadableFile = "E0901"
    public static let binaryFile = "E0902"
    public static let invalidUTF8 = "E0903"
    public static let emptyFile = "W0901"

    /// Checker and input codes with one-line descriptions, in code order.
    public static let checkerCodes: [DiagnosticCodeInfo] = [
        .init(unknownFacet, "unknown facet (did-you-mean when a close name exists)"),
        .init(unknownEvent, "unknown event in `has` (did-you-mean)"),
        .init(unknownField, "unknown field of an event, in `where` or an aggregate (did-you-mean)"),
        .init(unknownSegment, "`in segment X` names no segment of this compilation (did-you-mean)"),
        .init(duplicateSegment, "a segment name is declared twice (across all files of one command)"),
        .init(segmentCycle, "segments reference each other in a cycle (`a -> b -> a`)"),
        .init(eventFieldOutsideHas, "`event.field` tested outside `has` (use `has event where field …`)"),
        .init(wrongQualifier, "a qualified name whose first part is not this condition's event, or a facet with a member"),
        .init(eventAsFacet, "an event name used as a facet (use `has event`)"),
        .init(operatorType, "the operator does not fit the type (ordering on an unordered string, contains on a number, …)"),
        .init(literalType, "the literal's type does not fit the facet or field"),
        .init(decimalForInt, "a decimal literal for an int facet or field"),
        .init(notAValue, "a string that is not one of the enumerated `values` (did-you-mean)"),
        .init(windowType, "a window on something that is not a date or timestamp"),
        .init(aggregateType, "sum/avg/min/max of a field that is not numeric"),
        .init(countValue, "count/count_distinct compared with a negative or decimal number"),
        .init(outOfRange, "a number or fiscal year out of the supported range"),
        .init(retrievedWrongName, "[RETRIEVED: f] names something other than this condition's facet/field/event"),
        .init(retrievedUnknownName, "[RETRIEVED: f] names nothing in the catalog"),
        .init(retrievedNotAValue, "[RETRIEVED: \"v\"] is not among the `values` of the condition's facet/field"),
        .init(inferredName, "[INFERRED: f] on a facet, field or event (names must be grounded)"),
        .init(inferredEnumValue, "[INFERRED: \"v\"] on an enumerated value (values must be grounded)"),
        .init(strictAssumption, "an INFERRED number, date, bool or free-text value under --strict"),
        .init(tagOnCompound, "a grounding tag on all/any/in segment (tags belong on facet and event conditions)"),
        .init(missingTag, "a facet, field, event or enumerated value without a RETRIEVED tag where tags are required (LLM output)"),
        .init(tagValueNotInCondition, "a tagged value that does not occur in its condition"),
        .init(fromNotInRequest, "a tag's `from \"text\"` does not occur verbatim in the user's request"),
        .init(neverHolds, "conditions on one facet inside one all/include can never hold together"),
        .init(emptyRange, "a range that can never hold (between 9 and 1, a window ending before it starts, is missing on a non-nullable facet)"),
        .init(neverMissing, "`is missing` / `is not missing` on a facet the catalog declares nullable: false"),
        .init(unreadableFile, "an input file is missing or cannot be read"),
        .init(binaryFile, "an input file is binary data (holds NUL bytes)"),
        .init(invalidUTF8, "an input file is not valid UTF-8"),
        .init(emptyFile, "an input file is empty (valid: zero segments)"),
    ]

    /// Every code the front end (catalog loader, checker, input loading) can emit.
    public static var all: [DiagnosticCodeInfo] { CatalogCode.all + checkerCodes }
}
