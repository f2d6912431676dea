/// An error that says the run cannot go on, not that one record is bad: a broken installation (ICU without its
/// data) would fail every record alike. The workers turn other analysis errors into a rejection of the record;
/// these stop the run, which exits as a failed run does.
public protocol RunStoppingError: Error, Sendable {}
