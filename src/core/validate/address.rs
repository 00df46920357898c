//! The plain one-line address check: long enough and starting with its province, as 公安
//! forms require. (The reading against the division table is [`crate::core::address`].)

use super::Issue;

/// Province-level names an address may start with (full and common short forms).
const PROVINCES: &[&str] = &[
    "北京",
    "天津",
    "河北",
    "山西",
    "内蒙古",
    "辽宁",
    "吉林",
    "黑龙江",
    "上海",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "重庆",
    "四川",
    "贵州",
    "云南",
    "西藏",
    "陕西",
    "甘肃",
    "青海",
    "宁夏",
    "新疆",
    "台湾",
    "香港",
    "澳门",
];

/// A one-line address that starts with its province, as 公安 forms require.
pub fn address(input: &str) -> Result<String, Issue> {
    let text: String = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err(Issue::Required);
    }
    if text.chars().count() < 6 {
        return Err(Issue::AddressShort);
    }
    if !PROVINCES.iter().any(|p| text.starts_with(p)) {
        return Err(Issue::AddressProvince);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert!(address("北京市朝阳区建国路88号").is_ok());
        assert_eq!(address("朝阳区建国路88号"), Err(Issue::AddressProvince));
        assert_eq!(address("北京"), Err(Issue::AddressShort));
    }
}
