import Testing
@testable import RotaCore

/// RFC 4180 quoting of one field, as rota.csv, assignments.csv and the site files write it.
@Suite struct CSVFieldTests {
    @Test func aPlainFieldIsWrittenAsItIs() {
        #expect(CSVField.escape("韩集镇卫生院") == "韩集镇卫生院")
        #expect(CSVField.escape("hzm-0123") == "hzm-0123")
        #expect(CSVField.escape("") == "")
    }

    @Test func aCommaQuoteOrLineBreakIsQuotedWithItsQuotesDoubled() {
        #expect(CSVField.escape("曹县,东区") == "\"曹县,东区\"")
        #expect(CSVField.escape("the \"new\" centre") == "\"the \"\"new\"\" centre\"")
        #expect(CSVField.escape("a\nb") == "\"a\nb\"")
        #expect(CSVField.escape("a\rb") == "\"a\rb\"")
    }

    /// A CRLF pair is one Character in Swift, equal neither to "\r" nor to "\n": a field
    /// holding one must be quoted all the same, or it would break the CSV row in two.
    @Test func aCRLFPairIsQuotedToo() {
        #expect(CSVField.escape("第一行\r\n第二行") == "\"第一行\r\n第二行\"")
    }
}
