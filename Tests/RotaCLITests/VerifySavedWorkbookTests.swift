import Foundation
import Testing

/// An HR office opens rota.xlsx, works on its long sheet `明细`, and saves that sheet as CSV
/// from Excel on Chinese Windows: GB18030 bytes, dates as `2025/9/1`, halves 上午/下午,
/// activities in Chinese, a 星期 column. `rota verify` must read that file and check it.
///
/// The sheet is read and saved by openpyxl (another program than rota), as Excel would.
@Suite struct VerifySavedWorkbookTests {
    /// Saves sheet 明细 of `xlsx` as `csv` the way Chinese-locale Excel does, optionally
    /// changing one row (`edit`: "date" moves row 5's date a day on and keeps its 星期).
    static let saveAs = """
    import sys, csv, datetime, openpyxl
    xlsx, out, edit = sys.argv[1], sys.argv[2], sys.argv[3]
    ws = openpyxl.load_workbook(xlsx)["明细"]
    rows = []
    for r, row in enumerate(ws.iter_rows(values_only=True)):
        cells = []
        for v in row:
            if isinstance(v, datetime.datetime):
                if edit == "date" and r == 5: v = v + datetime.timedelta(days=1)
                v = f"{v.year}/{v.month}/{v.day}"
            cells.append("" if v is None else str(v))
        rows.append(cells)
    with open(out, "w", encoding="gb18030", newline="") as f:
        csv.writer(f, lineterminator="\\r\\n").writerows(rows)
    """

    static func save(_ xlsx: URL, as csvFile: URL, edit: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = ["-c", saveAs, xlsx.path, csvFile.path, edit]
        let err = Pipe()
        p.standardError = err
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        try #require(p.terminationStatus == 0, "python3-openpyxl: \(message)")
    }

    @Test func theLongSheetSavedFromChineseExcelVerifies() throws {
        let dir = try RotaProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let scenario = "Scenarios/mini/heze-mini.yaml"
        let planned = try RotaProcess.run(["plan", scenario, "--out", out.path, "--outputs", "plan,workbook"])
        try #require(planned.status == 0, "\(planned.stderr)")

        let saved = dir.appendingPathComponent("明细.csv")
        try Self.save(out.appendingPathComponent("rota.xlsx"), as: saved, edit: "none")
        let bytes = try Data(contentsOf: saved)
        #expect(String(data: bytes, encoding: .utf8) == nil)   // really GB18030, not UTF-8
        let verified = try RotaProcess.run(["verify", scenario, out.appendingPathComponent("plan.json").path, "--rota", saved.path])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout.contains("hold"))

        // A date moved by hand without its weekday is named at its line, exit 2.
        let edited = dir.appendingPathComponent("edited.csv")
        try Self.save(out.appendingPathComponent("rota.xlsx"), as: edited, edit: "date")
        let refused = try RotaProcess.run(["verify", scenario, out.appendingPathComponent("plan.json").path, "--rota", edited.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("edited.csv:6: rota[4].weekday: "))
        #expect(refused.stderr.contains("not the weekday of the date"))
    }
}
