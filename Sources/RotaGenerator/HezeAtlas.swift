import RotaCore
/// The atlas of Heze (菏泽市) and of its Mudan district (牡丹区).
///
/// Sources:
/// - 000_be86b12b5f0d36fc.txt (菏卫发〔2024〕2号), Annex 3 §二(一): the tertiary hospitals
///   菏泽市立医院, 菏泽市中医医院, 菏泽市第三人民医院 (its list ends in 等, so a fourth,
///   菏泽医学专科学校附属医院, is added to bring the tertiary quotas near T1.total = 110);
///   §二(二): the secondary city hospitals 菏泽市第二人民医院 and 菏泽市妇幼保健院, and county
///   hospitals as 县区综合医院、中医医院; the addressee line 各县区人民政府、鲁西新区管委会 and
///   Annex 1 §二(三) (牡丹区、定陶区…鲁西新区) for the county-level units.
/// - 003_01ef608bceae84f8.txt (菏区卫发〔2024〕50号): the district's own hospitals (区直医院:
///   区人民医院, 区中医医院) and its 镇街; it names no single town, so the towns of 牡丹区 are
///   its administrative divisions.
///
/// The town lists are the county-level units' towns and sub-districts (乡镇、街道); head counts
/// other than 菏泽市立医院's 3,520 (the scenario format's own example) are synthetic, chosen so
/// the quotas they imply sum near the plan's totals (T1 ≈ 110, T2 ≈ 340).
public enum HezeAtlas {
    /// All of Heze: 9 counties and districts plus 鲁西新区, the city and county hospitals.
    public static let city = RegionAtlas(
        name: "菏泽市",
        profile: "heze-city",
        counties: counties,
        hospitals: cityHospitals + counties.flatMap(countyHospitals),
        tcmFeaturedPerCounty: 2...3,
        sources: [
            "000_be86b12b5f0d36fc.txt Annex 3 §二(一)(二): 菏泽市立医院, 菏泽市中医医院, 菏泽市第三人民医院 (tertiary),",
            "  菏泽市第二人民医院, 菏泽市妇幼保健院 (secondary), 县区综合医院、中医医院 (county);",
            "  addressees 各县区人民政府、鲁西新区管委会: 9 counties and districts plus 鲁西新区;",
            "  Annex 1 §二(二): 2–3 TCM-featured centres (中医特色卫生院) a county;",
            "  totals 800 = 110 + 340 + 350 (35 stationed) (Annex 3 §一, §二(三)).",
        ]
    )

    /// 牡丹区 alone, as the district plan (seed 003) sees it: no tertiary tier, three 区直医院.
    public static let mudan = RegionAtlas(
        name: "菏泽市牡丹区",
        profile: "heze-mudan",
        counties: [mudanCounty],
        hospitals: [
            AtlasHospital(id: "mudan-people", name: "菏泽市牡丹人民医院", tier: .county, county: "mudan",
                          technicalStaff: 1430, kind: .general, location: mudanCounty.seat.offset(lat: 38, lon: -52)),
            AtlasHospital(id: "mudan-tcm", name: "牡丹区中医医院", tier: .county, county: "mudan",
                          technicalStaff: 520, kind: .tcm, location: mudanCounty.seat.offset(lat: -44, lon: 61)),
            AtlasHospital(id: "mudan-mch", name: "牡丹区妇幼保健院", tier: .county, county: "mudan",
                          technicalStaff: 800, kind: .maternalChild, location: mudanCounty.seat.offset(lat: 17, lon: 93)),
        ],
        tcmFeaturedPerCounty: 2...2,
        sources: [
            "003_01ef608bceae84f8.txt (菏区卫发〔2024〕50号): 区直医院 send T2 (区人民医院, 区中医医院, and the",
            "  district's 妇幼保健院 as Heze Annex 3 §二(二) counts it); 重点培育2家中医特色卫生院 (Annex 1 §二(二));",
            "  totals 120 a year, 45 to township centres (mode section), 65 to villages, 15 stationed (Annex 3).",
            "  The district plan names no town: the towns are 牡丹区's 街道 and 镇.",
        ]
    )

    static let mudanCounty = AtlasCounty(
        id: "mudan", name: "牡丹区", prefix: "牡丹区", seat: GridPoint(lat: 352520, lon: 1154170),
        towns: [
            AtlasTown("dongcheng", "东城街道", .subdistrict), AtlasTown("xicheng", "西城街道", .subdistrict),
            AtlasTown("nancheng", "南城街道", .subdistrict), AtlasTown("beicheng", "北城街道", .subdistrict),
            AtlasTown("mudan", "牡丹街道", .subdistrict), AtlasTown("danyang", "丹阳街道", .subdistrict),
            AtlasTown("huangzhen", "皇镇街道", .subdistrict),
            AtlasTown("shatu", "沙土镇"), AtlasTown("wudian", "吴店镇"), AtlasTown("wanghaotun", "王浩屯镇"),
            AtlasTown("huanggang", "黄堽镇"), AtlasTown("dusi", "都司镇"), AtlasTown("gaozhuang", "高庄镇"),
            AtlasTown("xiaoliu", "小留镇"), AtlasTown("licun", "李村镇"), AtlasTown("anxing", "安兴镇"),
            AtlasTown("dahuangji", "大黄集镇"), AtlasTown("huji", "胡集镇"),
        ]
    )

    static let counties: [AtlasCounty] = [
        mudanCounty,
        AtlasCounty(id: "dingtao", name: "定陶区", prefix: "定陶区", seat: GridPoint(lat: 350710, lon: 1155730), towns: [
            AtlasTown("tianzhong", "天中街道", .subdistrict), AtlasTown("binhe", "滨河街道", .subdistrict),
            AtlasTown("chenji", "陈集镇"), AtlasTown("rangu", "冉堌镇"), AtlasTown("zhangwan", "张湾镇"),
            AtlasTown("huangdian", "黄店镇"), AtlasTown("menghai", "孟海镇"), AtlasTown("maji", "马集镇"),
            AtlasTown("fangshan", "仿山镇"), AtlasTown("dutang", "杜堂镇"), AtlasTown("nanwangdian", "南王店镇"),
        ]),
        AtlasCounty(id: "cao", name: "曹县", prefix: "曹县", seat: GridPoint(lat: 348260, lon: 1155420), towns: [
            AtlasTown("panshi", "磐石街道", .subdistrict), AtlasTown("caocheng", "曹城街道", .subdistrict),
            AtlasTown("zhengzhuang", "郑庄街道", .subdistrict), AtlasTown("niji", "倪集街道", .subdistrict),
            AtlasTown("qinghe", "青菏街道", .subdistrict),
            AtlasTown("zhuangzhai", "庄寨镇"), AtlasTown("pulianji", "普连集镇"), AtlasTown("qinggangji", "青岗集镇"),
            AtlasTown("changleji", "常乐集镇"), AtlasTown("hanji", "韩集镇"), AtlasTown("zhuanmiao", "砖庙镇"),
            AtlasTown("guyingji", "古营集镇"), AtlasTown("weiwan", "魏湾镇"), AtlasTown("houji", "侯集回族镇"),
            AtlasTown("liangditou", "梁堤头镇"), AtlasTown("ancailou", "安蔡楼镇"), AtlasTown("shaozhuang", "邵庄镇"),
            AtlasTown("wangji", "王集镇"), AtlasTown("qingguji", "青固集镇"), AtlasTown("taoyuanji", "桃源集镇"),
            AtlasTown("sunlaojia", "孙老家镇"), AtlasTown("yandianlou", "阎店楼镇"), AtlasTown("wulou", "仵楼镇"),
            AtlasTown("suji", "苏集镇"), AtlasTown("daji", "大集镇"), AtlasTown("zhuhongmiao", "朱洪庙乡"),
            AtlasTown("louzhuang", "楼庄乡"),
        ]),
        AtlasCounty(id: "shan", name: "单县", prefix: "单县", seat: GridPoint(lat: 347950, lon: 1160870), towns: [
            AtlasTown("yuanyi", "园艺街道", .subdistrict), AtlasTown("beicheng", "北城街道", .subdistrict),
            AtlasTown("dongcheng", "东城街道", .subdistrict), AtlasTown("nancheng", "南城街道", .subdistrict),
            AtlasTown("guocun", "郭村镇"), AtlasTown("huanggang", "黄岗镇"), AtlasTown("zhongxing", "终兴镇"),
            AtlasTown("gaoweizhuang", "高韦庄镇"), AtlasTown("xuzhai", "徐寨镇"), AtlasTown("caitang", "蔡堂镇"),
            AtlasTown("zhuji", "朱集镇"), AtlasTown("lixinzhuang", "李新庄镇"), AtlasTown("fugang", "浮岗镇"),
            AtlasTown("laihe", "莱河镇"), AtlasTown("shilou", "时楼镇"), AtlasTown("yanglou", "杨楼镇"),
            AtlasTown("zhangji", "张集镇"), AtlasTown("longwangmiao", "龙王庙镇"), AtlasTown("xieji", "谢集镇"),
            AtlasTown("litianlou", "李田楼镇"), AtlasTown("caozhuang", "曹庄镇"), AtlasTown("gaolaojia", "高老家乡"),
        ]),
        AtlasCounty(id: "chengwu", name: "成武县", prefix: "成武县", seat: GridPoint(lat: 349520, lon: 1158900), towns: [
            AtlasTown("wenting", "文亭街道", .subdistrict), AtlasTown("yongchang", "永昌街道", .subdistrict),
            AtlasTown("datianji", "大田集镇"), AtlasTown("tiangongmiao", "天宫庙镇"), AtlasTown("wenshangji", "汶上集镇"),
            AtlasTown("nanluji", "南鲁集镇"), AtlasTown("boleji", "伯乐集镇"), AtlasTown("goucunji", "苟村集镇"),
            AtlasTown("baifutu", "白浮图镇"), AtlasTown("sunsi", "孙寺镇"), AtlasTown("jiunu", "九女镇"),
            AtlasTown("dangji", "党集镇"), AtlasTown("zhanglou", "张楼镇"),
        ]),
        AtlasCounty(id: "juye", name: "巨野县", prefix: "巨野县", seat: GridPoint(lat: 353960, lon: 1160950), towns: [
            AtlasTown("fenghuang", "凤凰街道", .subdistrict), AtlasTown("yongfeng", "永丰街道", .subdistrict),
            AtlasTown("qilin", "麒麟镇"), AtlasTown("longgu", "龙堌镇"), AtlasTown("dayi", "大义镇"),
            AtlasTown("liulin", "柳林镇"), AtlasTown("zhangfeng", "章缝镇"), AtlasTown("daxieji", "大谢集镇"),
            AtlasTown("dushan", "独山镇"), AtlasTown("hetaoyuan", "核桃园镇"), AtlasTown("tianzhuang", "田庄镇"),
            AtlasTown("taiping", "太平镇"), AtlasTown("wanfeng", "万丰镇"), AtlasTown("taomiao", "陶庙镇"),
            AtlasTown("dongguantun", "董官屯镇"), AtlasTown("tianqiao", "田桥镇"), AtlasTown("yingli", "营里镇"),
        ]),
        AtlasCounty(id: "yuncheng", name: "郓城县", prefix: "郓城县", seat: GridPoint(lat: 356000, lon: 1159430), towns: [
            AtlasTown("yunzhou", "郓州街道", .subdistrict), AtlasTown("tangta", "唐塔街道", .subdistrict),
            AtlasTown("huangan", "黄安镇"), AtlasTown("yangzhuangji", "杨庄集镇"), AtlasTown("houyanji", "侯咽集镇"),
            AtlasTown("wuan", "武安镇"), AtlasTown("guotun", "郭屯镇"), AtlasTown("dinglizhang", "丁里长镇"),
            AtlasTown("yuhuangmiao", "玉皇庙镇"), AtlasTown("chengtun", "程屯镇"), AtlasTown("suiguantun", "随官屯镇"),
            AtlasTown("zhangying", "张营镇"), AtlasTown("pandu", "潘渡镇"), AtlasTown("shuangqiao", "双桥镇"),
            AtlasTown("nanzhaolou", "南赵楼镇"), AtlasTown("huangnigang", "黄泥冈镇"), AtlasTown("tangmiao", "唐庙镇"),
            AtlasTown("huangji", "黄集镇"), AtlasTown("liji", "李集镇"), AtlasTown("zhangluji", "张鲁集镇"),
            AtlasTown("shuibao", "水堡乡"), AtlasTown("chenpo", "陈坡乡"),
        ]),
        AtlasCounty(id: "juancheng", name: "鄄城县", prefix: "鄄城县", seat: GridPoint(lat: 355640, lon: 1155100), towns: [
            AtlasTown("guquan", "古泉街道", .subdistrict), AtlasTown("chenwang", "陈王街道", .subdistrict),
            AtlasTown("shiji", "什集镇"), AtlasTown("hongchuan", "红船镇"), AtlasTown("jiucheng", "旧城镇"),
            AtlasTown("yanshi", "闫什镇"), AtlasTown("jishan", "箕山镇"), AtlasTown("lijinshitang", "李进士堂镇"),
            AtlasTown("dongkou", "董口镇"), AtlasTown("linpu", "临濮镇"), AtlasTown("penglou", "彭楼镇"),
            AtlasTown("fenghuang", "凤凰镇"), AtlasTown("zhengying", "郑营镇"), AtlasTown("danian", "大埝镇"),
            AtlasTown("yinma", "引马镇"), AtlasTown("zuoying", "左营乡"), AtlasTown("fuchun", "富春乡"),
        ]),
        AtlasCounty(id: "dongming", name: "东明县", prefix: "东明县", seat: GridPoint(lat: 352900, lon: 1150890), towns: [
            AtlasTown("chengguan", "城关街道", .subdistrict), AtlasTown("yuwo", "渔沃街道", .subdistrict),
            AtlasTown("dongmingji", "东明集镇"), AtlasTown("liulou", "刘楼镇"), AtlasTown("luquan", "陆圈镇"),
            AtlasTown("matou", "马头镇"), AtlasTown("sanchunji", "三春集镇"), AtlasTown("datun", "大屯镇"),
            AtlasTown("wushengqiao", "武胜桥镇"), AtlasTown("caiyuanji", "菜园集镇"), AtlasTown("shawo", "沙窝镇"),
            AtlasTown("xiaojing", "小井镇"), AtlasTown("changxingji", "长兴集乡"), AtlasTown("jiaoyuan", "焦园乡"),
        ]),
        AtlasCounty(id: "luxi", name: "鲁西新区", prefix: "鲁西新区", seat: GridPoint(lat: 352300, lon: 1155300), towns: [
            AtlasTown("yuecheng", "岳程街道", .subdistrict), AtlasTown("dianhutun", "佃户屯街道", .subdistrict),
            AtlasTown("wanfu", "万福街道", .subdistrict), AtlasTown("helou", "何楼街道", .subdistrict),
            AtlasTown("lvling", "吕陵镇"), AtlasTown("malinggang", "马岭岗镇"),
        ]),
    ]

    static let cityHospitals: [AtlasHospital] = [
        AtlasHospital(id: "hz-municipal", name: "菏泽市立医院", tier: .tertiary, technicalStaff: 3520, kind: .general,
                      location: GridPoint(lat: 352445, lon: 1154617)),
        AtlasHospital(id: "hz-tcm", name: "菏泽市中医医院", tier: .tertiary, technicalStaff: 2180, kind: .tcm,
                      location: GridPoint(lat: 352398, lon: 1154705)),
        AtlasHospital(id: "hz-third", name: "菏泽市第三人民医院", tier: .tertiary, technicalStaff: 1050, kind: .psychiatric,
                      location: GridPoint(lat: 352711, lon: 1154432)),
        AtlasHospital(id: "hz-medcollege", name: "菏泽医学专科学校附属医院", tier: .tertiary, technicalStaff: 2150, kind: .general,
                      location: GridPoint(lat: 352574, lon: 1154950)),
        AtlasHospital(id: "hz-second", name: "菏泽市第二人民医院", tier: .secondary, technicalStaff: 1720, kind: .general,
                      location: GridPoint(lat: 352510, lon: 1154280)),
        AtlasHospital(id: "hz-mch", name: "菏泽市妇幼保健院", tier: .secondary, technicalStaff: 1290, kind: .maternalChild,
                      location: GridPoint(lat: 352316, lon: 1154521)),
    ]

    /// County id → (people's hospital name, its technical staff, TCM hospital name, its technical staff).
    /// 鲁西新区 is a management zone without county hospitals of its own: city hospitals serve it.
    static let countyHospitalTable: [String: (String, Int, String, Int)] = [
        "mudan": ("菏泽市牡丹人民医院", 1430, "牡丹区中医医院", 520),
        "dingtao": ("菏泽市定陶区人民医院", 960, "菏泽市定陶区中医医院", 400),
        "cao": ("曹县人民医院", 1980, "曹县中医医院", 780),
        "shan": ("单县人民医院", 1850, "单县中医医院", 700),
        "chengwu": ("成武县人民医院", 1050, "成武县中医医院", 430),
        "juye": ("巨野县人民医院", 1500, "巨野县中医医院", 560),
        "yuncheng": ("郓城县人民医院", 1660, "郓城县中医医院", 660),
        "juancheng": ("鄄城县人民医院", 1120, "鄄城县中医医院", 460),
        "dongming": ("东明县人民医院", 1210, "东明县中医医院", 480),
    ]

    static func countyHospitals(_ c: AtlasCounty) -> [AtlasHospital] {
        guard let (people, peopleStaff, tcm, tcmStaff) = countyHospitalTable[c.id] else { return [] }
        return [
            AtlasHospital(id: "\(c.id)-people", name: people, tier: .county, county: c.id, technicalStaff: peopleStaff,
                          kind: .general, location: c.seat.offset(lat: 38, lon: -52)),
            AtlasHospital(id: "\(c.id)-tcm", name: tcm, tier: .county, county: c.id, technicalStaff: tcmStaff,
                          kind: .tcm, location: c.seat.offset(lat: -44, lon: 61)),
        ]
    }
}
