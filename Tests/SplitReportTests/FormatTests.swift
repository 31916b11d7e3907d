import SplitSim
import Testing

@testable import SplitReport

@Suite struct FormatTests {
    @Test func percentagesUseAsManyDecimalsAsTheyNeed() {
        #expect(Format.percent(0) == "0 %")
        #expect(Format.percent(0.05) == "5 %")
        #expect(Format.percent(1) == "100 %")
        #expect(Format.percent(0.001) == "0.1 %")
        #expect(Format.percent(1.0 / 11) == "9.09 %")
        #expect(Format.percent(1.0 / 3) == "33.3 %")
        #expect(Format.percent(0.00099) == "0.099 %")
    }

    @Test func numbersGroupThousandsAndKeepOneDecimalBelowTen() {
        #expect(Format.number(1_234_567) == "1,234,567")
        #expect(Format.number(999.6) == "1,000")
        #expect(Format.number(6.7) == "6.7")
        #expect(Format.number(-4200) == "-4,200")
    }

    @Test func spreadIsMeanWithP5ToP95OrJustTheMeanWhenRunsAgree() {
        #expect(Format.spread(SummaryStatistics([8, 10, 12])) == "10 [8.2–12]")
        #expect(Format.spread(SummaryStatistics([100, 100])) == "100")
        #expect(Format.spread(nil) == "–")
        #expect(Format.seconds(SummaryStatistics([30, 90])) == "1m [33s–1m27s]")
        #expect(Format.seconds(nil) == "–")
    }

    @Test func durationsReadLikeAClock() {
        #expect(Format.duration(2.5) == "2.5s")
        #expect(Format.duration(45) == "45s")
        #expect(Format.duration(90) == "1m30s")
        #expect(Format.duration(600) == "10m")
        #expect(Format.duration(3900) == "1h05m")
        #expect(Format.duration(7200) == "2h00m")
    }

    @Test func sharedPagesNeverShowALocalDirectory() {
        #expect(Format.sharedPath("scenarios/x.json") == "scenarios/x.json")
        #expect(Format.sharedPath("../x.json") == "../x.json")
        #expect(Format.sharedPath("/home/alice/x.json") == "x.json")
        #expect(Format.sharedPath("~/x.json") == "x.json")
        #expect(Format.sharedPath("C:\\Users\\alice\\x.json") == "x.json")
        #expect(Format.sharedPath("stdin") == "stdin")
    }

    @Test func aStepPeakReadsAsShareAndTime() {
        let step = StepGranularity(
            label: "setWeight 20", requested: 0.2, effective: 0.2, realized: SummaryStatistics([0.19, 0.2]),
            peak: SummaryStatistics([0.2, 0.2]), secondsAtPeak: SummaryStatistics([540, 600]))
        #expect(Format.peak(step) == "20 % for 9m30s")
        #expect(Format.realized(step) == "19.5 % [19.1 %–20 %]")
        let unreached = StepGranularity(label: "setWeight 50", requested: 0.5, effective: 0.5, realized: nil)
        #expect(Format.peak(unreached) == "–")
        #expect(Format.realized(unreached) == "not reached")
    }

    @Test func chartHelpersFormatHoursSharesAndCoordinates() {
        #expect(Format.hoursSpread(SummaryStatistics([1800, 3600])) == "0.75 [0.53–0.98]")
        #expect(Format.hoursSpread(SummaryStatistics([3600])) == "1")
        #expect(Format.hoursSpread(nil) == "–")
        #expect(Format.shareSpread(SummaryStatistics([0.19, 0.21])!) == "20 % [19.1 %–20.9 %]")
        #expect(Format.coordinate(12.3456) == "12.35")
        #expect(Format.coordinate(-0.001) == "0")
        #expect(Format.coordinate(.nan) == "0")
    }
}
