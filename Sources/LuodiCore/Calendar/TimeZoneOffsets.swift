import Foundation

/// UTC offsets of IANA time zones, from Foundation's time-zone database.
///
/// Only `CalendarDate.today` needs this: every stored date is already a local calendar date.
public enum TimeZoneOffsets {
    /// The current Unix time in whole seconds.
    public static func now() -> Int { Int(Date().timeIntervalSince1970) }

    /// Seconds east of UTC of the zone at the given Unix time; 8 h for an unknown identifier,
    /// because China Standard Time is the product's default.
    public static func secondsEast(of identifier: String, at unixTime: Int) -> Int {
        guard let zone = TimeZone(identifier: identifier) else { return 8 * 3600 }
        return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(unixTime)))
    }
}
