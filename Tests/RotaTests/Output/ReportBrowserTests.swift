import CRotaZlib
import Foundation
import Testing
@testable import RotaCore
@testable import RotaOutput

/// heze-mini's report pages in a real headless Chromium (Debian's `chromium`, installed by
/// `make deps`): each page loads from disk, the DOM Chromium builds from it (`--dump-dom`)
/// holds the charts with plan.json's and rota.csv's numbers, and a screenshot of the
/// overview is a picture, not a blank page.
@Suite(.serialized) struct ReportBrowserTests {
    static let chromium = "/usr/bin/chromium"

    /// Runs headless Chromium on `url` with `arguments`, returning its standard output.
    func chromium(_ arguments: [String], _ url: URL, profile: URL) throws -> String {
        let p = Process(), out = Pipe()
        p.executableURL = URL(fileURLWithPath: Self.chromium)
        p.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                       "--no-first-run", "--user-data-dir=\(profile.path)"] + arguments + [url.absoluteString]
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func chromiumRendersTheMiniPagesAndTheirChartsShowPlanJSONsNumbers() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.chromium), "install chromium (make deps)")
        let files = try ReportPagesFixture.files()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rota-report-browser-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, data) in files where name == "report.html" || name.hasPrefix("report/") {
            let url = dir.appendingPathComponent("out").appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let out = dir.appendingPathComponent("out"), profile = dir.appendingPathComponent("profile")
        let plan = try ReportPagesFixture.plan(), s = ReportPagesFixture.scenario

        // The overview: quota bars and the totals as plan.json has them, a week per bar.
        let index = try chromium(["--dump-dom"], out.appendingPathComponent("report.html"), profile: profile)
        #expect(index.contains("</svg>") && index.contains("排班报告"), "Chromium gave no page: \(index.prefix(300))")
        let bars = ReportPagesFixture.tags(index, within: "quota-chart", having: ["data-id", "data-planned", "data-rule"])
        #expect(!bars.isEmpty)
        for bar in bars {
            #expect(bar["data-planned"] == String(ReportPagesFixture.plannedBySender(plan, rule: bar["data-rule"]!)[bar["data-id"]!] ?? 0), "\(bar["data-id"]!)")
        }
        let t1 = Set(plan.teams.filter { $0.tier == "T1" }.flatMap(\.members)).count
        #expect(ReportPagesFixture.tags(index, within: "totals-chart", having: ["data-rule"]).first { $0["data-rule"] == "T1.total" }?["data-planned"] == String(t1))
        let perWeek = ReportPagesFixture.rotaRowsPerWeek(try #require(files["rota.csv"]))
        let weeks = ReportPagesFixture.tags(index, within: "load-chart", having: ["data-week", "data-halfdays"])
        #expect(weeks.count == 53 && weeks.allSatisfy { $0["data-halfdays"] == String(perWeek[$0["data-week"]!] ?? 0) })

        // A county's page: its map's dots, covered as plan.json says.
        let covered = ReportPagesFixture.coveredByCounty(plan, s)
        let county = try chromium(["--dump-dom"], out.appendingPathComponent("report/county-cao.html"), profile: profile)
        let map = try #require(ReportPagesFixture.tags(county, having: ["data-covered", "data-villages"]).first)
        #expect(map["data-covered"] == String(covered["cao"]?.count ?? -1))
        let dots = ReportPagesFixture.tags(county, within: "county-map", having: ["data-id", "class"]).filter { $0["class"]!.hasPrefix("v") }
        #expect(dots.count == s.institutions.filter { $0.tier == .village && $0.county == "cao" }.count)

        // A hospital's page: its own quota bar.
        let hospital = try chromium(["--dump-dom"], out.appendingPathComponent("report/hospital-hz-municipal.html"), profile: profile)
        let own = try #require(ReportPagesFixture.tags(hospital, within: "quota-chart", having: ["data-id"]).first)
        #expect(own["data-id"] == "hz-municipal" && own["data-planned"] == String(ReportPagesFixture.plannedBySender(plan, rule: "T1.quota")["hz-municipal"] ?? -1))

        // A screenshot of the overview shows something: many colours, most of it not the background.
        let shot = dir.appendingPathComponent("report.png")
        _ = try chromium(["--screenshot=\(shot.path)", "--window-size=1280,1800"], out.appendingPathComponent("report.html"), profile: profile)
        let png = try Data(contentsOf: shot)
        let image = try #require(PNGPixels(png), "not a PNG Chromium writes (8-bit RGB or RGBA)")
        #expect(image.width == 1280 && image.height == 1800)
        #expect(image.distinctColours > 20, "\(image.distinctColours) colours: a blank page?")
        #expect(image.nonBackgroundShare > 0.02, "only \(image.nonBackgroundShare) of the pixels differ from the background")
        if let keep = ProcessInfo.processInfo.environment["ROTA_SCREENSHOTS"] {
            try? FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
            try? png.write(to: URL(fileURLWithPath: keep).appendingPathComponent("report-index.png"))
        }
    }
}

/// The pixels of an 8-bit RGB or RGBA PNG, as Chromium writes screenshots: enough to tell a
/// picture from a blank page.
struct PNGPixels {
    let width: Int, height: Int
    /// Colours that occur, counted up to 10 000.
    let distinctColours: Int
    /// The share of pixels whose colour is not the top-left pixel's.
    let nonBackgroundShare: Double

    init?(_ data: Data) {
        let bytes = [UInt8](data)
        guard bytes.count > 33, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        func u32(_ i: Int) -> Int { Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) }
        var i = 8, idat: [UInt8] = [], w = 0, h = 0, channels = 0
        while i + 8 <= bytes.count {
            let length = u32(i), type = String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self)
            guard i + 12 + length <= bytes.count else { return nil }
            let body = bytes[(i + 8)..<(i + 8 + length)]
            if type == "IHDR" {
                w = u32(i + 8); h = u32(i + 12)
                guard body[body.startIndex + 8] == 8, body[body.startIndex + 12] == 0 else { return nil }   // 8-bit, not interlaced
                switch body[body.startIndex + 9] { case 2: channels = 3; case 6: channels = 4; default: return nil }
            } else if type == "IDAT" {
                idat += body
            }
            i += 12 + length
        }
        guard w > 0, h > 0, channels > 0 else { return nil }
        let rowBytes = w * channels
        var raw = [UInt8](repeating: 0, count: h * (rowBytes + 1))
        var size = uLongf(raw.count)
        let status = raw.withUnsafeMutableBufferPointer { r in idat.withUnsafeBufferPointer { uncompress(r.baseAddress, &size, $0.baseAddress, uLong($0.count)) } }
        guard status == Z_OK, Int(size) == raw.count else { return nil }
        // Undo the per-row filters (None, Sub, Up, Average, Paeth).
        var pixels = [UInt8](repeating: 0, count: h * rowBytes)
        for y in 0..<h {
            let filter = raw[y * (rowBytes + 1)]
            for x in 0..<rowBytes {
                let v = raw[y * (rowBytes + 1) + 1 + x]
                let a = x >= channels ? Int(pixels[y * rowBytes + x - channels]) : 0
                let b = y > 0 ? Int(pixels[(y - 1) * rowBytes + x]) : 0
                let c = x >= channels && y > 0 ? Int(pixels[(y - 1) * rowBytes + x - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                default: return nil
                }
                pixels[y * rowBytes + x] = UInt8((Int(v) + predictor) & 0xFF)
            }
        }
        func colour(_ k: Int) -> Int { Int(pixels[k]) << 16 | Int(pixels[k + 1]) << 8 | Int(pixels[k + 2]) }
        let background = colour(0)
        var colours: Set<Int> = [], other = 0
        for k in stride(from: 0, to: pixels.count, by: channels) {
            let c = colour(k)
            if c != background { other += 1 }
            if colours.count < 10_000 { colours.insert(c) }
        }
        width = w; height = h; distinctColours = colours.count
        nonBackgroundShare = Double(other) / Double(w * h)
    }
}
