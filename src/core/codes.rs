//! Code tables the profile uses. GB 3304-1991 民族 (ethnic groups) with its two-letter
//! romanised codes; systems commonly add 97 其他 and 98 外国血统中国籍人士.

/// One row of a code table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code {
    /// The standard's code, e.g. `01`.
    pub code: &'static str,
    /// The zh-CN name, e.g. `汉族`.
    pub name: &'static str,
    /// The romanised letter code of GB 3304, where it has one.
    pub letters: &'static str,
}

const fn c(code: &'static str, name: &'static str, letters: &'static str) -> Code {
    Code {
        code,
        name,
        letters,
    }
}

/// GB 3304-1991 in code order, plus the two common local additions.
pub const ETHNICITIES: &[Code] = &[
    c("01", "汉族", "HA"),
    c("02", "蒙古族", "MG"),
    c("03", "回族", "HU"),
    c("04", "藏族", "ZA"),
    c("05", "维吾尔族", "UG"),
    c("06", "苗族", "MH"),
    c("07", "彝族", "YI"),
    c("08", "壮族", "ZH"),
    c("09", "布依族", "BY"),
    c("10", "朝鲜族", "CS"),
    c("11", "满族", "MA"),
    c("12", "侗族", "DO"),
    c("13", "瑶族", "YA"),
    c("14", "白族", "BA"),
    c("15", "土家族", "TJ"),
    c("16", "哈尼族", "HN"),
    c("17", "哈萨克族", "KZ"),
    c("18", "傣族", "DA"),
    c("19", "黎族", "LI"),
    c("20", "傈僳族", "LS"),
    c("21", "佤族", "VA"),
    c("22", "畲族", "SH"),
    c("23", "高山族", "GS"),
    c("24", "拉祜族", "LH"),
    c("25", "水族", "SU"),
    c("26", "东乡族", "DX"),
    c("27", "纳西族", "NX"),
    c("28", "景颇族", "JP"),
    c("29", "柯尔克孜族", "KG"),
    c("30", "土族", "TU"),
    c("31", "达斡尔族", "DU"),
    c("32", "仫佬族", "ML"),
    c("33", "羌族", "QI"),
    c("34", "布朗族", "BL"),
    c("35", "撒拉族", "SL"),
    c("36", "毛南族", "MN"),
    c("37", "仡佬族", "GL"),
    c("38", "锡伯族", "XB"),
    c("39", "阿昌族", "AC"),
    c("40", "普米族", "PM"),
    c("41", "塔吉克族", "TA"),
    c("42", "怒族", "NU"),
    c("43", "乌孜别克族", "UZ"),
    c("44", "俄罗斯族", "RS"),
    c("45", "鄂温克族", "EW"),
    c("46", "德昂族", "DE"),
    c("47", "保安族", "BN"),
    c("48", "裕固族", "YG"),
    c("49", "京族", "GI"),
    c("50", "塔塔尔族", "TT"),
    c("51", "独龙族", "DR"),
    c("52", "鄂伦春族", "OR"),
    c("53", "赫哲族", "HZ"),
    c("54", "门巴族", "MB"),
    c("55", "珞巴族", "LB"),
    c("56", "基诺族", "JN"),
    c("97", "其他", ""),
    c("98", "外国血统中国籍人士", ""),
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
}
