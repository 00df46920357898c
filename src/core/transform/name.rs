//! Names: the surname/given split and passport-style pinyin.

/// Two-character surnames (复姓) a name may begin with. Data, not code: a name starting with
/// one of these splits after two characters (欧阳修 → 欧阳 + 修), every other Han name after
/// one (王小明 → 王 + 小明). Source: the 复姓 of the 《百家姓》 (北宋; the section from 万俟
/// 司马 to 第五), leaving out its pairs of two single surnames written together (晋楚, 闫法,
/// 汝鄢, 涂钦, 仉督, 岳帅, 缑亢, 况后, 有琴, 商牟, 佘佴, 伯赏, 南门, 墨哈, 谯笪, 年爱, 阳佟,
/// 言福, 归海). Add to it rather than special-casing elsewhere.
pub const COMPOUND_SURNAMES: &[&str] = &[
    "万俟", "司马", "上官", "欧阳", "夏侯", "诸葛", "闻人", "东方", "赫连", "皇甫", "尉迟", "公羊",
    "澹台", "公冶", "宗政", "濮阳", "淳于", "仲孙", "太叔", "申屠", "公孙", "乐正", "轩辕", "令狐",
    "钟离", "闾丘", "长孙", "慕容", "鲜于", "宇文", "司徒", "司空", "亓官", "司寇", "子车", "颛孙",
    "端木", "巫马", "公西", "漆雕", "壤驷", "公良", "拓跋", "夹谷", "宰父", "谷梁", "段干", "百里",
    "东郭", "呼延", "羊舌", "微生", "梁丘", "左丘", "东门", "西门", "南宫", "第五",
];

/// Surname readings where the pinyin crate's first (most common) reading is not the surname's.
/// 《姓氏人名用字分析统计》 and GB/T 28039-2011 examples; the list is data.
const SURNAME_READINGS: &[(&str, &[&str])] = &[
    ("曾", &["zeng"]),
    ("单", &["shan"]),
    ("解", &["xie"]),
    ("仇", &["qiu"]),
    ("朴", &["piao"]),
    ("区", &["ou"]),
    ("查", &["zha"]),
    ("乐", &["yue"]),
    ("缪", &["miao"]),
    ("翟", &["zhai"]),
    ("盖", &["ge"]),
    ("种", &["chong"]),
    ("秘", &["bi"]),
    ("召", &["shao"]),
    ("折", &["she"]),
    ("尉迟", &["yu", "chi"]),
    ("长孙", &["zhang", "sun"]),
    ("万俟", &["mo", "qi"]),
];

/// The dots that join the parts of a name transcribed from another language (阿依古丽·买买提):
/// U+00B7 middle dot (the standard one), U+30FB katakana middle dot, U+2022 bullet, U+FF0E
/// full-width full stop and U+2027 hyphenation point, all seen in typed names.
const NAME_DOTS: &[char] = &['·', '・', '•', '．', '‧'];

/// A name split into surname and given name.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct SplitName<'a> {
    /// 姓.
    pub surname: &'a str,
    /// 名.
    pub given: &'a str,
}

impl std::fmt::Debug for SplitName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SplitName(***)")
    }
}

/// Splits a name: at the first dot for names written with one (阿依古丽·买买提 → 阿依古丽 +
/// 买买提, in written order), at the first space for Latin names (`ZHANG SAN`), after a 复姓
/// of [`COMPOUND_SURNAMES`], else after the first character. `None` for an empty name or a
/// one-character name (nothing to split).
pub fn split(name: &str) -> Option<SplitName<'_>> {
    let name = name.trim();
    if let Some(at) = name.find(NAME_DOTS) {
        let dot = name[at..].chars().next()?.len_utf8();
        let (surname, given) = (name[..at].trim(), name[at + dot..].trim());
        return (!surname.is_empty() && !given.is_empty()).then_some(SplitName { surname, given });
    }
    if name.is_ascii() {
        let (surname, given) = name.split_once(char::is_whitespace)?;
        let given = given.trim();
        return (!surname.is_empty() && !given.is_empty()).then_some(SplitName { surname, given });
    }
    let cut = COMPOUND_SURNAMES
        .iter()
        .find(|s| name.starts_with(**s) && name.len() > s.len())
        .map(|s| s.len())
        .or_else(|| name.chars().next().map(char::len_utf8))?;
    let (surname, given) = name.split_at(cut);
    (!given.is_empty()).then_some(SplitName { surname, given })
}

/// The plain pinyin syllables of `text` (no tones; ü written `yu` as GB/T 28039-2011 allows
/// where ü cannot be shown, so 吕 → `lyu`), or `None` when a character has no reading.
/// `surname` applies the surname readings (曾 → zeng, 单 → shan).
pub fn syllables(text: &str, surname: bool) -> Option<Vec<String>> {
    if surname {
        if let Some((_, readings)) = SURNAME_READINGS.iter().find(|(s, _)| *s == text) {
            return Some(readings.iter().map(|r| (*r).to_string()).collect());
        }
    }
    reading(text)
}

/// The pinyin table (about 170 KB) stays out of the browser bundle: there a person's own
/// `person.name_latin` is used, as the passport writes it (see [`super::apply`]).
#[cfg(target_arch = "wasm32")]
fn reading(_text: &str) -> Option<Vec<String>> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
fn reading(text: &str) -> Option<Vec<String>> {
    use pinyin::ToPinyin;
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_pinyin().map(|p| p.plain().replace(['ü', 'v'], "yu")))
        .collect()
}
