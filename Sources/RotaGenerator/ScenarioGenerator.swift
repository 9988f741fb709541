import RotaCore
/// Builds a realistic region-scale scenario from a region's atlas and a seed: the same
/// region and seed always give byte-identical files.
///
/// ```swift
/// let g = ScenarioGenerator(region: .hezeCity, seed: 1).generate()
/// g.yamlFileName           // "heze-city-2025.yaml"
/// g.report.shortfalls      // [] — no rule is out of reach
/// try g.yamlText.write(toFile: g.yamlFileName, atomically: true, encoding: .utf8)
/// ```
///
/// How a region is built (numbers in `docs/scenarios.md`):
/// 1. the atlas's counties, city and county hospitals, and towns, as they are;
/// 2. per town a health centre — 社区卫生服务中心 for a sub-district, 卫生院 otherwise — with
///    26–72 medical staff (35–85 for a sub-district, 70–110 for a 中心卫生院); 2–3 centres a
///    county TCM-featured, unless the atlas names them;
/// 3. per town 24–44 villages (8–18 for a sub-district), drawn by `VillageBuilder`;
/// 4. per county, central village clinics (中心村卫生室: ≥ 2,000 people, not the town's seat,
///    at least 4 and a third of the county's towns), and enough villages open to stationing
///    (≥ 3 × T3.total.stationed over the region, spread by village count);
/// 5. candidates (`CandidateBuilder`): 3 × T1.quota at each tertiary hospital, 3 × T2.quota at
///    each secondary, 3.5 × T2.quota at each county hospital (the extra half as village helpers),
///    3 × T3.quota at each township centre; the county's TCM hospital also lists one senior
///    TCM physician more than the county has TCM-featured centres;
/// 6. earlier years' pairings (`links`): T1 from each tertiary hospital to ⌊quota / team size⌋
///    county hospitals (the TCM hospital to county TCM hospitals), T2 from each sender to
///    ⌊quota / team size⌋ township centres (county hospitals within their county).
///
/// Every part draws from its own fork of the seeded generator, named after the part
/// (`county:cao`, `staff:cao-hanji`), so changing one part never shifts another's numbers.
public struct ScenarioGenerator: Sendable {
    public var region: GeneratedRegion
    public var seed: UInt64
    /// The scenario's `name:`; the region's (`heze-city-2025`) when nil. A province's cities
    /// are named apart (`heze-city-2025-2`).
    public var name: String?
    /// The command the header says made the file; `rota generate REGION --seed N` when nil.
    public var command: String?

    public init(region: GeneratedRegion, seed: UInt64, name: String? = nil, command: String? = nil) {
        self.region = region; self.seed = seed; self.name = name; self.command = command
    }

    public func generate() -> GeneratedScenario {
        let atlas = region.atlas
        let root = SeededRandom(seed: seed)
        let parameters = Profile.builtIn(atlas.profile)!.parameters
        let year = GeneratedRegion.year
        let notice = HolidayNotice.forYear(year)!
        let period = DayRange(from: Day(year: year, month: 1, day: 1)!, to: Day(year: year, month: 12, day: 31)!)

        // 1–3: hospitals, township centres and their villages, county by county.
        var institutions = atlas.hospitals.filter { $0.tier.isCityHospital }.map(Self.institution)
        var seatVillages = Set<String>()
        for county in atlas.counties {
            var r = root.fork("county:\(county.id)")
            institutions += atlas.hospitals.filter { $0.county == county.id }.map(Self.institution)
            let tcm = tcmFeaturedTowns(county, atlas, &r)
            for town in county.towns {
                let id = "\(county.id)-\(town.slug)"
                let centreName = town.centreName ?? county.prefix + town.name
                    + (town.kind == .subdistrict ? "社区卫生服务中心" : "卫生院")
                let staff: Int
                if centreName.contains("中心卫生院") { staff = r.int(in: 70...110) }
                else if town.kind == .subdistrict { staff = r.int(in: 35...85) }
                else { staff = r.int(in: 26...72) }
                let spot = town.kind == .subdistrict
                    ? county.seat.offset(lat: r.int(in: -300...300), lon: r.int(in: -300...300))
                    : county.seat.offset(lat: r.int(in: -2200...2200), lon: r.int(in: -2600...2600))
                institutions.append(Institution(id: id, name: centreName, tier: .township, county: county.id,
                                                medicalStaff: staff, tcmFeatured: tcm.contains(town.slug),
                                                location: spot.location))
                let builder = VillageBuilder(county: county, town: town, townshipId: id, centre: spot)
                let villages = builder.build(count: VillageBuilder.villageCount(town.kind, &r), &r)
                if town.kind == .town, let seat = villages.first { seatVillages.insert(seat.id) }
                institutions += villages
            }
        }

        // 4: central clinics and villages open to stationing, county by county.
        let totalVillages = institutions.filter { $0.tier == .village }.count
        for county in atlas.counties {
            var r = root.fork("passes:\(county.id)")
            let indices = institutions.indices.filter { institutions[$0].tier == .village && institutions[$0].county == county.id }
            markCentralClinics(indices, towns: county.towns.count, seats: seatVillages, &institutions, &r)
            let stationed = parameters.int("T3.total.stationed")
            let least = (3 * stationed * indices.count + totalVillages - 1) / max(1, totalVillages) + 2
            openForStationing(indices, least: least, parameters: parameters, seats: seatVillages, &institutions, &r)
        }

        // 5: candidates.
        let staff = candidates(institutions, atlas: atlas, parameters: parameters, root: root)

        // 6: earlier years' pairings.
        let links = earlierLinks(institutions, parameters: parameters, root: root)

        let scenario = Scenario(
            name: name ?? region.scenarioName, profile: atlas.profile, parameters: parameters, period: period,
            calendar: notice.calendar, counties: atlas.counties.map { County(id: $0.id, name: $0.name) },
            institutions: institutions, staff: staff, links: links)
        let report = CapacityReport(scenario)

        var writer = ScenarioWriter()
        writer.header = header(atlas: atlas, report: report)
        writer.calendarNote = "\(notice.title): weekdays off (holidays) and weekend working days (workdays)"
        writer.dayLabel = { d in notice.label(of: d) }
        return GeneratedScenario(
            region: region, seed: seed, scenario: scenario, report: report,
            yamlFileName: scenario.name + ".yaml", csvFileName: scenario.name + "-staff.csv",
            yamlText: writer.yaml(scenario, staffPath: scenario.name + "-staff.csv"),
            csvText: writer.staffCSV(staff))
    }

    // MARK: - Parts

    static func institution(_ h: AtlasHospital) -> Institution {
        Institution(id: h.id, name: h.name, tier: h.tier, county: h.county, technicalStaff: h.technicalStaff,
                    location: h.location.location)
    }

    /// The slugs of a county's TCM-featured towns: as the atlas names them, or drawn among its
    /// towns (not sub-districts) — one in a county of fewer than 8 towns.
    func tcmFeaturedTowns(_ county: AtlasCounty, _ atlas: RegionAtlas, _ r: inout SeededRandom) -> [String] {
        if county.towns.contains(where: { $0.tcmFeatured != nil }) {
            return county.towns.filter { $0.tcmFeatured == true }.map(\.slug)
        }
        let towns = county.towns.filter { $0.kind == .town }.map(\.slug)
        let pool = towns.isEmpty ? county.towns.map(\.slug) : towns
        let k = county.towns.count < 8 ? 1 : r.int(in: atlas.tcmFeaturedPerCounty)
        return r.sample(pool, count: k)
    }

    /// Marks a county's central village clinics: at least 4, and a third of its towns; one per
    /// town first, among villages of 2,000 people or more that have a doctor, are integrated and
    /// are not a town's seat. When too few qualify, the most populous others are raised to it.
    func markCentralClinics(_ indices: [Int], towns: Int, seats: Set<String>,
                            _ inst: inout [Institution], _ r: inout SeededRandom) {
        let need = max(4, (towns + 2) / 3)
        var pool = indices.filter { i in
            let v = inst[i]
            return !seats.contains(v.id) && (v.population ?? 0) >= 2000 && v.villageDoctor && v.integrated
        }
        r.shuffle(&pool)
        var chosen: [Int] = []
        var townshipsUsed: [String] = []
        for i in pool where chosen.count < need && !townshipsUsed.contains(inst[i].township ?? "") {
            chosen.append(i); townshipsUsed.append(inst[i].township ?? "")
        }
        for i in pool where chosen.count < need && !chosen.contains(i) { chosen.append(i) }
        if chosen.count < need {
            let others = indices.filter { !seats.contains(inst[$0].id) && !chosen.contains($0) }
                .sorted { (inst[$0].population ?? 0, inst[$1].id) > (inst[$1].population ?? 0, inst[$0].id) }
            for i in others.prefix(need - chosen.count) {
                inst[i].population = max(inst[i].population ?? 0, 2000 + r.int(in: 0...900))
                chosen.append(i)
            }
        }
        for i in chosen {
            inst[i].central = true
            inst[i].villageDoctor = true
            inst[i].integrated = true
            inst[i].licensedPhysician = true
        }
    }

    /// Makes sure at least `least` villages of a county are open to stationing (population ≥
    /// T3.station-population, and no village doctor or not integrated), turning drawn others
    /// (not seats, not central) into such villages if needed.
    func openForStationing(_ indices: [Int], least: Int, parameters: Parameters, seats: Set<String>,
                           _ inst: inout [Institution], _ r: inout SeededRandom) {
        let floor = parameters.int("T3.station-population")
        func open(_ v: Institution) -> Bool { (v.population ?? 0) >= floor && (!v.villageDoctor || !v.integrated) }
        var have = indices.filter { open(inst[$0]) }.count
        guard have < least else { return }
        var pool = indices.filter { i in
            !open(inst[i]) && !inst[i].central && !seats.contains(inst[i].id) && (inst[i].population ?? 0) >= floor
        }
        r.shuffle(&pool)
        for i in pool where have < least {
            if r.chance(perMille: 600) {
                inst[i].integrated = false
            } else {
                inst[i].villageDoctor = false
                inst[i].licensedPhysician = false
            }
            have += 1
        }
    }

    /// Every sender's candidates, in institution order.
    func candidates(_ inst: [Institution], atlas: RegionAtlas, parameters p: Parameters, root: SeededRandom) -> [StaffMember] {
        let kinds = Dictionary(atlas.hospitals.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        let hospitalCounties = atlas.hospitals.compactMap(\.county)
        let stationFloor = p.int("T3.station-population")
        func tcmCentres(_ county: String) -> Int { inst.filter { $0.tier == .township && $0.county == county && $0.tcmFeatured }.count }
        // TCM-featured centres in counties without county hospitals rely on a city TCM hospital.
        let uncovered = atlas.counties.map(\.id).filter { !hospitalCounties.contains($0) }.map(tcmCentres).reduce(0, +)
        let cityTCMHospital = atlas.hospitals.first { $0.tier.isCityHospital && $0.kind == .tcm }?.id
            ?? atlas.hospitals.first { $0.tier.isCityHospital }?.id

        var staff: [StaffMember] = []
        for h in inst where h.tier != .village {
            var r = root.fork("staff:\(h.id)")
            let kind = kinds[h.id] ?? .general
            var needs: CandidateBuilder.Needs
            var builder: CandidateBuilder
            switch h.tier {
            case .tertiary:
                let q = p.percent("T1.quota").minimumCount(of: h.technicalStaff ?? 0)
                let teams = (q + p.int("T1.team-size") - 1) / max(1, p.int("T1.team-size"))
                needs = .init(count: 3 * q, doctors: teams, nurses: teams, medicalTechnical: teams,
                              pharmacists: teams + (teams + 1) / 2, minimumAvailable: (5 * q + 1) / 2)
                builder = CandidateBuilder(institution: h.id, kind: kind, level: .city, year: GeneratedRegion.year)
            case .secondary, .county:
                let q = p.percent("T2.quota").minimumCount(of: h.technicalStaff ?? 0)
                let teams = (q + p.int("T2.team-size") - 1) / max(1, p.int("T2.team-size"))
                let spare = h.tier == .county ? (q + 1) / 2 : 0
                let least = teams + (teams + 1) / 2
                needs = .init(count: max(3 * q, 3 * p.int("T2.team-size")) + spare, doctors: least, nurses: least,
                              medicalTechnical: least, minimumAvailable: (5 * q + 1) / 2)
                builder = CandidateBuilder(institution: h.id, kind: kind, level: h.tier == .county ? .county : .city,
                                           year: GeneratedRegion.year)
                if let c = h.county {
                    // The county's TCM hospital (else its first hospital) holds the TCM reserve.
                    let keeper = atlas.hospitals.first { $0.county == c && $0.kind == .tcm }?.id
                        ?? atlas.hospitals.first { $0.county == c }?.id
                    if keeper == h.id, tcmCentres(c) > 0 { needs.reservedSeniorTCM = tcmCentres(c) + 1 }
                    let villages = inst.filter { $0.tier == .village && $0.county == c }
                    builder.homeVillages = villages.map(\.id)
                    builder.homeVillagesForStationing = villages.filter {
                        ($0.population ?? 0) >= stationFloor && (!$0.villageDoctor || !$0.integrated)
                    }.map(\.id)
                }
            case .township:
                let q = p.percent("T3.quota").minimumCount(of: h.medicalStaff ?? 0)
                needs = .init(count: 3 * q)
                builder = CandidateBuilder(institution: h.id, kind: .general, level: .township, year: GeneratedRegion.year)
            case .village:
                continue
            }
            if h.id == cityTCMHospital, uncovered > 0 { needs.reservedSeniorTCM = uncovered + 1 }
            staff += builder.build(needs, &r)
        }
        return staff
    }

    /// Pairings of earlier years: T1 from tertiary to county hospitals, T2 from secondary and
    /// county hospitals to township centres, ⌊quota / team size⌋ (at least 1) per sender.
    func earlierLinks(_ inst: [Institution], parameters p: Parameters, root: SeededRandom) -> [Link] {
        var r = root.fork("links")
        var links: [Link] = []
        var countyHospitals = inst.filter { $0.tier == .county }
        r.shuffle(&countyHospitals)
        let tertiary = inst.filter { $0.tier == .tertiary }
        // The city TCM hospital pairs with county TCM hospitals first, the others with the rest.
        let byTCM = tertiary.sorted { ($0.name.contains("中医") ? 0 : 1) < ($1.name.contains("中医") ? 0 : 1) }
        var free = countyHospitals
        for h in byTCM {
            let teams = max(1, p.percent("T1.quota").minimumCount(of: h.technicalStaff ?? 0) / max(1, p.int("T1.team-size")))
            let wantsTCM = h.name.contains("中医")
            let ordered = free.filter { $0.name.contains("中医") == wantsTCM } + free.filter { $0.name.contains("中医") != wantsTCM }
            for target in ordered.prefix(teams) {
                links.append(Link(from: h.id, to: target.id))
                free.removeAll { $0.id == target.id }
            }
        }

        var centres = inst.filter { $0.tier == .township }
        r.shuffle(&centres)
        var linked: [String] = []
        let senders = inst.filter { $0.tier == .county } + inst.filter { $0.tier == .secondary }
        for h in senders {
            let teams = max(1, p.percent("T2.quota").minimumCount(of: h.technicalStaff ?? 0) / max(1, p.int("T2.team-size")))
            let reach = centres.filter { h.tier == .secondary || $0.county == h.county }
            let ordered = reach.filter { !linked.contains($0.id) } + reach.filter { linked.contains($0.id) }
            for target in ordered.prefix(teams) {
                links.append(Link(from: h.id, to: target.id))
                linked.append(target.id)
            }
        }
        return links.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }

    func header(atlas: RegionAtlas, report: CapacityReport) -> [String] {
        [
            "\(name ?? region.scenarioName): \(atlas.name), profile \(atlas.profile), \(GeneratedRegion.year).",
            "Generated by `\(command ?? "rota generate \(region.rawValue) --seed \(seed)")`. Do not edit by hand: a test",
            "regenerates this file and compares it byte for byte (see docs/scenarios.md).",
            "",
            "Names and numbers from the seed documents (docs/reference/seeds/):",
        ] + atlas.sources.map { "  " + $0 } + [
            "Synthetic (drawn from the seed): township head counts, villages (names, populations,",
            "clinic flags, service areas, positions) and every candidate in the staff file.",
            "Village flags left out take their defaults: villageDoctor, integrated and",
            "licensedPhysician true; central false; serviceArea the village itself.",
            "",
        ] + report.lines()
    }
}

/// What `ScenarioGenerator.generate()` returns: the scenario in memory, its two files' texts
/// and names, and its capacity report.
public struct GeneratedScenario: Sendable {
    public var region: GeneratedRegion
    public var seed: UInt64
    /// The scenario as the reader should read it back from the files.
    public var scenario: Scenario
    public var report: CapacityReport
    /// `REGION-2025.yaml`
    public var yamlFileName: String
    /// `REGION-2025-staff.csv`, which the YAML's `staff:` names.
    public var csvFileName: String
    public var yamlText: String
    public var csvText: String
}
