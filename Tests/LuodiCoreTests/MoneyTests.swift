import Testing
@testable import LuodiCore

@Suite struct MoneyParserTests {
    let wan = MoneyParser(currency: .cny, defaultUnit: .wan)
    let yuan = MoneyParser(currency: .cny, defaultUnit: .one)
    let dollars = MoneyParser(currency: .usd, defaultUnit: .one)

    @Test func chineseUnits() throws {
        // 3000 万元 = 30,000,000 yuan = 3,000,000,000 fen.
        #expect(try yuan.parse("3000万元").minorUnits == 3_000_000_000)
        #expect(try yuan.parse("3,000 万").minorUnits == 3_000_000_000)
        // 1.2 亿 = 120,000,000 yuan.
        #expect(try yuan.parse("1.2亿").minorUnits == 12_000_000_000)
        #expect(try yuan.parse("1.2亿元").minorUnits == 12_000_000_000)
    }

    @Test func bareNumbersTakeTheColumnUnit() throws {
        #expect(try wan.parse("3,000").minorUnits == 3_000_000_000)
        #expect(try wan.parse("0.5").minorUnits == 500_000)
        #expect(try yuan.parse("12000").minorUnits == 1_200_000)
        #expect(try wan.parse("12000元").minorUnits == 1_200_000)
    }

    @Test func dollarsAndCents() throws {
        let m = try dollars.parse("$1,234.50")
        #expect(m.minorUnits == 123_450 && m.currency == .usd)
        #expect(try dollars.parse("US$ 10").minorUnits == 1000)
    }

    @Test func fullWidthDigits() throws {
        #expect(try yuan.parse("１２００万元").minorUnits == 1_200_000_000)
    }

    @Test(arguments: ["-5", "−5万", "abc", "12,34", "1.2.3", "", "万元", "1.234亿亿"])
    func refusesWhatIsNotAnAmount(_ text: String) {
        #expect(throws: MoneyError.self) { try wan.parse(text) }
    }

    @Test func refusesNegativeWithReason() {
        #expect(throws: MoneyError.negative("-5")) { try wan.parse("-5") }
    }

    @Test func refusesOverflowAndFractionsOfAFen() {
        #expect(throws: MoneyError.overflow(text: "99999999999999亿")) { try yuan.parse("99999999999999亿") }
        #expect(throws: MoneyError.tooManyDecimals("1.234", allowed: 2)) { try yuan.parse("1.234") }
    }

    @Test func refusesAnotherCurrency() throws {
        #expect(throws: MoneyError.foreignCurrency("$100", found: .usd, zone: .cny)) { try wan.parse("$100") }
        #expect(throws: MoneyError.badCurrency("XYZ")) { try CurrencyCode("XYZ") }
        #expect(try CurrencyCode("usd") == .usd)
    }

    @Test func neverAddsTwoCurrencies() {
        #expect(throws: MoneyError.self) {
            try Money(minorUnits: 1, currency: .cny).adding(Money(minorUnits: 1, currency: .usd))
        }
    }
}

@Suite struct ProjectCodeTests {
    @Test func acceptsTheNationalFormat() throws {
        #expect(try ProjectCode("2021-370282-36-03-012345").value == "2021-370282-36-03-012345")
    }

    @Test(arguments: ["2021-37028-36-03-012345", "2021-370282-36-03", "X021-370282-36-03-012345", "2021/370282/36/03/012345"])
    func refusesOtherShapes(_ text: String) {
        #expect(throws: ProjectCodeError.self) { try ProjectCode(text) }
    }
}

extension MoneyParserTests {
    @Test func aCurrencySignMeansWholeUnits() throws {
        // In a 万元 column, "￥5,000" is five thousand yuan, not 5,000 万.
        #expect(try wan.parse("￥5,000").minorUnits == 500_000)
        #expect(try wan.parse("5,000").minorUnits == 5_000_000_000)
        #expect(try wan.parse("￥5,000万").minorUnits == 5_000_000_000)
    }
}
