import XCTest
import SegmintCore
@testable import SegmintNL

/// The offline translator on catalogs it was not written with (see `DomainCatalogs`).
final class OfflineDomainTests: XCTestCase {
    let devices = OfflineTranslator(catalog: DomainCatalogs.devices, today: CivilDate(year: 2026, month: 3, day: 1))
    let streaming = OfflineTranslator(catalog: DomainCatalogs.streaming, today: CivilDate(year: 2026, month: 3, day: 1))
    let saas = OfflineTranslator(catalog: DomainCatalogs.saas, today: CivilDate(year: 2026, month: 3, day: 1))

    func testDevicesEntityAndGazetteerWithoutSynonyms() throws {
        let r = devices.translate("devices in Germany that rebooted after a crash in the last 7 days")
        XCTAssertEqual(r.unmapped, []); XCTAssertEqual(r.questions, [])
        XCTAssertEqual(r.include, [
            #"country = "DE" [RETRIEVED: country] [RETRIEVED: "DE" from "Germany"]"#,
            #"has reboot where reason = "crash" during last 7 days [RETRIEVED: reboot from "rebooted"] [RETRIEVED: reboot.reason] [RETRIEVED: "crash" from "crash"]"#,
        ])
        XCTAssertNotNil(r.seg)
    }

    func testDevicesBoolNameWithoutIsAndNegatedOrderedEvent() {
        let r = devices.translate("online devices on the beta channel without critical alerts this month")
        XCTAssertEqual(r.unmapped, [])
        XCTAssertEqual(r.include, [
            #"is_online = true [RETRIEVED: is_online from "online"]"#,
            #"firmware_channel = "beta" [RETRIEVED: firmware_channel] [RETRIEVED: "beta" from "beta"]"#,
        ])
        XCTAssertEqual(r.exclude, [
            #"has alert where severity = "critical" since 2026-03-01 [RETRIEVED: alert from "alerts"] [RETRIEVED: alert.severity] [RETRIEVED: "critical" from "critical"]"#,
        ])
    }

    func testDevicesComparisonBeforeFacetAndFreeText() {
        let r = devices.translate("devices with battery level under 20 whose serial number starts with AX-")
        XCTAssertEqual(r.unmapped, [])
        XCTAssertEqual(r.include, [
            #"battery_level < 20 [RETRIEVED: battery_level from "battery level"]"#,
            #"serial_number starts_with "AX-" [RETRIEVED: serial_number from "serial number"]"#,
        ])
    }

    /// A person noun is not this entity's word: "customers" of a device fleet is unmapped.
    func testPersonNounsAreNotADevicesWord() {
        let r = devices.translate("customers in Germany")
        XCTAssertNil(r.seg)
        XCTAssertEqual(r.unmapped + r.questions.map(\.span), ["customers"])
    }

    func testStreamingVerbClassGazetteerAliasAndOrderedValue() {
        let r = streaming.translate("premium subscribers in the UK who watched drama in the last 30 days")
        XCTAssertEqual(r.unmapped, [])
        XCTAssertEqual(r.include, [
            #"plan = "premium" [RETRIEVED: plan] [RETRIEVED: "premium" from "premium"]"#,
            #"country = "GB" [RETRIEVED: country] [RETRIEVED: "GB" from "UK"]"#,
            #"has view where genre = "drama" during last 30 days [RETRIEVED: view from "watched"] [RETRIEVED: view.genre] [RETRIEVED: "drama" from "drama"]"#,
        ])
    }

    func testStreamingPaidWithAndSignedUp() {
        let r = streaming.translate("subscribers who paid with paypal and signed up in the last 45 days")
        XCTAssertEqual(r.unmapped, [])
        XCTAssertEqual(r.include, [
            #"has payment where method = "paypal" [RETRIEVED: payment from "paid"] [RETRIEVED: payment.method] [RETRIEVED: "paypal" from "paypal"]"#,
            #"signup_date during last 45 days [RETRIEVED: signup_date from "signed up"]"#,
        ])
    }

    func testStreamingWatchersButNotWatchers() {
        let r = streaming.translate("drama watchers but not comedy watchers")
        XCTAssertEqual(r.unmapped, [])
        XCTAssertEqual(r.include, [#"has view where genre = "drama" [RETRIEVED: view from "watchers"] [RETRIEVED: view.genre] [RETRIEVED: "drama" from "drama"]"#])
        XCTAssertEqual(r.exclude, [#"has view where genre = "comedy" [RETRIEVED: view from "watchers"] [RETRIEVED: view.genre] [RETRIEVED: "comedy" from "comedy"]"#])
    }

    func testStreamingAtLeastOrderedUnderAgeKidsProfileWomen() {
        let r = streaming.translate("women under age 30 with at least standard plan and a kids profile")
        XCTAssertEqual(r.unmapped, [])
        XCTAssertEqual(r.include, [
            #"gender = "female" [RETRIEVED: gender] [RETRIEVED: "female" from "women"]"#,
            #"age < 30 [RETRIEVED: age from "age"]"#,
            #"plan >= "standard" [RETRIEVED: plan from "plan"] [RETRIEVED: "standard" from "standard"]"#,
            #"has_kids_profile = true [RETRIEVED: has_kids_profile from "kids profile"]"#,
        ])
    }

    func testStreamingHeavyWatchersRecentlyAskTwiceThenAnswer() {
        let q = streaming.translate("heavy watchers recently")
        XCTAssertEqual(Set(q.questions.map(\.key)), ["number:heavy watchers", "window:recently"])
        XCTAssertNil(q.seg)
        let a = streaming.translate("heavy watchers recently", answers: Answers(["heavy watchers": ">= 10", "recently": "last 14 days"]))
        XCTAssertEqual(a.include, [#"has view during last 14 days count >= 10 [RETRIEVED: view from "watchers"]"#])
    }

    func testStreamingLikelyToChurnAsksWithModelScoreCandidate() {
        let q = streaming.translate("subscribers likely to churn")
        let question = try? XCTUnwrap(q.questions.first)
        XCTAssertEqual(question?.key, "number:likely to churn")
        XCTAssertEqual(question?.options, ["churn_probability"])
        XCTAssertEqual(question?.example, ">= 0.7")
        let a = streaming.translate("subscribers likely to churn", answers: Answers(["number:likely to churn": "> 0.8"]))
        XCTAssertEqual(a.include, [#"churn_probability > 0.8 [RETRIEVED: churn_probability from "likely to churn"]"#])
    }

    func testSaasOrderedOrAboveRegionAndInvoices() {
        let r = saas.translate("accounts on the pro plan or above in EMEA with an unpaid invoice this fiscal year")
        XCTAssertEqual(r.include.first, #"plan >= "pro" [RETRIEVED: plan from "plan"] [RETRIEVED: "pro" from "pro"]"#)
        XCTAssertTrue(r.include.contains(#"region = "EMEA" [RETRIEVED: region] [RETRIEVED: "EMEA" from "EMEA"]"#), "\(r.include)")
    }

    func testSaasLoginFromEnglishLayer() {
        let r = saas.translate("accounts that logged in since 2026-01-01")
        XCTAssertEqual(r.unmapped, [])
        XCTAssertEqual(r.include, [#"has login since 2026-01-01 [RETRIEVED: login from "logged in"]"#])
    }

    func testOffTopicIsRefused() {
        XCTAssertNotNil(streaming.translate("write me a poem about drama").refusal)
        XCTAssertNotNil(devices.translate("what's the weather in Germany tomorrow?").refusal)
        XCTAssertNil(streaming.translate("subscribers who watched drama").refusal)
    }
}
