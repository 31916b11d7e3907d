import Testing

@testable import SplitSim

@Suite("Did-you-mean suggestions")
struct EditDistanceTests {
    @Test func measuresEdits() {
        #expect(EditDistance.distance("replica", "replicas") == 1)
        #expect(EditDistance.distance("pasue", "pause") == 1)
        #expect(EditDistance.distance("kitten", "sitting") == 3)
        #expect(EditDistance.distance("", "abc") == 3)
        #expect(EditDistance.distance("PodStartup", "podStartup") == 0)
    }

    @Test func suggestsCloseKeysOnly() {
        let keys = ScenarioObject.cluster.keys
        #expect(EditDistance.suggestion(for: "replica", among: keys) == "replicas")
        #expect(EditDistance.suggestion(for: "podstartup", among: keys) == "podStartup")
        #expect(EditDistance.suggestion(for: "podStrtup", among: keys) == "podStartup")
        #expect(EditDistance.suggestion(for: "zone", among: keys) == nil)
        #expect(EditDistance.suggestion(for: "rsp", among: ScenarioObject.traffic.keys) == "rps")
    }
}
