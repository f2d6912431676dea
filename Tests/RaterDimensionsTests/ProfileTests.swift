import Foundation
import Rater
import Testing

@Suite struct ProfileTests {
    static let names = ["generic", "hotel", "restaurant", "delivery", "retail", "healthcare", "banking", "telecom",
                        "it-ops", "airline"]

    @Test func everyProfileIsShippedWithWeightsThatSumToOne() throws {
        let catalog = try ProfileCatalog(lexiconDirectory: lexiconFolder)
        #expect(catalog.names == Self.names)
        for profile in catalog.profiles {
            let total = profile.weights.values.reduce(0, +)
            #expect(abs(total - 1) < 1e-9, "\(profile.name)")
            #expect(profile.name == "generic" || !catalog.lexiconFiles(for: profile).isEmpty, "\(profile.name)")
        }
        #expect(try catalog.profile(named: "generic") == IndustryProfile.generic)
    }

    @Test(arguments: names)
    func everyProfileLoadsAndIsStampedOnTheResult(_ name: String) throws {
        let engine = try engine(profile: name)
        let result = try Analyzer(engine: engine).analyze(SourceRecord(source: "-", recordNumber: 1, text: "服务很好"))
        #expect(result.profile.name == name)
        #expect(result.profile.version == "1")
    }

    @Test func unknownProfileIsAnErrorNamingTheKnownOnes() throws {
        #expect(throws: ProfileError.unknown(name: "casino", known: Self.names)) {
            try engine(profile: "casino")
        }
    }

    @Test func hotelsWeighTangiblesMoreThanITOperations() throws {
        let catalog = try ProfileCatalog(lexiconDirectory: lexiconFolder)
        let hotel = try catalog.profile(named: "hotel")
        let itOps = try catalog.profile(named: "it-ops")
        #expect(hotel.weight(of: .tangibles) > itOps.weight(of: .tangibles))
        #expect(itOps.weight(of: .reliability) > hotel.weight(of: .reliability))
        #expect(itOps.weight(of: .responsiveness) > hotel.weight(of: .responsiveness))
    }

    @Test func theServiceScoreFollowsTheProfileWeights() throws {
        // Tangibles positive, responsiveness negative: the hotel profile leans to the room, IT-ops to the speed.
        let text = "房间很漂亮,但是响应太慢了"
        let hotel = try #require(try report(text, engine: engine(profile: "hotel")).serviceScore)
        let itOps = try #require(try report(text, engine: engine(profile: "it-ops")).serviceScore)
        #expect(hotel > itOps)
        let weights = IndustryProfile(name: "t", version: "1", weights: [.tangibles: 3, .responsiveness: 1])
        #expect(weights.serviceScore([(.tangibles, 1), (.responsiveness, -1)]) == 0.5)
        #expect(weights.serviceScore([]) == nil)
    }

    @Test(arguments: [
        ("工单提交后两个小时没人接", ServiceDimension.responsiveness),
        ("驻场工程师很专业", .assurance),
        ("每周巡检都很认真", .reliability),
        ("响应时间超过了约定", .responsiveness),
        ("The on-site engineer knew the system inside out", .assurance),
        ("Another outage this month, SLA breached again", .reliability),
        ("Our P1 ticket sat untouched for a day", .responsiveness),
    ])
    func itOperationsCues(_ text: String, _ dimension: ServiceDimension) throws {
        let result = try report(text, engine: engine(profile: "it-ops"))
        #expect(result.dimensions.contains { $0.dimension == dimension }, "\(text)")
    }

    @Test func aProfileCanConditionABaseCue() throws {
        // In IT operations a server that is down is a reliability matter, not equipment on show.
        let result = try report("服务器又宕机了", engine: engine(profile: "it-ops"))
        #expect(result.dimensions.contains { $0.dimension == .reliability })
        #expect(!result.dimensions.contains { $0.dimension == .tangibles })
    }

    @Test(arguments: [
        ("hotel", "The concierge sorted everything", ServiceDimension.assurance),
        ("airline", "空乘很专业,颠簸时也很镇定", .assurance),
        ("delivery", "骑手超时了四十分钟", .reliability),
        ("healthcare", "挂号排了两个小时", .responsiveness),
        ("banking", "The teller was patient and careful", .assurance),
        ("telecom", "家里宽带三天两头断网", .reliability),
        ("retail", "导购很热情", .assurance),
        ("restaurant", "催菜催了三次", .responsiveness),
    ])
    func domainCuesPerProfile(_ profile: String, _ text: String, _ dimension: ServiceDimension) throws {
        let result = try report(text, engine: engine(profile: profile))
        #expect(result.dimensions.contains { $0.dimension == dimension }, "\(profile): \(text)")
    }

    @Test func malformedProfilesFileNamesTheLine() {
        #expect(throws: ProfileError.malformed(path: "p.tsv", line: 2,
                                               reason: "the assurance weight 'lots' is not a number ≥ 0")) {
            try ProfileCatalog.parse("# header\nhotel\t1\t0.2\tlots\t0.2\t0.2\t0.2\n", path: "p.tsv")
        }
    }
}

/// A profile's folder is edited by hand like the base lexicon folders, so it is listed by the same rule.
@Suite struct ProfileFolderTests {
    @Test func editorFilesAreSkippedAndTheExtensionIsMatchedInAnyCase() throws {
        let root = NSTemporaryDirectory() + "rater-profile-test-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/profiles/hotel"
        try FileManager.default.createDirectory(atPath: folder + "/nested.tsv", withIntermediateDirectories: true)
        for name in ["cues.tsv", "extra.TSV", "more.Tsv", "cues.tsv~", "#cues.tsv#", ".hidden.tsv", "notes.txt"] {
            try "# kind: dimension\n".write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        // Emacs's lock file, a link to a name that is no file, and a link whose target is gone.
        try FileManager.default.createSymbolicLink(atPath: folder + "/.#cues.tsv",
                                                   withDestinationPath: "analyst@host.1234:1700000000")
        try FileManager.default.createSymbolicLink(atPath: folder + "/gone.tsv", withDestinationPath: root + "/missing")
        let catalog = ProfileCatalog(profiles: [IndustryProfile(name: "hotel", version: "1",
                                                                weights: IndustryProfile.generic.weights)],
                                     directory: root + "/profiles")
        let files = catalog.lexiconFiles(for: catalog.profiles[0]).map { ($0 as NSString).lastPathComponent }
        #expect(files == ["cues.tsv", "extra.TSV", "more.Tsv"])
    }
}
