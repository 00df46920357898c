//! The small national code tables, as constants. Sources (see also `data/codes/tables.SOURCE`):
//!
//! | table | source | checked |
//! |---|---|---|
//! | GB 3304-1991 民族 | the standard's list with its letter codes | 2026-11 |
//! | GB/T 2261.1-2003 性别 | wenerme/wener notes `gbt-2261.md`; tourze/gb-t-2261 | 2026-11 |
//! | GB/T 2261.2-2003 婚姻状况 | tourze/gb-t-2261 `MaritalStatus.php` | 2026-11 |
//! | GB/T 4762-1984 政治面貌 | tourze/gb-t-4762 (full labels) | 2026-11 |
//! | GB/T 4658-2006 学历 | tourze/gb-t-4658; several HIS code enums agree | 2026-11 |
//! | GB/T 4761-2008 家庭关系 | HIS code tables (bailei1987/dotnet and others); 81–96 unverified against the standard text | 2026-11 |
//! | 人社 aac009 户口性质 | a 城乡居民养老 registration front-end; 21/22 and 51/52 labels inferred, 41/42 left out | 2026-11 |

use super::{Code, TableId, c, c_letters};

/// GB 3304-1991 in code order, plus the two common local additions.
pub const ETHNICITIES: &[Code] = &[
    c_letters("01", "汉族", "HA"),
    c_letters("02", "蒙古族", "MG"),
    c_letters("03", "回族", "HU"),
    c_letters("04", "藏族", "ZA"),
    c_letters("05", "维吾尔族", "UG"),
    c_letters("06", "苗族", "MH"),
    c_letters("07", "彝族", "YI"),
    c_letters("08", "壮族", "ZH"),
    c_letters("09", "布依族", "BY"),
    c_letters("10", "朝鲜族", "CS"),
    c_letters("11", "满族", "MA"),
    c_letters("12", "侗族", "DO"),
    c_letters("13", "瑶族", "YA"),
    c_letters("14", "白族", "BA"),
    c_letters("15", "土家族", "TJ"),
    c_letters("16", "哈尼族", "HN"),
    c_letters("17", "哈萨克族", "KZ"),
    c_letters("18", "傣族", "DA"),
    c_letters("19", "黎族", "LI"),
    c_letters("20", "傈僳族", "LS"),
    c_letters("21", "佤族", "VA"),
    c_letters("22", "畲族", "SH"),
    c_letters("23", "高山族", "GS"),
    c_letters("24", "拉祜族", "LH"),
    c_letters("25", "水族", "SU"),
    c_letters("26", "东乡族", "DX"),
    c_letters("27", "纳西族", "NX"),
    c_letters("28", "景颇族", "JP"),
    c_letters("29", "柯尔克孜族", "KG"),
    c_letters("30", "土族", "TU"),
    c_letters("31", "达斡尔族", "DU"),
    c_letters("32", "仫佬族", "ML"),
    c_letters("33", "羌族", "QI"),
    c_letters("34", "布朗族", "BL"),
    c_letters("35", "撒拉族", "SL"),
    c_letters("36", "毛南族", "MN"),
    c_letters("37", "仡佬族", "GL"),
    c_letters("38", "锡伯族", "XB"),
    c_letters("39", "阿昌族", "AC"),
    c_letters("40", "普米族", "PM"),
    c_letters("41", "塔吉克族", "TA"),
    c_letters("42", "怒族", "NU"),
    c_letters("43", "乌孜别克族", "UZ"),
    c_letters("44", "俄罗斯族", "RS"),
    c_letters("45", "鄂温克族", "EW"),
    c_letters("46", "德昂族", "DE"),
    c_letters("47", "保安族", "BN"),
    c_letters("48", "裕固族", "YG"),
    c_letters("49", "京族", "GI"),
    c_letters("50", "塔塔尔族", "TT"),
    c_letters("51", "独龙族", "DR"),
    c_letters("52", "鄂伦春族", "OR"),
    c_letters("53", "赫哲族", "HZ"),
    c_letters("54", "门巴族", "MB"),
    c_letters("55", "珞巴族", "LB"),
    c_letters("56", "基诺族", "JN"),
    c_letters("97", "其他", ""),
    c_letters("98", "外国血统中国籍人士", ""),
];

/// Looks an ethnic group up by code (`01`, `1`), name (`汉族`, `汉`) or letters (`HA`).
pub fn ethnicity(query: &str) -> Option<&'static Code> {
    let q = query.trim();
    if q.is_empty() {
        return None;
    }
    ETHNICITIES.iter().find(|row| {
        row.code == q
            || (q.len() == 1 && row.code.strip_prefix('0') == Some(q))
            || row.name == q
            || row.name.strip_suffix('族') == Some(q) && row.code != "97" && row.code != "98"
            || (!row.letters.is_empty() && row.letters.eq_ignore_ascii_case(q))
    })
}

/// GB/T 2261.1-2003 人的性别代码.
pub const SEXES: &[Code] = &[
    c("0", "未知的性别", "未知"),
    c("1", "男性", "男"),
    c("2", "女性", "女"),
    c("9", "未说明的性别", "未说明"),
];

/// GB/T 2261.2-2003 婚姻状况代码 (two levels: 20 已婚 has 21–23 below it).
pub const MARITAL_STATUSES: &[Code] = &[
    c("10", "未婚", ""),
    c("20", "已婚", ""),
    c("21", "初婚", ""),
    c("22", "再婚", ""),
    c("23", "复婚", ""),
    c("30", "丧偶", ""),
    c("40", "离婚", ""),
    c("90", "未说明的婚姻状况", "未说明"),
];

/// GB/T 4762-1984 政治面貌代码 with the standard's full labels; the short forms are what forms
/// usually print.
pub const POLITICAL_STATUSES: &[Code] = &[
    c("01", "中国共产党党员", "中共党员"),
    c("02", "中国共产党预备党员", "中共预备党员"),
    c("03", "中国共产主义青年团团员", "共青团员"),
    c("04", "中国国民党革命委员会会员", "民革会员"),
    c("05", "中国民主同盟盟员", "民盟盟员"),
    c("06", "中国民主建国会会员", "民建会员"),
    c("07", "中国民主促进会会员", "民进会员"),
    c("08", "中国农工民主党党员", "农工党党员"),
    c("09", "中国致公党党员", "致公党党员"),
    c("10", "九三学社社员", ""),
    c("11", "台湾民主自治同盟盟员", "台盟盟员"),
    c("12", "无党派民主人士", "无党派人士"),
    c("13", "群众", ""),
];

/// GB/T 4658-2006 学历代码 (two levels: the tens are the groups).
pub const EDUCATION_LEVELS: &[Code] = &[
    c("10", "研究生教育", "研究生"),
    c("11", "博士研究生毕业", "博士"),
    c("12", "博士研究生结业", ""),
    c("13", "博士研究生肄业", ""),
    c("14", "硕士研究生毕业", "硕士"),
    c("15", "硕士研究生结业", ""),
    c("16", "硕士研究生肄业", ""),
    c("17", "研究生班毕业", ""),
    c("18", "研究生班结业", ""),
    c("19", "研究生班肄业", ""),
    c("20", "大学本科教育", ""),
    c("21", "大学本科毕业", "本科"),
    c("22", "大学本科结业", ""),
    c("23", "大学本科肄业", ""),
    c("28", "大学普通班毕业", ""),
    c("30", "大学专科教育", ""),
    c("31", "大学专科毕业", "大专"),
    c("32", "大学专科结业", ""),
    c("33", "大学专科肄业", ""),
    c("40", "中等职业教育", ""),
    c("41", "中等专科毕业", "中专"),
    c("42", "中等专科结业", ""),
    c("43", "中等专科肄业", ""),
    c("44", "职业高中毕业", "职高"),
    c("45", "职业高中结业", ""),
    c("46", "职业高中肄业", ""),
    c("47", "技工学校毕业", "技校"),
    c("48", "技工学校结业", ""),
    c("49", "技工学校肄业", ""),
    c("60", "普通高级中学教育", ""),
    c("61", "普通高中毕业", "高中"),
    c("62", "普通高中结业", ""),
    c("63", "普通高中肄业", ""),
    c("70", "初级中学教育", ""),
    c("71", "初中毕业", "初中"),
    c("73", "初中肄业", ""),
    c("80", "小学教育", ""),
    c("81", "小学毕业", "小学"),
    c("83", "小学肄业", ""),
    c("90", "其他", ""),
];

/// GB/T 4761-2008 家庭关系代码 (two levels: the tens are the groups). The codes 81–96 come from
/// third-party code tables that agree with each other, not from the standard's text.
pub const FAMILY_RELATIONS: &[Code] = &[
    c("01", "本人", ""),
    c("02", "户主", ""),
    c("10", "配偶", ""),
    c("11", "夫", ""),
    c("12", "妻", ""),
    c("20", "子", ""),
    c("21", "独生子", ""),
    c("22", "长子", ""),
    c("23", "次子", ""),
    c("24", "三子", ""),
    c("25", "四子", ""),
    c("26", "五子", ""),
    c("27", "养子或继子", ""),
    c("28", "女婿", ""),
    c("29", "其他儿子", ""),
    c("30", "女", ""),
    c("31", "独生女", ""),
    c("32", "长女", ""),
    c("33", "次女", ""),
    c("34", "三女", ""),
    c("35", "四女", ""),
    c("36", "五女", ""),
    c("37", "养女或继女", ""),
    c("38", "儿媳", ""),
    c("39", "其他女儿", ""),
    c("40", "孙子、孙女或外孙子、外孙女", ""),
    c("41", "孙子", ""),
    c("42", "孙女", ""),
    c("43", "外孙子", ""),
    c("44", "外孙女", ""),
    c("45", "孙媳妇或外孙媳妇", ""),
    c("46", "孙女婿或外孙女婿", ""),
    c("47", "曾孙子或外曾孙子", ""),
    c("48", "曾孙女或外曾孙女", ""),
    c("49", "其他孙子、孙女或外孙子、外孙女", ""),
    c("50", "父母", ""),
    c("51", "父亲", ""),
    c("52", "母亲", ""),
    c("53", "公公", ""),
    c("54", "婆婆", ""),
    c("55", "岳父", ""),
    c("56", "岳母", ""),
    c("57", "继父或养父", ""),
    c("58", "继母或养母", ""),
    c("59", "其他父母关系", ""),
    c("60", "祖父母或外祖父母", ""),
    c("61", "祖父", ""),
    c("62", "祖母", ""),
    c("63", "外祖父", ""),
    c("64", "外祖母", ""),
    c("65", "配偶的祖父母或外祖父母", ""),
    c("66", "曾祖父", ""),
    c("67", "曾祖母", ""),
    c("68", "配偶的曾祖父母或外曾祖父母", ""),
    c("69", "其他祖父母或外祖父母关系", ""),
    c("70", "兄弟姐妹", ""),
    c("71", "兄", ""),
    c("72", "嫂", ""),
    c("73", "弟", ""),
    c("74", "弟媳", ""),
    c("75", "姐姐", ""),
    c("76", "姐夫", ""),
    c("77", "妹妹", ""),
    c("78", "妹夫", ""),
    c("79", "其他兄弟姐妹", ""),
    c("80", "其他", ""),
    c("81", "伯父", ""),
    c("82", "伯母", ""),
    c("83", "叔父", ""),
    c("84", "婶母", ""),
    c("85", "舅父", ""),
    c("86", "舅母", ""),
    c("87", "姨父", ""),
    c("88", "姨母", ""),
    c("89", "姑父", ""),
    c("90", "姑母", ""),
    c("91", "堂兄弟、堂姐妹", ""),
    c("92", "表兄弟、表姐妹", ""),
    c("93", "侄子", ""),
    c("94", "侄女", ""),
    c("95", "外甥", ""),
    c("96", "外甥女", ""),
    c("97", "其他亲属", ""),
    c("99", "非亲属", ""),
];

/// 人社 aac009 户口性质, as one 城乡居民养老 registration front-end lists it. The labels of
/// 21/22 and 51/52 follow 11/12 by analogy (unverified); 41/42 (under 40 外国人) are left out
/// because their labels are unknown.
pub const HUKOU_TYPES: &[Code] = &[
    c("10", "非农业户口（城镇）", "非农业户口"),
    c("11", "本地非农业户口", ""),
    c("12", "外地非农业户口", ""),
    c("20", "农业户口（农村）", "农业户口"),
    c("21", "本地农业户口", ""),
    c("22", "外地农业户口", ""),
    c("30", "港澳台侨", ""),
    c("31", "香港", ""),
    c("32", "澳门", ""),
    c("33", "台湾", ""),
    c("34", "华侨", ""),
    c("40", "外国人", ""),
    c("50", "居民户口", ""),
    c("51", "本地居民户口", ""),
    c("52", "外地居民户口", ""),
];

/// Further words people and pages use for a row: (table, word, code).
pub(crate) const ALIASES: &[(TableId, &str, &str)] = &[
    (TableId::Sex, "男士", "1"),
    (TableId::Sex, "女士", "2"),
    (TableId::PoliticalStatus, "党员", "01"),
    (TableId::PoliticalStatus, "中国共产党员", "01"),
    (TableId::PoliticalStatus, "预备党员", "02"),
    (TableId::PoliticalStatus, "团员", "03"),
    (TableId::PoliticalStatus, "共青团", "03"),
    (TableId::PoliticalStatus, "民革", "04"),
    (TableId::PoliticalStatus, "民盟", "05"),
    (TableId::PoliticalStatus, "民建", "06"),
    (TableId::PoliticalStatus, "民进", "07"),
    (TableId::PoliticalStatus, "农工党", "08"),
    (TableId::PoliticalStatus, "致公党", "09"),
    (TableId::PoliticalStatus, "九三学社", "10"),
    (TableId::PoliticalStatus, "台盟", "11"),
    (TableId::PoliticalStatus, "无党派", "12"),
    (TableId::PoliticalStatus, "普通群众", "13"),
    (TableId::Education, "大学本科", "21"),
    (TableId::Education, "大学专科", "31"),
    (TableId::Education, "专科", "31"),
    (TableId::Education, "中等专科", "41"),
    (TableId::Education, "职业高中", "44"),
    (TableId::Education, "技工学校", "47"),
    (TableId::Education, "普通高中", "61"),
    (TableId::FamilyRelation, "丈夫", "11"),
    (TableId::FamilyRelation, "妻子", "12"),
    (TableId::FamilyRelation, "儿子", "20"),
    (TableId::FamilyRelation, "女儿", "30"),
    (TableId::FamilyRelation, "父", "51"),
    (TableId::FamilyRelation, "母", "52"),
    (TableId::FamilyRelation, "哥哥", "71"),
    (TableId::FamilyRelation, "弟弟", "73"),
    (TableId::FamilyRelation, "姐", "75"),
    (TableId::FamilyRelation, "妹", "77"),
    (TableId::HukouType, "城镇户口", "10"),
    (TableId::HukouType, "农村户口", "20"),
    (TableId::HukouType, "非农户口", "10"),
    (TableId::HukouType, "农业", "20"),
    (TableId::HukouType, "非农业", "10"),
    (TableId::IdDocumentType, "身份证", "resident_id_card"),
    (TableId::IdDocumentType, "二代身份证", "resident_id_card"),
    (TableId::IdDocumentType, "户口簿", "household_register"),
    (TableId::IdDocumentType, "户口本", "household_register"),
    (TableId::IdDocumentType, "护照", "chinese_passport"),
    (TableId::IdDocumentType, "军官证", "military_id"),
    (TableId::IdDocumentType, "士兵证", "military_id"),
    (TableId::IdDocumentType, "港澳通行证", "hk_macao_permit"),
    (TableId::IdDocumentType, "回乡证", "hk_macao_permit"),
    (TableId::IdDocumentType, "台胞证", "taiwan_permit"),
    (
        TableId::IdDocumentType,
        "永居证",
        "foreign_permanent_resident_id",
    ),
    (
        TableId::IdDocumentType,
        "居住证",
        "hk_macao_taiwan_residence_permit",
    ),
    (TableId::IdDocumentType, "营业执照", "business_licence"),
    (
        TableId::IdDocumentType,
        "统一社会信用代码",
        "business_licence",
    ),
    (TableId::IdDocumentType, "其它", "other"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_complete_and_ordered() {
        assert_eq!(ETHNICITIES.len(), 58);
        for (i, row) in ETHNICITIES.iter().take(56).enumerate() {
            assert_eq!(row.code, format!("{:02}", i + 1));
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(ethnicity("01").map(|c| c.name), Some("汉族"));
        assert_eq!(ethnicity("1").map(|c| c.name), Some("汉族"));
        assert_eq!(ethnicity("汉").map(|c| c.code), Some("01"));
        assert_eq!(ethnicity("维吾尔族").map(|c| c.code), Some("05"));
        assert_eq!(ethnicity("ug").map(|c| c.code), Some("05"));
        assert_eq!(ethnicity("其他").map(|c| c.code), Some("97"));
        assert_eq!(ethnicity("火星族"), None);
        assert_eq!(ethnicity(""), None);
    }

    #[test]
    fn two_level_tables_are_sorted() {
        for rows in [
            MARITAL_STATUSES,
            POLITICAL_STATUSES,
            EDUCATION_LEVELS,
            FAMILY_RELATIONS,
            HUKOU_TYPES,
        ] {
            assert!(rows.windows(2).all(|w| w[0].code < w[1].code));
            assert!(rows.iter().all(|r| r.code.len() == 2));
        }
    }
}
