import Testing
@testable import LuodiCore

/// The 调休 data against hand-read dates of the State Council's notices.
@Suite struct WorkingDayCalendarTests {
    let china = WorkingDayCalendar.china()
    func d(_ s: String) -> CalendarDate { try! CalendarDate(iso: s) }

    @Test func weekdays() {
        #expect(WorkingDayCalendar.weekdayIndex(d("1970-01-01")) == 3)   // Thursday
        #expect(WorkingDayCalendar.weekdayIndex(d("2021-10-09")) == 5)   // Saturday
        #expect(WorkingDayCalendar.weekdayIndex(d("2026-01-04")) == 6)   // Sunday
    }

    @Test func nationalDay2021() {
        // 10月1日至7日放假调休; 9月26日(星期日)、10月9日(星期六)上班.
        #expect(china.isWorkingDay(d("2021-09-26")))
        #expect(!china.isWorkingDay(d("2021-10-04")))
        #expect(china.isWorkingDay(d("2021-10-09")))
        #expect(china.adding(workingDays: 1, to: d("2021-09-30")) == d("2021-10-08"))
        #expect(china.adding(workingDays: 2, to: d("2021-09-30")) == d("2021-10-09"))
        #expect(china.adding(workingDays: 3, to: d("2021-09-30")) == d("2021-10-11"))
        #expect(china.adding(workingDays: -1, to: d("2021-10-08")) == d("2021-09-30"))
    }

    @Test func workingDaysInOctober2021() {
        // 21 weekdays, minus 1, 4, 5, 6, 7 October, plus Saturday 9 October = 17.
        #expect(china.workingDays(after: d("2021-09-30"), through: d("2021-10-31")) == 17)
        #expect(WorkingDayCalendar().workingDays(after: d("2021-09-30"), through: d("2021-10-31")) == 21)
    }

    @Test func springFestival2020WasExtended() {
        // Originally 1月24日至30日 with 2月1日(星期六)上班; extended to 2月2日 by 国办发明电〔2020〕1号.
        #expect(china.isWorkingDay(d("2020-01-19")))
        #expect(!china.isWorkingDay(d("2020-01-31")))
        #expect(!china.isWorkingDay(d("2020-02-01")))
        #expect(china.workingDayOnOrAfter(d("2020-01-24")) == d("2020-02-03"))
    }

    @Test func year2026() {
        // 元旦 1月1日至3日, 1月4日(周日)上班; 春节 2月15日至23日, 2月14日、28日上班.
        #expect(china.isWorkingDay(d("2026-01-04")))
        #expect(!china.isWorkingDay(d("2026-02-23")))
        #expect(china.isWorkingDay(d("2026-02-14")) && china.isWorkingDay(d("2026-02-28")))
        // A 10-working-day task starting Friday 13 Feb 2026: 13, 14 (Sat, working), 24, 25, 26,
        // 27, 28 (Sat, working), 2, 3, 4 March.
        #expect(china.finish(start: d("2026-02-13"), duration: 10) == d("2026-03-04"))
    }

    @Test func everyAdjustedWorkingDayIsAWeekendDay() {
        for notice in HolidayNotice.china {
            for day in notice.adjustedWorkingDays {
                #expect(WorkingDayCalendar.weekdayIndex(day) >= 5, "\(day) in \(notice.year)")
            }
            #expect(!notice.citation.isEmpty)
        }
        #expect(HolidayNotice.china.map(\.year) == Array(2020...2026))
    }

    @Test func zoneExceptionsOverrideTheNotices() {
        var zone = WorkingDayCalendar.china()
        zone.setException(d("2021-06-30"), working: false)   // a zone closure on a Wednesday
        zone.setException(d("2021-10-02"), working: true)    // weekend work during the holiday
        #expect(!zone.isWorkingDay(d("2021-06-30")) && zone.isWorkingDay(d("2021-10-02")))
        #expect(zone.adding(workingDays: 1, to: d("2021-09-30")) == d("2021-10-02"))
    }
}
