import RotaCore
/// The atlas of Yanggu county (阳谷县, Liaocheng).
///
/// Source: 001_8e2d0408a7af6684.txt (阳卫发〔2024〕3号). §二(二) and its annex
/// (阳谷县乡镇卫生院（社区卫生服务中心）重点建设单位一览表) name the centres 李台中心卫生院,
/// 张秋中心卫生院, 七级中心卫生院, 安乐镇中心卫生院, 定水镇卫生院, 大布乡卫生院, 阎楼镇卫生院,
/// 西湖镇卫生院, 狮子楼街道社区卫生服务中心, 侨润街道社区卫生服务中心, and §三(三)9 郭屯镇卫生院;
/// the four TCM-featured centres are 狮子楼街道, 李台, 定水镇 and 大布乡 (§二(二)). §二(一) and
/// §三(一)1 name the county hospitals: 县人民医院, 县中医医院, 县妇幼保健计划生育服务中心. The
/// county's other towns complete its 18 towns and sub-districts; head counts are synthetic,
/// chosen so the county hospitals' T2 quotas sum near the county-level 25.
public enum YangguAtlas {
    static let seat = GridPoint(lat: 361140, lon: 1157910)

    public static let county = RegionAtlas(
        name: "阳谷县",
        profile: "yanggu-county",
        counties: [
            AtlasCounty(id: "yanggu", name: "阳谷县", prefix: "阳谷县", seat: seat, towns: [
                AtlasTown("bojiqiao", "博济桥街道", .subdistrict),
                AtlasTown("qiaorun", "侨润街道", .subdistrict, centreName: "阳谷县侨润街道社区卫生服务中心"),
                AtlasTown("shizilou", "狮子楼街道", .subdistrict, centreName: "阳谷县狮子楼街道社区卫生服务中心", tcmFeatured: true),
                AtlasTown("acheng", "阿城镇"),
                AtlasTown("qiji", "七级镇", centreName: "阳谷县七级中心卫生院"),
                AtlasTown("anle", "安乐镇", centreName: "阳谷县安乐镇中心卫生院"),
                AtlasTown("dingshui", "定水镇", centreName: "阳谷县定水镇卫生院", tcmFeatured: true),
                AtlasTown("shifo", "石佛镇"),
                AtlasTown("litai", "李台镇", centreName: "阳谷县李台中心卫生院", tcmFeatured: true),
                AtlasTown("shouzhang", "寿张镇"),
                AtlasTown("shiwuliyuan", "十五里园镇"),
                AtlasTown("zhangqiu", "张秋镇", centreName: "阳谷县张秋中心卫生院"),
                AtlasTown("guotun", "郭屯镇", centreName: "阳谷县郭屯镇卫生院"),
                AtlasTown("xihu", "西湖镇", centreName: "阳谷县西湖镇卫生院"),
                AtlasTown("gaomiaowang", "高庙王镇"),
                AtlasTown("jindouying", "金斗营镇"),
                AtlasTown("dabu", "大布乡", centreName: "阳谷县大布乡卫生院", tcmFeatured: true),
                AtlasTown("yanlou", "阎楼镇", centreName: "阳谷县阎楼镇卫生院"),
            ]),
        ],
        hospitals: [
            AtlasHospital(id: "yanggu-people", name: "阳谷县人民医院", tier: .county, county: "yanggu",
                          technicalStaff: 980, kind: .general, location: seat.offset(lat: 38, lon: -52)),
            AtlasHospital(id: "yanggu-tcm", name: "阳谷县中医医院", tier: .county, county: "yanggu",
                          technicalStaff: 380, kind: .tcm, location: seat.offset(lat: -44, lon: 61)),
            AtlasHospital(id: "yanggu-mch", name: "阳谷县妇幼保健计划生育服务中心", tier: .county, county: "yanggu",
                          technicalStaff: 160, kind: .maternalChild, location: seat.offset(lat: 17, lon: 93)),
        ],
        tcmFeaturedPerCounty: 4...4,
        sources: [
            "001_8e2d0408a7af6684.txt (阳卫发〔2024〕3号) §二(二) and annex: the named centres (李台、张秋、七级、",
            "  安乐镇中心卫生院, 定水镇、大布乡、阎楼镇、西湖镇卫生院, 狮子楼、侨润街道社区卫生服务中心; §三(三)9 郭屯镇卫生院);",
            "  TCM-featured: 狮子楼街道, 李台, 定水镇, 大布乡; county hospitals 县人民医院, 县中医医院,",
            "  县妇幼保健计划生育服务中心 (§二(一), §三(一)1); totals 100 a year, 25 county-level + 75 township-level (§三(三)10).",
        ]
    )
}
