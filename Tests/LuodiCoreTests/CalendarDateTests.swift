import Testing
@testable import LuodiCore

@Suite struct CalendarDateTests {
    @Test func parsesAndPrintsISO() throws {
        let d = try CalendarDate(iso: "2021-06-30")
        #expect(d.year == 2021 && d.month == 6 && d.day == 30)
        #expect(d.iso == "2021-06-30")
    }

    @Test(arguments: ["2021-02-30", "2021-13-01", "2021-00-10", "2021-04-31", "2019-02-29"])
    func refusesDaysThatDoNotExist(_ text: String) {
        #expect(throws: CalendarDateError.self) { try CalendarDate(iso: text) }
    }

    @Test func acceptsLeapDay() throws {
        #expect(try CalendarDate(iso: "2020-02-29").dayOfYear == 60)
    }

    @Test func dayOfYear() throws {
        // 31+28+31+30+31+30 = 181
        #expect(try CalendarDate(iso: "2021-06-30").dayOfYear == 181)
        #expect(try CalendarDate(iso: "2020-12-31").dayOfYear == 366)
    }

    @Test func daysSinceEpochRoundTrips() throws {
        #expect(try CalendarDate(iso: "1970-01-01").daysSinceEpoch == 0)
        // 2000-03-01 is day 11017 after 1970-01-01 (30 years × 365 + 7 leap days + 59).
        #expect(try CalendarDate(iso: "2000-03-01").daysSinceEpoch == 11_017)
        #expect(CalendarDate(daysSinceEpoch: 11_017).iso == "2000-03-01")
        #expect(CalendarDate(daysSinceEpoch: -1).iso == "1969-12-31")
    }

    @Test func daysAndMonthsBetween() throws {
        let due = try CalendarDate(iso: "2021-03-31")
        #expect(due.days(until: try CalendarDate(iso: "2021-06-30")) == 91)
        #expect(due.wholeMonths(until: try CalendarDate(iso: "2021-06-30")) == 2)
        #expect(due.wholeMonths(until: try CalendarDate(iso: "2021-07-01")) == 3)
        #expect(try CalendarDate(iso: "2021-01-31").adding(months: 1).iso == "2021-02-28")
    }

    @Test func dateFormatIsStrict() throws {
        let us = try DateFormat("M/d/yyyy")
        #expect(try us.parse("4/13/2021").iso == "2021-04-13")
        #expect(throws: CalendarDateError.self) { try us.parse("13/45/2021") }
        #expect(throws: CalendarDateError.self) { try us.parse("2021-04-13") }
        #expect(throws: DateFormatError.self) { try DateFormat("dd MMM yyyy") }
    }

    @Test func todayIsTheLocalDateNotUTC() {
        // 2021-06-30T17:00:00Z is already 1 July in Shanghai (UTC+8) but still 30 June in New York.
        let instant = 1_625_072_400
        #expect(CalendarDate.today(timeZoneIdentifier: "Asia/Shanghai", unixTime: instant).iso == "2021-07-01")
        #expect(CalendarDate.today(timeZoneIdentifier: "America/New_York", unixTime: instant).iso == "2021-06-30")
    }
}

@Suite struct TimeElapsedShareTests {
    @Test func byDaysOn30June2021() throws {
        let share = TimeElapsedShare(asOf: try CalendarDate(iso: "2021-06-30"))
        #expect(share.elapsed == 181 && share.total == 365)
        #expect(abs(share.percent - 49.589) < 0.001)
    }

    @Test func byMonthsAtEndOfJuly() throws {
        let share = TimeElapsedShare(asOf: try CalendarDate(iso: "2021-07-31"), convention: .months)
        #expect(share.elapsed == 7 && share.total == 12)
        #expect(abs(share.percent - 58.333) < 0.001)
        // Before the month's last day only June has passed.
        #expect(TimeElapsedShare(asOf: try CalendarDate(iso: "2021-07-30"), convention: .months).elapsed == 6)
    }

    @Test func leapYearByDays() throws {
        let share = TimeElapsedShare(asOf: try CalendarDate(iso: "2020-12-31"))
        #expect(share.elapsed == 366 && share.total == 366 && share.fraction == 1)
    }
}

/// Typed dates stay far from the calendar's ends, where period and working-day arithmetic would leave it.
@Suite struct ParsedDateRangeTests {
    @Test func typedYearsAreBetween1000And8999() throws {
        #expect(throws: CalendarDateError.notACalendarDate("0001-01-01", reason: "year 1 is outside 1000–8999")) { try CalendarDate(iso: "0001-01-01") }
        #expect(throws: CalendarDateError.notACalendarDate("9999-12-31", reason: "year 9999 is outside 1000–8999")) { try CalendarDate(iso: "9999-12-31") }
        #expect(try CalendarDate(iso: "1000-01-01").year == 1000 && CalendarDate(iso: "8999-12-31").year == 8999)
        #expect(throws: CalendarDateError.self) { try DateFormat("yyyy/M/d").parse("0001/1/1") }
        // The week before the earliest typed date is still a date (the year 1 case crashed the server).
        let earliest = try CalendarDate(iso: "1000-01-01")
        #expect(ReportingPeriod(containing: earliest, cycle: .weekly).previous.start < earliest)
    }
}
