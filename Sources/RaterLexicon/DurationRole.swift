/// A term's part in reading a stated wait (kind `duration`): a time unit with its length, a word that may stand
/// between the wait word and the number, or a word right after the duration that says how the customer took it.
public enum DurationRole: Sendable, Equatable {
    /// A time unit (分钟, 小时, "minutes", "half an hour") and its length in minutes.
    case unit(minutes: Double)
    /// A word between the wait word and the number that leaves the number as it is (了, 足足, 将近, "for",
    /// "about", "over"): 等了足足四十分钟, "waited for about 40 minutes".
    case lead
    /// A word before the number that states a limit the wait stayed under (不到, 不超过, "under", "less than"): a
    /// customer who bounds a wait stresses how short it was (等了不到十分钟就上菜了, "seated in less than 5 minutes"),
    /// so the duration weighs what the shortest wait weighs, as the `quick` marker 就 does, unless a marker after it
    /// says otherwise. Without one, "waited less than ten minutes" read the ten minutes as a mild complaint.
    case bound
    /// A word right after the duration that says how the customer took it, whatever its length: 才 ("only then",
    /// 等了二十分钟才上菜) says it was long, 就 ("already", 等了十分钟就到了) that it was quick.
    case marker(DurationMarker)
    /// A wait word with other senses (送了 a gift, 排了 an itinerary, "took" an outing): the duration after it states a
    /// wait only where it closes its clause or a marker, a lead or a `follow` word comes right after it, since
    /// 送了一年的保修, 排了三天的行程 and "took a day trip" use the duration to qualify a noun.
    case ambiguous
    /// A word that may come right after the duration of an `ambiguous` wait word ("took 5 days *to* arrive",
    /// 排了一个小时*的队*).
    case follow
    /// A noun naming a journey (flight, drive, "train ride", 航程, 车程): a duration its wait word states right after
    /// it is how long the trip lasted, not a wait for service ("the flight took 11 hours", 全程飞行用时十一个小时).
    case trip

    /// The keywords of the roles that are not a length, as the file writes them.
    public static let keywords = ["lead", "bound", "ambiguous", "follow", "trip"] + DurationMarker.allCases.map(\.rawValue)
}

/// How a word after a stated duration says the customer took it (`DurationRole.marker`).
public enum DurationMarker: String, Sendable, Equatable, CaseIterable {
    /// 才 ("only then"): the wait was long to the customer; it weighs what the longest wait weighs.
    case slow
    /// 就 ("already"): the wait was short to the customer; it weighs what the shortest wait weighs.
    case quick
}
