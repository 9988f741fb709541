import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import RotaServer

/// A real headless Chromium (Debian's `chromium` and `chromium-driver`, installed by `make deps`)
/// driven through the WebDriver protocol: logs in, uploads the heze-mini submission through the
/// form, sees the verdict, the dashboard and its chart, and prints the annual summary.
@Suite(.serialized) struct BrowserTests {
    @Test func aPersonLogsInUploadsHezeMiniAndSeesTheVerdictAndTheDashboard() async throws {
        let driverPath = "/usr/bin/chromedriver"
        try #require(FileManager.default.isExecutableFile(atPath: driverPath), "install chromium and chromium-driver (make deps)")
        let (dir, db) = try freshPortalDatabase("browser")
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try ServerProcess(db: db)
        defer { server.kill() }

        let driverPort = Int.random(in: 20000...40000)
        let driver = Process()
        driver.executableURL = URL(fileURLWithPath: driverPath)
        driver.arguments = ["--port=\(driverPort)", "--allowed-ips=127.0.0.1"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        defer { if driver.isRunning { kill(driver.processIdentifier, SIGKILL) }; driver.waitUntilExit() }
        // curl, not URLSession: FoundationNetworking fails on chromedriver's answers ("Failed writing header").
        func curl(_ method: String, _ path: String, _ body: Data?) throws -> (Int, Data) {
            let p = Process(), out = Pipe()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            p.arguments = ["-s", "-X", method, "-H", "Content-Type: application/json", "-w", "\n%{http_code}",
                           "http://127.0.0.1:\(driverPort)\(path)"] + (body.map { ["--data-binary", String(decoding: $0, as: UTF8.self)] } ?? [])
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            let text = String(decoding: data, as: UTF8.self)
            let code = Int(text.split(separator: "\n").last ?? "") ?? 0
            return (code, Data(text.utf8.dropLast(String(code).count + 1)))
        }
        func call(_ method: String, _ path: String, _ body: Any? = nil) async throws -> Any? {
            let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
            let (status, answer) = try curl(method, path, data)
            let json = try? JSONSerialization.jsonObject(with: answer) as? [String: Any]
            guard status == 200 else { throw PortalError(status: .badGateway, message: "WebDriver \(method) \(path): \(status) \(String(decoding: answer, as: UTF8.self).prefix(500))") }
            return json?["value"]
        }
        var ready = false, lastError = ""
        for _ in 0..<100 where !ready {
            do {
                let v = try await call("GET", "/status") as? [String: Any]
                if v?["ready"] as? Bool == true { ready = true; break }
            } catch { lastError = "\(error)" }
            try await Task.sleep(for: .milliseconds(100))
        }
        try #require(ready, "chromedriver did not start: \(lastError)")
        let created = try await call("POST", "/session", ["capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": [
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1800",
                     "--user-data-dir=\(dir.appendingPathComponent("profile").path)"]]]]]) as? [String: Any]
        let session = try #require(created?["sessionId"] as? String)
        // Closed before the driver is killed (the defer above runs later): killed first, the
        // driver would leave its Chromium running, orphaned, after every test run.
        defer { _ = try? curl("DELETE", "/session/\(session)", nil) }
        let base = "http://127.0.0.1:\(server.port)"
        func go(_ path: String) async throws { _ = try await call("POST", "/session/\(session)/url", ["url": base + path]) }
        func element(_ css: String) async throws -> String {
            let v = try await call("POST", "/session/\(session)/element", ["using": "css selector", "value": css]) as? [String: Any]
            return try #require(v?.values.first as? String)
        }
        func type(_ css: String, _ text: String) async throws {
            _ = try await call("POST", "/session/\(session)/element/\(try await element(css))/value", ["text": text])
        }
        func click(_ css: String) async throws { _ = try await call("POST", "/session/\(session)/element/\(try await element(css))/click", [String: String]()) }
        func source() async throws -> String { try await call("GET", "/session/\(session)/source") as? String ?? "" }
        /// The page's source once it holds `text` (a form's navigation may still be under way
        /// when the click returns), or the last source read after about 30 s.
        func source(containing text: String) async throws -> String {
            var page = try await source()
            for _ in 0..<150 where !page.contains(text) {
                try await Task.sleep(for: .milliseconds(200))
                page = try await source()
            }
            return page
        }
        func screenshot(_ name: String) async throws {
            guard let b64 = try await call("GET", "/session/\(session)/screenshot") as? String, let png = Data(base64Encoded: b64) else { return }
            let shots = URL(fileURLWithPath: ProcessInfo.processInfo.environment["ROTA_SCREENSHOTS"] ?? dir.path)
            try? FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
            try png.write(to: shots.appendingPathComponent(name))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        }

        try await go("/login")
        try await type("#username", "commission")
        try await type("#password", PortalFixture.password)
        try await click("#login")
        _ = try await source(containing: "Log out")
        try await go("/submissions")
        try await type("#name", "heze-mini")
        try await type("#scenario", PortalFixture.path("Scenarios/audit/heze-mini/scenario.yaml"))
        try await type("#plan", PortalFixture.path("Scenarios/audit/heze-mini/plan.json"))
        try await click("#submit")
        let verdict = try await source(containing: "heze-mini — version 1")
        #expect(verdict.contains("heze-mini — version 1"))
        #expect(verdict.contains("PASSES: all 177 rule instances hold"))
        try await screenshot("verdict.png")
        try await go("/dashboard")
        let dashboard = try await source(containing: "Region dashboard")
        #expect(dashboard.contains("Region dashboard") && dashboard.contains("quota-chart"))
        #expect(dashboard.contains("菏泽市立医院") && dashboard.contains("The region passes: 1 submission<"))
        try await screenshot("dashboard.png")
        func script(_ js: String) async throws -> Any? { try await call("POST", "/session/\(session)/execute/sync", ["script": js, "args": [Any]()]) }
        // The chart is drawn: laid out wide enough to read, one bar group per quota row.
        let chart = try await script("""
            const s = document.getElementById('quota-chart'); const rows = document.querySelectorAll('#quotas tr').length - 1;
            return [s.getBoundingClientRect().width, [...s.querySelectorAll('rect > title')].filter(t => t.textContent.startsWith('planned ')).length, rows];
            """) as? [Any]
        let width = (chart?[0] as? NSNumber)?.doubleValue ?? 0, titles = (chart?[1] as? NSNumber)?.intValue ?? 0, rows = (chart?[2] as? NSNumber)?.intValue ?? -1
        #expect(width > 600, "the quota chart is \(width) px wide")
        #expect(rows > 0 && titles == rows, "one planned bar per quota row: \(titles) bars, \(rows) rows")

        // The printable annual summary: its bar on screen, gone in print, one submission per page, and Chromium prints it.
        try await go("/summary")
        let summary = try await source(containing: "Audit report")
        #expect(summary.contains("年度工作总结 Annual summary") && summary.contains("heze-mini v1") && summary.contains("T1.quota"))
        try await screenshot("summary.png")
        func display(_ id: String) async throws -> String { try await script("return getComputedStyle(document.getElementById('\(id)')).display") as? String ?? "" }
        #expect(try await display("summary-bar") != "none")
        _ = try await call("POST", "/session/\(session)/goog/cdp/execute", ["cmd": "Emulation.setEmulatedMedia", "params": ["media": "print"]])
        #expect(try await display("summary-bar") == "none", "the screen bar is left out of the print")
        let pdf = try await call("POST", "/session/\(session)/print", ["orientation": "landscape"]) as? String
        let pdfData = try #require(pdf.flatMap { Data(base64Encoded: $0) })
        #expect(pdfData.starts(with: Array("%PDF".utf8)) && pdfData.count > 10_000)
        let shots = URL(fileURLWithPath: ProcessInfo.processInfo.environment["ROTA_SCREENSHOTS"] ?? dir.path)
        try? pdfData.write(to: shots.appendingPathComponent("summary.pdf"))
    }
}
