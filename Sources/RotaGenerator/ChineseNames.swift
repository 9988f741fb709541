import RotaCore
/// Chinese personal and village names for generated scenarios.
///
/// Surnames follow their rough frequency in south-west Shandong (王, 李, 张, 刘 first); given
/// names are one or two characters from pools that lean female or male. Village names follow
/// the Luxi plain's patterns: a clan surname and a settlement word (李庄, 张楼, 王集, 刘屯),
/// sometimes with a position (前李庄, 东张楼, 大王庄), or a landmark name (桑园, 八里庙).
public enum ChineseNames {
    /// Surnames with weights (per mille, roughly).
    static let surnames: [(String, Int)] = [
        ("王", 90), ("李", 85), ("张", 80), ("刘", 65), ("陈", 30), ("杨", 30), ("赵", 32), ("孙", 30),
        ("周", 18), ("吴", 15), ("徐", 20), ("马", 22), ("朱", 18), ("胡", 14), ("郭", 20), ("高", 20),
        ("于", 14), ("孟", 14), ("田", 14), ("宋", 14), ("韩", 14), ("曹", 14), ("程", 10), ("袁", 8),
        ("郑", 10), ("董", 12), ("冯", 10), ("魏", 10), ("蒋", 6), ("梁", 8), ("薛", 8), ("姜", 8),
        ("崔", 8), ("葛", 6), ("范", 8), ("石", 8), ("贾", 8), ("侯", 8), ("何", 8), ("彭", 6),
        ("谢", 6), ("吕", 8), ("丁", 8), ("任", 8), ("邵", 6), ("孔", 6), ("尹", 5), ("苏", 6),
        ("潘", 5), ("付", 6), ("秦", 5), ("闫", 6), ("房", 4), ("晁", 3), ("仝", 3), ("满", 3),
    ]

    static let femaleChars = Array("芳娜敏静丽艳娟霞燕玲婷雪琳颖慧倩晶蕾红梅莉萍洁琴云璐悦欣佳楠丹茜雯")
    static let maleChars = Array("伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳建国志文海东亮成峰庆振博晨锋")
    static let firstChars = Array("晓文俊雅思子佳明海春秀丽玉建国志宏永金新兆德胜家立红美")

    /// A person's name; `femalePerMille` is the chance the name leans female.
    public static func person(_ r: inout SeededRandom, femalePerMille: Int) -> String {
        let surname = surnames[r.weightedIndex(surnames.map(\.1))].0
        let pool = r.chance(perMille: femalePerMille) ? femaleChars : maleChars
        if r.chance(perMille: 380) { return surname + String(r.pick(pool)) }
        return surname + String(r.pick(firstChars)) + String(r.pick(pool))
    }

    static let settlementWords: [(String, Int)] = [
        ("庄", 40), ("楼", 16), ("集", 10), ("屯", 8), ("寨", 6), ("店", 5), ("庙", 6), ("堂", 4),
        ("营", 5), ("口", 3), ("湾", 3), ("园", 3), ("洼", 2), ("堌堆", 3), ("铺", 2), ("圈", 2),
        ("岗", 2), ("桥", 2), ("寺", 2), ("坊", 1),
    ]
    static let positions = ["前", "后", "东", "西", "南", "北", "大", "小", "新"]
    static let landmarks = ["桑园", "柳林", "杏花", "桃园", "梨园", "双庙", "三合", "五里墩", "八里庙", "十里铺",
                            "石桥", "榆树", "杨树林", "白庙", "黄河口", "红庙", "孤堆", "青堌", "金堤", "槐树"]

    /// A village name without 村 (李庄, 前张楼, 桑园).
    public static func village(_ r: inout SeededRandom) -> String {
        let roll = r.int(in: 0...99)
        if roll < 6 { return r.pick(landmarks) }
        let surname = surnames[r.weightedIndex(surnames.map(\.1))].0
        let word = settlementWords[r.weightedIndex(settlementWords.map(\.1))].0
        if roll < 30 { return r.pick(positions) + surname + word }
        if roll < 36 {
            let second = surnames[r.weightedIndex(surnames.map(\.1))].0
            return (second == surname ? surname : surname + second) + word
        }
        return surname + word
    }

    /// Ordinal prefixes for the parts of a village split in two or more (李庄一村, 李庄二村).
    static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九"]
}
