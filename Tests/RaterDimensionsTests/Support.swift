import Foundation
import Rater

let lexiconFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Lexicons").path

func engine(profile: String) throws -> Engine {
    try Engine.standard(lexiconDirectory: lexiconFolder, profile: profile)
}

func report(_ text: String, engine: Engine = dimensionEngine) throws -> DimensionReport {
    try Analyzer(engine: engine).analysis(of: text).report
}

func aspects(_ text: String) throws -> [Aspect: SentimentLabel] {
    Dictionary(uniqueKeysWithValues: try report(text).aspects.map { ($0.aspect, $0.label) })
}

func signals(_ text: String) throws -> Set<SignalValue> {
    Set(try report(text).signals.map(\.value))
}
