import RotaCore
/// Draws the administrative villages of one township: names, populations, the state of their
/// clinic (village doctor, integrated management, licensed physician), family-doctor service
/// areas of 3–8 villages and positions around the township centre.
///
/// Shares, per village: no village doctor 4%, not integrated (一体化) 12%, no licensed
/// (assistant) physician 30% of those with a doctor. A town's seat village (韩集镇 → 韩集村) comes
/// first; it is large (2,200–4,500 people) and fully staffed, since the centre itself stands
/// there. Other populations are mostly 300–3,000 (skewed towards the low end, median near 1,100),
/// 5% below 300 and 7% above 3,000. County-wide passes (central clinics, enough villages for stationing) come after, in
/// `ScenarioGenerator`.
struct VillageBuilder {
    var county: AtlasCounty
    var town: AtlasTown
    var townshipId: String
    var centre: GridPoint

    /// How many villages a town or sub-district of this kind has.
    static func villageCount(_ kind: AtlasTown.Kind, _ r: inout SeededRandom) -> Int {
        kind == .subdistrict ? r.int(in: 8...18) : r.int(in: 24...44)
    }

    func build(count: Int, _ r: inout SeededRandom) -> [Institution] {
        var names: [String] = []
        var taken = Set<String>()
        if town.kind == .town {
            let seat = town.stem + "村"
            names.append(seat); taken.insert(seat)
        }
        while names.count < count {
            var candidate = ChineseNames.village(&r) + "村"
            var tries = 0
            while taken.contains(candidate), tries < 20 {
                candidate = ChineseNames.village(&r) + "村"; tries += 1
            }
            if taken.contains(candidate) {
                // A common name met again: split like real villages do (李庄一村, 李庄二村).
                let stem = String(candidate.dropLast())
                candidate = ChineseNames.numerals.lazy.map { stem + $0 + "村" }.first { !taken.contains($0) } ?? stem + "新村"
            }
            names.append(candidate); taken.insert(candidate)
        }

        let areas = Self.serviceAreas(count: count, &r)
        var villages: [Institution] = []
        for (i, name) in names.enumerated() {
            let isSeat = town.kind == .town && i == 0
            let population: Int
            var doctor = true, integrated = true, licensed = true
            if isSeat {
                population = r.int(in: 2200...4500)
            } else {
                population = Self.population(&r)
                doctor = !r.chance(perMille: 40)
                integrated = !r.chance(perMille: 120)
                licensed = doctor && !r.chance(perMille: 300)
            }
            let spot = centre.offset(lat: r.int(in: -450...450), lon: r.int(in: -550...550))
            let number = i + 1 < 10 ? "0\(i + 1)" : "\(i + 1)"
            villages.append(Institution(
                id: "\(townshipId)-v\(number)", name: town.name + name + "卫生室", tier: .village,
                county: county.id, township: townshipId, population: population,
                villageDoctor: doctor, integrated: integrated, licensedPhysician: licensed,
                serviceArea: "\(townshipId)-a\(areas[i])", location: spot.location))
        }
        return villages
    }

    /// Population of an ordinary administrative village.
    static func population(_ r: inout SeededRandom) -> Int {
        let roll = r.int(in: 0...999)
        if roll < 50 { return r.int(in: 150...299) }
        if roll < 930 { return 300 + min(r.int(in: 0...2700), r.int(in: 0...2700)) }
        return r.int(in: 3001...5000)
    }

    /// The service-area number (1-based) of each of `count` villages in order: consecutive runs
    /// of 3–8 villages (a township of fewer than 3 villages is one area).
    static func serviceAreas(count: Int, _ r: inout SeededRandom) -> [Int] {
        guard count >= 3 else { return Array(repeating: 1, count: count) }
        let fewest = (count + 7) / 8, most = count / 3
        let areas = r.int(in: fewest...max(fewest, most))
        var sizes = Array(repeating: count / areas, count: areas)
        var extra = count - sizes.reduce(0, +)
        var order = Array(0..<areas)
        r.shuffle(&order)
        for i in order where extra > 0 { sizes[i] += 1; extra -= 1 }
        var out: [Int] = []
        for (i, size) in sizes.enumerated() { out += Array(repeating: i + 1, count: size) }
        return out
    }
}
