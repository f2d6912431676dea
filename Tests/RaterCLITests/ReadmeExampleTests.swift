import Foundation
import Testing

/// The README's examples are what the tool prints: the result-schema example had drifted three rule changes away
/// from the output of its own input before this test pinned it.
@Suite struct ReadmeExampleTests {
    /// The first fenced `json` block after `heading` in the README.
    private func jsonBlock(after heading: String) throws -> String {
        let readme = try String(contentsOf: CLIProcess.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: heading))
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "```json\n"))
        let close = try #require(rest[open.upperBound...].range(of: "\n```"))
        return String(rest[open.upperBound..<close.lowerBound])
    }

    @Test func theResultSchemaExampleIsTheResultOfItsInput() throws {
        let folder = try ScratchFolder()
        // The example is the export's second record.
        try folder.write("hotel.csv", "id,branch,rating,comment\nH001,上海外滩店,5,很好\n"
            + "H002,上海外滩店,2,环境不错，但是服务员态度很差，房价太贵，不会再来了\n")
        let outcome = try CLIProcess.run(["analyze", "hotel.csv", "--text-column", "comment", "--profile", "hotel",
                                          "-o", "-", "--log-level", "error"], directory: folder.path)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let line = try #require(outcome.standardOutput.split(separator: "\n").last)
        let printed = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary
        let documented = try JSONSerialization.jsonObject(
            with: Data(jsonBlock(after: "### Result schema").utf8)) as? NSDictionary
        #expect(printed != nil && printed == documented, "README example is stale; the tool prints:\n\(outcome.standardOutput)")
    }
}
