import XCTest
@testable import SegmintEval

final class EvalCassetteTests: XCTestCase {
    func user(_ span: String?) -> String {
        span.map { "{\"request\":\"r\",\"span\":\"\($0)\"}" } ?? "{\"request\":\"r\"}"
    }

    func cassette() -> EvalCassette {
        EvalCassette(provenance: "scripted", interactions: [
            .init(stage: "decompose", span: nil, attempt: 1, response: .init(text: "D1", model: "m")),
            .init(stage: "map", span: "CA", attempt: 1, response: .init(text: "M-CA", model: "m")),
            .init(stage: "map", span: "CA", attempt: 2, response: .init(text: "M-CA-repaired", model: "m")),
            .init(stage: "map", span: "gear", attempt: 1, response: .init(text: "M-gear", model: "m")),
            .init(stage: "date", span: "gear", attempt: 1, response: .init(text: "W-gear", model: "m")),
        ])
    }

    func testReplayIsKeyedByStageSpanAndAttemptNotByCallOrder() throws {
        let p = EvalCassettePlayer(cassette())
        XCTAssertEqual(try p.replay(stage: "date", promptVersion: "v", system: "s", user: user("gear")).text, "W-gear")
        XCTAssertEqual(try p.replay(stage: "map", promptVersion: "v", system: "s", user: user("gear")).text, "M-gear")
        XCTAssertEqual(try p.replay(stage: "map", promptVersion: "v", system: "s", user: user("CA")).text, "M-CA")
        XCTAssertEqual(try p.replay(stage: "map", promptVersion: "v", system: "s", user: user("CA")).text, "M-CA-repaired")
        XCTAssertEqual(try p.replay(stage: "decompose", promptVersion: "v", system: "s", user: user(nil)).text, "D1")
        XCTAssertEqual(p.calls, 5)
        XCTAssertEqual(p.stale, 0, "scripted interactions carry no request hash")
    }

    func testConcurrentReplaysGiveTheSameAnswersEveryTime() async throws {
        for _ in 0..<20 {
            let p = EvalCassettePlayer(cassette())
            let answers = try await withThrowingTaskGroup(of: (String, String).self) { group in
                for (stage, span) in [("map", "gear"), ("date", "gear"), ("map", "CA"), ("decompose", nil as String?)] {
                    group.addTask {
                        let r = try p.replay(stage: stage, promptVersion: "v", system: "s", user: self.user(span))
                        return ("\(stage)/\(span ?? "-")", r.text)
                    }
                }
                var out: [String: String] = [:]
                for try await (k, v) in group { out[k] = v }
                return out
            }
            XCTAssertEqual(answers, ["map/gear": "M-gear", "date/gear": "W-gear", "map/CA": "M-CA", "decompose/-": "D1"])
        }
    }

    func testAMissSaysWhatWasAskedAndHowToFixIt() {
        let p = EvalCassettePlayer(cassette())
        XCTAssertThrowsError(try p.replay(stage: "map", promptVersion: "v", system: "s", user: user("Texas"))) { e in
            XCTAssertEqual("\(e)", "cassette has no map response for span \"Texas\" (attempt 1); re-record with --record")
        }
        _ = try? p.replay(stage: "decompose", promptVersion: "v", system: "s", user: user(nil))
        XCTAssertThrowsError(try p.replay(stage: "decompose", promptVersion: "v", system: "s", user: user(nil))) { e in
            XCTAssertTrue("\(e)".contains("attempt 2"), "\(e)")
        }
    }

    func testRecordedCassetteReplaysAndCountsStaleRequests() throws {
        let rec = EvalCassetteRecorder()
        // Parallel stages finish in any order; the cassette is sorted.
        rec.record(stage: "map", promptVersion: "map@1", system: "S", user: user("gear"), response: .init(text: "M", model: "gpt"))
        rec.record(stage: "decompose", promptVersion: "decompose@1", system: "S", user: user(nil), response: .init(text: "D", model: "gpt"))
        let c = rec.cassette(note: "n")
        XCTAssertEqual(c.provenance, "recorded")
        XCTAssertEqual(c.interactions.map(\.stage), ["decompose", "map"])
        XCTAssertEqual(c.interactions[1].span, "gear")
        XCTAssertEqual(c.interactions[1].user, user("gear"))
        let p = EvalCassettePlayer(c)
        XCTAssertEqual(try p.replay(stage: "decompose", promptVersion: "decompose@1", system: "S", user: user(nil)).text, "D")
        XCTAssertEqual(p.stale, 0)
        // The map prompt was edited since the recording: still answered, but counted.
        XCTAssertEqual(try p.replay(stage: "map", promptVersion: "map@2", system: "S2", user: user("gear")).text, "M")
        XCTAssertEqual(p.stale, 1)
    }

    func testSaveRefusesToOverwriteWithoutForce() throws {
        let dir = EvalFixtures.tempDir()
        let path = dir + "/cassette.json"
        try cassette().save(path: path, force: false)
        let first = try String(contentsOfFile: path, encoding: .utf8)
        let other = EvalCassette(provenance: "recorded", interactions: [])
        XCTAssertThrowsError(try other.save(path: path, force: false)) { e in
            XCTAssertEqual("\(e)", "\(path) exists; pass --force to overwrite a recorded cassette")
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), first, "the existing cassette is untouched")
        try other.save(path: path, force: true)
        XCTAssertEqual(try EvalCassette.load(path: path), other)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["cassette.json"], "no temporary file left behind")
    }

    func testLoadRoundTripsAndRejectsGarbage() throws {
        let dir = EvalFixtures.tempDir()
        try cassette().save(path: dir + "/c.json", force: false)
        XCTAssertEqual(try EvalCassette.load(path: dir + "/c.json"), cassette())
        try "{\"format\": \"segmint-cassette/1\"}".write(toFile: dir + "/bad.json", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try EvalCassette.load(path: dir + "/bad.json")) { e in
            XCTAssertTrue("\(e)".contains("bad.json: not a cassette: missing key"), "\(e)")
        }
    }
}
