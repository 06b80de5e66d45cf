/// The last few stretches of samples where something was going on (voluntary activity,
/// bad samples, gross motion, tremor), each with a reason, for the question "was this
/// burst near one of them?". Fixed capacity: the oldest stretch is forgotten first.
struct IntervalRing<Reason: Sendable>: Sendable {
    /// One stretch, first and last sample inclusive.
    struct Interval: Sendable {
        var first: Int
        var last: Int
        var reason: Reason
    }

    private var intervals: HistoryRing<Interval?>

    init(capacity: Int) {
        intervals = HistoryRing(minimumCapacity: capacity, initial: nil)
    }

    var capacity: Int { intervals.capacity }

    /// Records sample `index` for `reason`: extends the newest stretch when it ended at
    /// most `joinGap` samples before, else starts a new one.
    mutating func mark(_ index: Int, reason: Reason, joinGap: Int = 1) {
        if intervals.count > 0, let newest = intervals[age: 0], index - newest.last <= joinGap {
            intervals[age: 0] = Interval(first: newest.first, last: index, reason: newest.reason)
        } else {
            intervals.append(Interval(first: index, last: index, reason: reason))
        }
    }

    /// Records a whole stretch; one that overlaps the newest is merged into it.
    mutating func append(first: Int, last: Int, reason: Reason) {
        if intervals.count > 0, let newest = intervals[age: 0], first <= newest.last, last >= newest.first {
            intervals[age: 0] = Interval(first: min(first, newest.first), last: max(last, newest.last), reason: newest.reason)
        } else {
            intervals.append(Interval(first: first, last: last, reason: reason))
        }
    }

    /// The newest stretch that overlaps `first...last` widened by `margin`, if any.
    func overlapping(_ first: Int, _ last: Int, margin: Int) -> Interval? {
        for age in 0..<intervals.count {
            guard let interval = intervals[age: age] else { continue }
            if interval.first <= last + margin, interval.last >= first - margin { return interval }
        }
        return nil
    }

    /// The earliest start among the stretches that end at or after `index`.
    func earliestFirst(endingAfter index: Int) -> Int? {
        var earliest: Int?
        for age in 0..<intervals.count {
            guard let interval = intervals[age: age], interval.last >= index else { continue }
            earliest = min(earliest ?? interval.first, interval.first)
        }
        return earliest
    }

    /// The latest end among the stretches that start at or before `index`.
    func latestLast(startingBefore index: Int) -> Int? {
        var latest: Int?
        for age in 0..<intervals.count {
            guard let interval = intervals[age: age], interval.first <= index else { continue }
            latest = max(latest ?? interval.last, interval.last)
        }
        return latest
    }

    /// How many stretches overlap `first...last` widened by `margin`.
    func count(overlapping first: Int, _ last: Int, margin: Int) -> Int {
        var count = 0
        for age in 0..<intervals.count {
            guard let interval = intervals[age: age] else { continue }
            if interval.first <= last + margin, interval.last >= first - margin { count += 1 }
        }
        return count
    }

    /// How many stretches overlapping `first...last` have a reason that satisfies `test`.
    func count(overlapping first: Int, _ last: Int, where test: (Reason) -> Bool) -> Int {
        var count = 0
        for age in 0..<intervals.count {
            guard let interval = intervals[age: age] else { continue }
            if interval.first <= last, interval.last >= first, test(interval.reason) { count += 1 }
        }
        return count
    }

    /// How many stretches end at or after `index`.
    func count(endingAfter index: Int) -> Int {
        var count = 0
        for age in 0..<intervals.count where (intervals[age: age]?.last ?? Int.min) >= index { count += 1 }
        return count
    }
}
