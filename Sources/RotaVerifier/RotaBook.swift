import RotaCore
extension RotaVerifier {
    /// The rota's entries, indexed for the checks: by person in slot order, and the valid ones
    /// by activity, site and week.
    ///
    /// People and sites are numbered in the order of their ids (`String` order), so comparing
    /// two numbers compares the ids, and ids that are equal as `String`s share a number, as they
    /// would share a dictionary key. Text always quotes an entry's own spelling
    /// (`entry(of:)`), never the number's.
    ///
    /// An entry whose date does not parse is kept (ROTA.integrity reports it) but indexed
    /// nowhere else. Only valid entries — a readable date, a working day inside the period, the
    /// person off leave that day — are indexed by site and week, the index every count uses.
    ///
    /// ```swift
    /// let book = Book(entries: entries, verifier: verifier)
    /// book.items("cao-hanji-0007", on: day)            // the person's entries that day, am first
    /// book.items(.station, at: book.site("cao-hanji-v01")!, week: w) // valid station entries there in week w
    /// ```
    struct Book: Sendable {
        /// One entry, with its person and site numbered and its date parsed.
        struct Item: Sendable {
            /// Position in the rota's entries.
            let index: Int32
            /// The person's number in `people`; the site's in `sites`.
            let person: Int32, site: Int32
            /// The day's ordinal; meaningless when `dated` is false.
            let ordinal: Int32
            /// Whether the date parses.
            let dated: Bool
            let half: HalfDay
            let activity: RotaActivity

            var day: Day? { dated ? Day(ordinal: Int(ordinal)) : nil }
            /// day ordinal × 2 + (0 am, 1 pm); `Int.min`, before every day's, when the date does
            /// not parse.
            var slot: Int { dated ? Int(ordinal) * 2 + (half == .am ? 0 : 1) : Int.min }
        }

        let entries: [RotaEntry]
        /// Each person's id as first met in the rota, in id order.
        let people: [String]
        /// Each site's id as first met in the rota, in id order.
        let sites: [String]
        private let personNumbers: [String: Int32]
        private let siteNumbers: [String: Int32]
        /// Every person's items in (slot, input) order, person after person.
        private let personItems: [Item]
        /// Where each person's items start in `personItems` (one more for the end).
        private let personStarts: [Int]
        /// Valid items by activity and site, each activity and site by Monday, in input order.
        private let siteItems: [Item]
        /// Where each activity and site starts in `siteItems` (`siteKey`; one more for the end).
        private let siteStarts: [Int]

        init(entries: [RotaEntry], verifier v: RotaVerifier) {
            self.entries = entries
            // One thread: the book is built inside one of the verification's parallel jobs
            // (`RotaVerifier.Parts`), where a nested parallel run would get no other core.
            let people = Numbering(entries.count) { entries[$0].person }, sites = Numbering(entries.count) { entries[$0].site }
            self.people = people.ids; self.sites = sites.ids
            self.personNumbers = people.numbers; self.siteNumbers = sites.numbers

            var lastDate: String?, lastDay: Day?
            let items = entries.indices.map { n -> Item in
                if entries[n].date != lastDate { lastDate = entries[n].date; lastDay = Day(iso: entries[n].date) }
                return Item(index: Int32(n), person: people.ofEntry[n], site: sites.ofEntry[n],
                            ordinal: Int32(truncatingIfNeeded: lastDay?.ordinal ?? 0), dated: lastDay != nil,
                            half: entries[n].half, activity: entries[n].activity)
            }

            // Person by person, each in slot order.
            let byPerson = Book.grouped(items, groups: people.ids.count, by: { Int($0.person) },
                                        order: { ($0.slot, $0.index) < ($1.slot, $1.index) })
            // Valid items by activity and site, each in (Monday, input) order.
            let siteCount = sites.ids.count
            let leave = people.ids.map(v.leave(of:))
            let valid = items.filter { item in
                guard let d = item.day else { return false }
                return v.isWorking(d) && !RotaVerifier.onLeave(leave[Int(item.person)], d)
            }
            let bySite = Book.grouped(valid, groups: RotaActivity.allCases.count * siteCount,
                                      by: { Book.siteKey($0.activity, $0.site, sites: siteCount) },
                                      order: { (Book.monday($0), $0.index) < (Book.monday($1), $1.index) })
            self.personItems = byPerson.items; self.personStarts = byPerson.starts
            self.siteItems = bySite.items; self.siteStarts = bySite.starts
        }

        /// Items in groups, and where each group starts (one more for the end).
        struct Grouped {
            let items: [Item]
            let starts: [Int]
        }

        /// `items` by group (a stable counting sort on `group`, 0 up to `groups` − 1), each group
        /// then sorted by `order`.
        private static func grouped(_ items: [Item], groups: Int, by group: (Item) -> Int,
                                    order: (Item, Item) -> Bool) -> Grouped {
            var starts = Array(repeating: 0, count: groups + 1)
            for item in items { starts[group(item) + 1] += 1 }
            for g in 0..<groups { starts[g + 1] += starts[g] }
            var place = starts
            var out = items
            for item in items { out[place[group(item)]] = item; place[group(item)] += 1 }
            for g in 0..<groups where starts[g + 1] - starts[g] > 1 { out[starts[g]..<starts[g + 1]].sort(by: order) }
            return Grouped(items: out, starts: starts)
        }

        /// The place of an activity and site in `siteStarts`.
        private static func siteKey(_ activity: RotaActivity, _ site: Int32, sites: Int) -> Int {
            activity.number * sites + Int(site)
        }

        /// The ordinal of the Monday of a dated item's week.
        private static func monday(_ item: Item) -> Int { Day(ordinal: Int(item.ordinal)).weekStart.ordinal }

        /// The entry an item stands for.
        func entry(of item: Item) -> RotaEntry { entries[Int(item.index)] }

        /// The number of a person id, when the rota names the person.
        func person(_ id: String) -> Int32? { personNumbers[id] }

        /// The number of a site id, when the rota names the site.
        func site(_ id: String) -> Int32? { siteNumbers[id] }

        /// The person's items, in (slot, input) order.
        func items(of person: Int32) -> ArraySlice<Item> {
            personItems[personStarts[Int(person)]..<personStarts[Int(person) + 1]]
        }

        /// The person's items on day `d`: the morning's, then the afternoon's, each in input order.
        func items(_ person: Int32, on d: Day) -> DayItems {
            let all = items(of: person)
            let first = Book.firstIndex(in: all, slotAtLeast: d.ordinal * 2)
            let end = Book.firstIndex(in: all[first...], slotAtLeast: d.ordinal * 2 + 2)
            return all[first..<end]
        }

        /// The person's items on day `d` (none when the rota does not name the person).
        func items(_ person: String, on d: Day) -> DayItems {
            guard let p = self.person(person) else { return Book.noItems }
            return items(p, on: d)
        }

        /// No items.
        static var noItems: DayItems { [] }

        /// A person's items on one day.
        typealias DayItems = ArraySlice<Item>

        /// Valid items of one activity at one site in the week of `days`, inside `days`, in input order.
        func items(_ activity: RotaActivity, at site: Int32, week days: DayRange) -> WeekItems {
            // A site the rota never names (−1) has no items: never another site's.
            guard site >= 0, Int(site) < sites.count else { return siteItems[0..<0].lazy.filter { _ in false } }
            let k = Book.siteKey(activity, site, sites: sites.count)
            let all = siteItems[siteStarts[k]..<siteStarts[k + 1]]
            let monday = days.from.weekStart.ordinal
            var low = all.startIndex, high = all.endIndex   // the first item of the week or after
            while low < high {
                let mid = (low + high) / 2
                if Book.monday(all[mid]) < monday { low = mid + 1 } else { high = mid }
            }
            let first = Int32(truncatingIfNeeded: days.from.ordinal), last = Int32(truncatingIfNeeded: days.to.ordinal)
            return all[low...].prefix { Book.monday($0) == monday }.lazy.filter { first <= $0.ordinal && $0.ordinal <= last }
        }

        /// A week's valid items of one activity at one site.
        typealias WeekItems = LazyFilterCollection<ArraySlice<Item>>

        /// The first of `items` of each person, in person (id) order.
        func firstOfEachPerson(_ items: some Sequence<Item>) -> [Item] {
            var first: [Int32: Item] = [:]
            for i in items where first[i.person] == nil { first[i.person] = i }
            return first.keys.sorted().map { first[$0]! }
        }

        /// The first position of `items` (sorted by slot) whose slot is at least `slot`.
        private static func firstIndex(in items: ArraySlice<Item>, slotAtLeast slot: Int) -> Int {
            var low = items.startIndex, high = items.endIndex
            while low < high {
                let mid = (low + high) / 2
                if items[mid].slot < slot { low = mid + 1 } else { high = mid }
            }
            return low
        }
    }
}

extension RotaVerifier.Book {
    /// Numbers the distinct ids of a column (people, sites) in id order.
    struct Numbering: Sendable {
        /// Each distinct id as first met, in id (`String`) order.
        let ids: [String]
        /// Id → its number.
        let numbers: [String: Int32]
        /// The number of each entry's id, in entry order.
        let ofEntry: [Int32]

        /// Numbers the ids `id(0)`, `id(1)`, … `id(count − 1)`.
        init(_ count: Int, _ id: (Int) -> String) {
            var firstNumbers: [String: Int32] = [:]
            var firstIds: [String] = []
            var ofEntry: [Int32] = []
            ofEntry.reserveCapacity(count)
            var last: (id: String, number: Int32)?
            for k in 0..<count {
                let id = id(k)
                // A rota lists a person's (and often a site's) entries together.
                if let last, last.id == id { ofEntry.append(last.number); continue }
                let number = firstNumbers[id] ?? {
                    firstIds.append(id)
                    firstNumbers[id] = Int32(firstIds.count - 1)
                    return Int32(firstIds.count - 1)
                }()
                ofEntry.append(number)
                last = (id, number)
            }
            let order = firstIds.indices.sorted { firstIds[$0] < firstIds[$1] }
            var rank = Array(repeating: Int32(0), count: order.count)
            for (r, k) in order.enumerated() { rank[k] = Int32(r) }
            self.ids = order.map { firstIds[$0] }
            self.numbers = firstNumbers.mapValues { rank[Int($0)] }
            self.ofEntry = ofEntry.map { rank[Int($0)] }
        }
    }
}
