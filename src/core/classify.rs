//! Classification: which dictionary element a scanned field asks for, and why.
//!
//! Precedence, strongest first: the page's own `autocomplete` attribute (WHATWG tokens) →
//! the field's label → its `name`/`id` (including pinyin abbreviations such as `xm`, `sfzh`
//! and the 人社 indicator codes such as `aac003`) → its placeholder → its options.
//!
//! Every verdict carries its [`Reason`]. Ambiguity is a refusal, never a guess: a label that
//! names two elements, a label about somebody else (户主姓名, 联系人电话), or two fields of
//! one form that both look like the same element are all left empty.

use std::collections::HashMap;

use serde::Serialize;

use crate::core::dictionary::Key;
use crate::core::field::{Control, FieldDescriptor, FieldId};

/// Why a field was recognised.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "by", content = "detail")]
pub enum Reason {
    /// A known form mapping said so.
    Mapping(String),
    /// A valid `autocomplete` token.
    Autocomplete(String),
    /// A keyword in the label.
    Label(String),
    /// A token of the `name` or `id` attribute.
    Name(String),
    /// A keyword in the placeholder.
    Placeholder(String),
    /// The options offered (男/女, ethnic groups).
    Options(String),
    /// Neighbouring fields.
    Context(String),
}

impl Reason {
    /// The short name used by the CLI and tests: `autocomplete`, `label`, ...
    pub fn kind(&self) -> &'static str {
        match self {
            Reason::Mapping(_) => "mapping",
            Reason::Autocomplete(_) => "autocomplete",
            Reason::Label(_) => "label",
            Reason::Name(_) => "name",
            Reason::Placeholder(_) => "placeholder",
            Reason::Options(_) => "options",
            Reason::Context(_) => "context",
        }
    }

    /// The matched text.
    pub fn detail(&self) -> &str {
        match self {
            Reason::Mapping(d)
            | Reason::Autocomplete(d)
            | Reason::Label(d)
            | Reason::Name(d)
            | Reason::Placeholder(d)
            | Reason::Options(d)
            | Reason::Context(d) => d,
        }
    }
}

/// Why a field is left alone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "why", content = "detail")]
pub enum SkipReason {
    /// Not rendered.
    Hidden,
    /// `readonly`.
    ReadOnly,
    /// `disabled`.
    Disabled,
    /// Passwords, files, payment cards, one-time codes: never filled.
    NeverFilled(String),
    /// A verification code (验证码).
    Captcha,
    /// Nothing recognisable.
    Unrecognised,
    /// The label names more than one element.
    Ambiguous(Vec<Key>),
    /// The field is about somebody else (户主, 联系人, 监护人, ...).
    OtherParty(String),
    /// Several fields of one form look like the same element.
    Duplicate {
        /// The element.
        key: Key,
        /// How many fields.
        count: usize,
    },
    /// A valid `autocomplete` token for something the profile does not hold.
    NotHeld(String),
    /// An element the dictionary knows of, but the profile cannot supply yet.
    NotInDictionary(String),
}

/// The outcome for one field.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "verdict")]
pub enum Verdict {
    /// Fill from `key`.
    Fill {
        /// The element.
        key: Key,
        /// Why.
        reason: Reason,
        /// 0..=1: how strong the evidence is.
        confidence: f32,
    },
    /// Leave alone.
    Skip {
        /// Why.
        reason: SkipReason,
    },
}

/// A field and its verdict.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Classification {
    /// The field.
    pub field: FieldId,
    /// The outcome.
    pub verdict: Verdict,
}

/// What a keyword points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    /// An element of the dictionary.
    Key(Key),
    /// Somebody other than the profile's person.
    Other(&'static str),
    /// A known element the profile does not hold yet.
    Unheld(&'static str),
    /// Never filled automatically.
    Never(&'static str),
}

struct Rule {
    target: Target,
    words: &'static [&'static str],
}

const fn rule(target: Target, words: &'static [&'static str]) -> Rule {
    Rule { target, words }
}

use Target::{Key as K, Never, Other, Unheld};

/// Label and placeholder keywords. Order matters only between rules whose keywords are the
/// same text; otherwise the longest keyword wins (户籍所在地址 beats 地址), and two keywords
/// that do not overlap and point at different things make the field ambiguous.
const LABEL_RULES: &[Rule] = &[
    rule(
        Never("captcha"),
        &["验证码", "captcha", "verification code"],
    ), // zh-CN, en
    rule(Never("password"), &["密码", "password"]),
    // Somebody else's details: zh-CN, zh-TW, en.
    rule(Other("户主"), &["户主"]),
    rule(
        Other("联系人"),
        &[
            "联系人",
            "紧急联系人",
            "聯絡人",
            "contact person",
            "emergency contact",
        ],
    ),
    rule(Other("监护人"), &["监护人", "監護人", "guardian"]),
    rule(
        Other("代理人"),
        &["代理人", "代办人", "经办人", "受托人", "agent"],
    ),
    rule(
        Other("法定代表人"),
        &["法定代表人", "负责人", "legal representative"],
    ),
    rule(
        Other("家庭成员"),
        &["配偶", "父亲", "母亲", "子女", "spouse", "father", "mother"],
    ),
    rule(
        Other("单位"),
        &[
            "单位",
            "企业",
            "公司",
            "机构",
            "employer",
            "company",
            "organisation",
            "organization",
        ],
    ),
    // Elements a later profile holds; named so they are not mistaken for a held one.
    rule(Unheld("曾用名"), &["曾用名", "former name"]),
    rule(
        Unheld("姓名拼音"),
        &["拼音", "英文名", "外文姓名", "name in pinyin"],
    ),
    rule(
        Unheld("姓/名"),
        &[
            "first name",
            "given name",
            "last name",
            "surname",
            "family name",
        ],
    ),
    rule(
        Unheld("用户名"),
        &["用户名", "账号", "username", "user name"],
    ),
    rule(
        Unheld("居住地址"),
        &[
            "居住地址",
            "现住址",
            "现居住地",
            "现居住地址",
            "居住地",
            "通讯地址",
            "联系地址",
            "邮寄地址",
            "residential address",
            "mailing address",
        ],
    ),
    rule(
        Unheld("邮政编码"),
        &["邮政编码", "邮编", "postcode", "postal code", "zip"],
    ),
    rule(
        Unheld("电子邮箱"),
        &["电子邮箱", "邮箱", "电子邮件", "email", "e-mail"],
    ),
    rule(
        Unheld("固定电话"),
        &["固定电话", "座机", "办公电话", "家庭电话", "landline"],
    ),
    rule(Unheld("证件类型"), &["证件类型", "证件种类"]),
    rule(
        Unheld("有效期"),
        &["有效期", "有效期限", "签发机关", "发证机关"],
    ),
    rule(Unheld("户口性质"), &["户口性质", "户籍类型"]),
    rule(Unheld("国籍"), &["国籍", "nationality", "country"]),
    rule(Unheld("婚姻状况"), &["婚姻状况", "marital status"]),
    rule(Unheld("学历"), &["学历", "文化程度", "education"]),
    rule(Unheld("政治面貌"), &["政治面貌"]),
    rule(
        Unheld("社会保障卡号"),
        &["社会保障卡号", "社保卡号", "银行卡号", "银行账号"],
    ),
    // Held elements.
    rule(
        K(Key::PersonIdNumber),
        &[
            "公民身份号码",
            "身份证号码",
            "身份证号",
            "身份证件号码",
            "身份号码",
            "证件号码",
            "社会保障号码",
            "身份證號碼",
            "id number",
            "id card number",
            "identity card number",
            "resident id",
        ],
    ),
    rule(K(Key::PersonName), &["姓名", "名字", "name", "full name"]),
    rule(K(Key::PersonSex), &["性别", "性別", "sex", "gender"]),
    rule(
        K(Key::PersonBirthDate),
        &[
            "出生日期",
            "出生年月日",
            "出生年月",
            "出生日",
            "生日",
            "date of birth",
            "birth date",
            "birthday",
            "dob",
        ],
    ),
    rule(
        K(Key::PersonEthnicity),
        &["民族", "ethnic group", "ethnicity"],
    ),
    rule(
        K(Key::PersonHukouAddress),
        &[
            "户籍地址",
            "户籍所在地址",
            "户籍所在地",
            "户口所在地",
            "常住户口所在地住址",
            "常住户口所在地",
            "户籍住址",
            "身份证住址",
            "身份证地址",
            "住址",
            "家庭住址",
            "地址",
            "registered address",
            "address",
        ],
    ),
    rule(
        K(Key::ContactMobile),
        &[
            "手机号码",
            "手机号",
            "手机",
            "移动电话",
            "联系电话",
            "联系方式",
            "电话号码",
            "电话",
            "mobile",
            "mobile number",
            "mobile phone",
            "cell phone",
            "phone",
            "phone number",
            "telephone",
        ],
    ),
    rule(
        K(Key::MetaFillDate),
        &[
            "填表日期",
            "填报日期",
            "申请日期",
            "申报日期",
            "签字日期",
            "签名日期",
            "date of application",
        ],
    ),
];

/// Tokens of `name`/`id` attributes: pinyin initials used by Chinese portals, the national
/// 人社 indicator codes (金保工程 `aacNNN`/`aaeNNN`) and English words.
const NAME_RULES: &[Rule] = &[
    rule(Never("captcha"), &["captcha", "yzm", "vcode", "verifycode"]),
    rule(Never("password"), &["password", "passwd", "pwd", "mm"]),
    rule(
        K(Key::PersonIdNumber),
        &[
            "sfzh",
            "sfzhm",
            "zjhm",
            "idcard",
            "id card",
            "idno",
            "id number",
            "aac002",
            "aac147",
        ],
    ),
    rule(
        K(Key::PersonName),
        &[
            "xm",
            "aac003",
            "name",
            "fullname",
            "full name",
            "realname",
            "real name",
        ],
    ),
    rule(K(Key::PersonSex), &["xb", "aac004", "sex", "gender"]),
    rule(
        K(Key::PersonBirthDate),
        &[
            "csrq",
            "aac006",
            "birthday",
            "birth date",
            "birthdate",
            "dob",
            "bday",
        ],
    ),
    rule(
        K(Key::PersonEthnicity),
        &["mz", "aac005", "nation", "ethnicity"],
    ),
    rule(K(Key::PersonHukouAddress), &["hjdz", "hjszd", "aac010"]),
    rule(
        K(Key::ContactMobile),
        &["sjhm", "sjh", "lxdh", "mobile", "cellphone", "phone", "tel"],
    ),
    rule(Other("单位"), &["company", "org", "dwmc"]),
    rule(Other("联系人"), &["lxr", "contact person"]),
    rule(Unheld("用户名"), &["username", "user name", "login"]),
    rule(Unheld("电子邮箱"), &["email", "mail", "yx"]),
];

/// Splits text into match units: each CJK character is a unit, each run of ASCII letters and
/// digits is a lower-cased word (camelCase is split), everything else separates.
fn units(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && prev_lower && !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
            word.push(c.to_ascii_lowercase());
        } else {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            prev_lower = false;
            if c.is_alphanumeric() {
                out.push(c.to_string());
            }
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Where a rule's keyword matched: unit span, target, the keyword.
#[derive(Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    target: Target,
    word: &'static str,
}

fn find_hits(text: &str, rules: &[Rule]) -> Vec<Hit> {
    let hay = units(text);
    let mut hits = Vec::new();
    for rule in rules {
        for &word in rule.words {
            let needle = units(word);
            if needle.is_empty() || needle.len() > hay.len() {
                continue;
            }
            for start in 0..=hay.len() - needle.len() {
                if hay[start..start + needle.len()] == needle[..] {
                    hits.push(Hit {
                        start,
                        end: start + needle.len(),
                        target: rule.target,
                        word,
                    });
                }
            }
        }
    }
    // A keyword inside a longer one is not evidence of its own (地址 in 户籍所在地址); of two
    // keywords on the same span, the earlier rule is the more specific.
    let keep: Vec<bool> = hits
        .iter()
        .enumerate()
        .map(|(i, h)| {
            !hits.iter().enumerate().any(|(j, o)| {
                let covers = o.start <= h.start && h.end <= o.end;
                let longer = (o.end - o.start) > (h.end - h.start);
                covers && (longer || (j < i && o.start == h.start && o.end == h.end))
            })
        })
        .collect();
    hits.into_iter()
        .zip(keep)
        .filter_map(|(h, k)| k.then_some(h))
        .collect()
}

/// The decision a set of hits supports.
enum Decision {
    Key(Key, &'static str),
    Skip(SkipReason),
}

fn decide(hits: &[Hit]) -> Option<Decision> {
    if hits.is_empty() {
        return None;
    }
    if let Some(h) = hits.iter().find(|h| matches!(h.target, Never(_))) {
        return Some(Decision::Skip(match h.target {
            Never("captcha") => SkipReason::Captcha,
            Never(what) => SkipReason::NeverFilled(what.into()),
            _ => SkipReason::Unrecognised,
        }));
    }
    if let Some(Hit {
        target: Other(who), ..
    }) = hits.iter().find(|h| matches!(h.target, Other(_)))
    {
        return Some(Decision::Skip(SkipReason::OtherParty((*who).into())));
    }
    let mut keys: Vec<Key> = hits
        .iter()
        .filter_map(|h| match h.target {
            K(k) => Some(k),
            _ => None,
        })
        .collect();
    keys.sort();
    keys.dedup();
    let unheld = hits.iter().find_map(|h| match h.target {
        Unheld(what) => Some(what),
        _ => None,
    });
    match (keys.as_slice(), unheld) {
        ([key], None) => {
            let word = hits
                .iter()
                .find(|h| h.target == K(*key))
                .map(|h| h.word)
                .unwrap_or_default();
            Some(Decision::Key(*key, word))
        }
        ([], Some(what)) => Some(Decision::Skip(SkipReason::NotInDictionary(what.into()))),
        _ => Some(Decision::Skip(SkipReason::Ambiguous(keys))),
    }
}

/// What a valid `autocomplete` attribute says, per the WHATWG autofill grammar:
/// `[section-*] [shipping|billing] [home|work|mobile|fax|pager] field-name [webauthn]`,
/// where the contact modifier is only allowed before a contact field name.
/// Invalid values, `on` and `off` say nothing.
pub fn parse_autocomplete(attr: &str) -> Option<AutocompleteToken> {
    const FIELDS: &[&str] = &[
        "name",
        "honorific-prefix",
        "given-name",
        "additional-name",
        "family-name",
        "honorific-suffix",
        "nickname",
        "username",
        "new-password",
        "current-password",
        "one-time-code",
        "organization-title",
        "organization",
        "street-address",
        "address-line1",
        "address-line2",
        "address-line3",
        "address-level4",
        "address-level3",
        "address-level2",
        "address-level1",
        "country",
        "country-name",
        "postal-code",
        "cc-name",
        "cc-given-name",
        "cc-additional-name",
        "cc-family-name",
        "cc-number",
        "cc-exp",
        "cc-exp-month",
        "cc-exp-year",
        "cc-csc",
        "cc-type",
        "transaction-currency",
        "transaction-amount",
        "language",
        "bday",
        "bday-day",
        "bday-month",
        "bday-year",
        "sex",
        "url",
        "photo",
    ];
    const CONTACT_FIELDS: &[&str] = &[
        "tel",
        "tel-country-code",
        "tel-national",
        "tel-area-code",
        "tel-local",
        "tel-local-prefix",
        "tel-local-suffix",
        "tel-extension",
        "email",
        "impp",
    ];
    let lower = attr.to_ascii_lowercase();
    let mut tokens: Vec<&str> = lower.split_ascii_whitespace().collect();
    if tokens.last() == Some(&"webauthn") {
        tokens.pop();
    }
    let field = tokens.pop()?;
    let is_contact = CONTACT_FIELDS.contains(&field);
    if !is_contact && !FIELDS.contains(&field) {
        return None;
    }
    let mut token = AutocompleteToken {
        field: field.to_string(),
        section: None,
        mode: None,
        contact: None,
    };
    if is_contact
        && let Some(&m) = tokens.last()
        && ["home", "work", "mobile", "fax", "pager"].contains(&m)
    {
        token.contact = Some(m.to_string());
        tokens.pop();
    }
    if let Some(&m) = tokens.last()
        && (m == "shipping" || m == "billing")
    {
        token.mode = Some(m.to_string());
        tokens.pop();
    }
    if let Some(&s) = tokens.last()
        && s.starts_with("section-")
    {
        token.section = Some(s.to_string());
        tokens.pop();
    }
    tokens.is_empty().then_some(token)
}

/// A parsed `autocomplete` value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AutocompleteToken {
    /// The autofill field name, e.g. `bday`, `tel`.
    pub field: String,
    /// `section-*`, if given.
    pub section: Option<String>,
    /// `shipping` or `billing`.
    pub mode: Option<String>,
    /// `home`, `work`, `mobile`, `fax` or `pager`.
    pub contact: Option<String>,
}

fn from_autocomplete(token: &AutocompleteToken) -> Decision {
    let f = token.field.as_str();
    if f.starts_with("cc-") || f.ends_with("password") || f == "one-time-code" {
        return Decision::Skip(SkipReason::NeverFilled(f.into()));
    }
    let personal = token.mode.is_none();
    let key = match f {
        "name" if personal => Some(Key::PersonName),
        "sex" => Some(Key::PersonSex),
        "bday" => Some(Key::PersonBirthDate),
        "tel" | "tel-national" if matches!(token.contact.as_deref(), None | Some("mobile")) => {
            Some(Key::ContactMobile)
        }
        "street-address" if personal => Some(Key::PersonHukouAddress),
        _ => None,
    };
    match key {
        Some(k) => Decision::Key(k, ""),
        None => Decision::Skip(SkipReason::NotHeld(f.into())),
    }
}

fn from_options(field: &FieldDescriptor) -> Option<Decision> {
    if !matches!(field.control, Control::Select | Control::RadioGroup) {
        return None;
    }
    let texts: Vec<&str> = field.options.iter().map(|o| o.text.trim()).collect();
    let has = |w: &str| texts.contains(&w);
    if (has("男") && has("女")) || (has("Male") && has("Female")) {
        return Some(Decision::Key(Key::PersonSex, "男/女"));
    }
    let groups = texts
        .iter()
        .filter(|t| crate::core::codes::ethnicity(t).is_some_and(|c| c.code != "97"))
        .count();
    if groups >= 10 {
        return Some(Decision::Key(Key::PersonEthnicity, "汉族/蒙古族/…"));
    }
    None
}

/// Input types that never receive profile data.
const NEVER_TYPES: &[&str] = &[
    "password", "hidden", "file", "submit", "button", "image", "reset", "color", "range",
];

/// A source of evidence: its text, the rules that read it, the reason it gives, its weight.
type Evidence<'a> = (Option<String>, &'a [Rule], fn(String) -> Reason, f32);

/// Classifies one field on its own (without the form-wide duplicate check).
pub fn classify(field: &FieldDescriptor) -> Verdict {
    let skip = |reason| Verdict::Skip { reason };
    let input_type = field.input_type();
    if NEVER_TYPES.contains(&input_type) {
        return skip(SkipReason::NeverFilled(input_type.into()));
    }
    if !field.visible {
        return skip(SkipReason::Hidden);
    }
    if field.disabled {
        return skip(SkipReason::Disabled);
    }
    if field.readonly {
        return skip(SkipReason::ReadOnly);
    }
    if let Some(token) = field.autocomplete.as_deref().and_then(parse_autocomplete) {
        return match from_autocomplete(&token) {
            Decision::Key(key, _) => Verdict::Fill {
                key,
                reason: Reason::Autocomplete(token.field.clone()),
                confidence: 0.95,
            },
            Decision::Skip(reason) => skip(reason),
        };
    }
    let sources: [Evidence<'_>; 3] = [
        (field.label.clone(), LABEL_RULES, Reason::Label, 0.85),
        (name_tokens(field), NAME_RULES, Reason::Name, 0.7),
        (
            field.placeholder.clone(),
            LABEL_RULES,
            Reason::Placeholder,
            0.6,
        ),
    ];
    for (text, rules, make_reason, confidence) in sources {
        let Some(text) = text else { continue };
        match decide(&find_hits(&text, rules)) {
            Some(Decision::Key(key, word)) => {
                return compatible(field, key, make_reason(word.into()), confidence);
            }
            Some(Decision::Skip(reason)) => return skip(reason),
            None => {}
        }
    }
    match from_options(field) {
        Some(Decision::Key(key, word)) => compatible(field, key, Reason::Options(word.into()), 0.7),
        _ => skip(SkipReason::Unrecognised),
    }
}

fn name_tokens(field: &FieldDescriptor) -> Option<String> {
    let joined = [field.name.as_deref(), field.html_id.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    (!joined.is_empty()).then_some(joined)
}

/// Refuses a key the control cannot hold (a date into `type=email`, a name into a checkbox).
fn compatible(field: &FieldDescriptor, key: Key, reason: Reason, confidence: f32) -> Verdict {
    let t = field.input_type();
    let ok = match key {
        Key::PersonBirthDate | Key::MetaFillDate => {
            matches!(t, "text" | "date" | "month" | "search" | "select" | "")
        }
        Key::ContactMobile => matches!(t, "text" | "tel" | "number" | "search" | ""),
        Key::PersonSex | Key::PersonEthnicity => matches!(t, "text" | "select" | "radio" | ""),
        _ => matches!(t, "text" | "textarea" | "search" | ""),
    };
    if ok {
        Verdict::Fill {
            key,
            reason,
            confidence,
        }
    } else {
        Verdict::Skip {
            reason: SkipReason::NeverFilled(t.into()),
        }
    }
}

/// Classifies every field, then refuses keys claimed by more than one field of a form.
pub fn classify_all(fields: &[FieldDescriptor]) -> Vec<Classification> {
    let mut out: Vec<Classification> = fields
        .iter()
        .map(|f| Classification {
            field: f.id.clone(),
            verdict: classify(f),
        })
        .collect();
    let mut claims: HashMap<(Option<&str>, Key), usize> = HashMap::new();
    for (field, c) in fields.iter().zip(&out) {
        if let Verdict::Fill { key, .. } = c.verdict {
            *claims.entry((field.form.as_deref(), key)).or_default() += 1;
        }
    }
    for (field, c) in fields.iter().zip(out.iter_mut()) {
        if let Verdict::Fill { key, .. } = c.verdict {
            let count = claims[&(field.form.as_deref(), key)];
            if count > 1 {
                c.verdict = Verdict::Skip {
                    reason: SkipReason::Duplicate { key, count },
                };
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::field::FieldOption;

    fn labelled(label: &str) -> Verdict {
        classify(&FieldDescriptor::text("f", label))
    }

    fn key_of(v: &Verdict) -> Option<Key> {
        match v {
            Verdict::Fill { key, .. } => Some(*key),
            Verdict::Skip { .. } => None,
        }
    }

    #[test]
    fn labels_of_the_slice() {
        let cases = [
            ("姓名", Key::PersonName),
            ("参保人姓名", Key::PersonName),
            ("性别", Key::PersonSex),
            ("出生日期", Key::PersonBirthDate),
            ("公民身份号码", Key::PersonIdNumber),
            ("身份证号", Key::PersonIdNumber),
            ("手机号码", Key::ContactMobile),
            ("住址", Key::PersonHukouAddress),
            ("户籍所在地址", Key::PersonHukouAddress),
            ("民族", Key::PersonEthnicity),
            ("填表日期", Key::MetaFillDate),
            ("Full name", Key::PersonName),
            ("Date of birth", Key::PersonBirthDate),
            ("Mobile number", Key::ContactMobile),
        ];
        for (label, key) in cases {
            assert_eq!(key_of(&labelled(label)), Some(key), "{label}");
        }
    }

    #[test]
    fn every_verdict_carries_its_reason() {
        match labelled("公民身份号码：") {
            Verdict::Fill { reason, .. } => {
                assert_eq!(reason, Reason::Label("公民身份号码".into()));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn somebody_elses_details_are_refused() {
        for label in [
            "户主姓名",
            "联系人手机号码",
            "监护人身份证号",
            "单位名称",
            "Company name",
        ] {
            assert!(
                matches!(
                    labelled(label),
                    Verdict::Skip {
                        reason: SkipReason::OtherParty(_)
                    }
                ),
                "{label}"
            );
        }
    }

    #[test]
    fn two_elements_in_one_label_is_a_refusal() {
        assert_eq!(
            labelled("姓名及身份证号"),
            Verdict::Skip {
                reason: SkipReason::Ambiguous(vec![Key::PersonName, Key::PersonIdNumber])
            }
        );
        assert!(matches!(
            labelled("居住地址"),
            Verdict::Skip {
                reason: SkipReason::NotInDictionary(_)
            }
        ));
        assert!(matches!(labelled("username"), Verdict::Skip { .. }));
        assert!(matches!(labelled("First name"), Verdict::Skip { .. }));
    }

    #[test]
    fn autocomplete_outranks_the_label() {
        let mut f = FieldDescriptor::text("f", "手机号码");
        f.autocomplete = Some("section-a bday".into());
        assert_eq!(
            classify(&f),
            Verdict::Fill {
                key: Key::PersonBirthDate,
                reason: Reason::Autocomplete("bday".into()),
                confidence: 0.95
            }
        );
        f.autocomplete = Some("shipping name".into());
        assert!(matches!(
            classify(&f),
            Verdict::Skip {
                reason: SkipReason::NotHeld(_)
            }
        ));
        // Invalid (a contact modifier before a non-contact field) is ignored: the label decides.
        f.autocomplete = Some("mobile bday".into());
        assert_eq!(key_of(&classify(&f)), Some(Key::ContactMobile));
        f.autocomplete = Some("off".into());
        assert_eq!(key_of(&classify(&f)), Some(Key::ContactMobile));
        f.autocomplete = Some("cc-number".into());
        assert!(matches!(
            classify(&f),
            Verdict::Skip {
                reason: SkipReason::NeverFilled(_)
            }
        ));
    }

    #[test]
    fn autocomplete_grammar() {
        let t = parse_autocomplete("section-blue billing mobile tel webauthn").unwrap();
        assert_eq!(t.field, "tel");
        assert_eq!(t.section.as_deref(), Some("section-blue"));
        assert_eq!(t.mode.as_deref(), Some("billing"));
        assert_eq!(t.contact.as_deref(), Some("mobile"));
        assert_eq!(parse_autocomplete("billing section-blue tel"), None);
        assert_eq!(parse_autocomplete("home name"), None);
        assert_eq!(parse_autocomplete("nonsense"), None);
        assert_eq!(parse_autocomplete(""), None);
    }

    #[test]
    fn names_and_placeholders_when_there_is_no_label() {
        let mut f = FieldDescriptor::text("f", "");
        f.label = None;
        f.name = Some("aac002".into());
        assert_eq!(key_of(&classify(&f)), Some(Key::PersonIdNumber));
        f.name = Some("userSfzh".into());
        f.html_id = None;
        assert_eq!(key_of(&classify(&f)), Some(Key::PersonIdNumber));
        f.name = None;
        f.placeholder = Some("请输入手机号".into());
        assert_eq!(key_of(&classify(&f)), Some(Key::ContactMobile));
    }

    #[test]
    fn sex_from_options() {
        let mut f = FieldDescriptor::text("f", "");
        f.label = None;
        f.control = Control::Select;
        f.options = ["请选择", "男", "女"]
            .iter()
            .map(|t| FieldOption {
                value: String::new(),
                text: (*t).into(),
                id: None,
            })
            .collect();
        assert!(matches!(
            classify(&f),
            Verdict::Fill {
                key: Key::PersonSex,
                reason: Reason::Options(_),
                ..
            }
        ));
    }

    #[test]
    fn never_filled_controls() {
        let mut f = FieldDescriptor::text("f", "姓名");
        f.visible = false;
        assert_eq!(
            classify(&f),
            Verdict::Skip {
                reason: SkipReason::Hidden
            }
        );
        f.visible = true;
        f.readonly = true;
        assert_eq!(
            classify(&f),
            Verdict::Skip {
                reason: SkipReason::ReadOnly
            }
        );
        f.readonly = false;
        f.control = Control::Input {
            input_type: "password".into(),
        };
        assert!(matches!(
            classify(&f),
            Verdict::Skip {
                reason: SkipReason::NeverFilled(_)
            }
        ));
        assert_eq!(
            labelled("验证码"),
            Verdict::Skip {
                reason: SkipReason::Captcha
            }
        );
        let mut email = FieldDescriptor::text("e", "出生日期");
        email.control = Control::Input {
            input_type: "email".into(),
        };
        assert!(matches!(classify(&email), Verdict::Skip { .. }));
    }

    #[test]
    fn duplicates_in_one_form_are_refused_but_separate_forms_are_not() {
        let mut a = FieldDescriptor::text("a", "姓名");
        let mut b = FieldDescriptor::text("b", "姓名");
        a.form = Some("form-1".into());
        b.form = Some("form-1".into());
        let out = classify_all(&[a.clone(), b.clone()]);
        assert!(out.iter().all(|c| matches!(
            c.verdict,
            Verdict::Skip {
                reason: SkipReason::Duplicate { count: 2, .. }
            }
        )));
        b.form = Some("form-2".into());
        let out = classify_all(&[a, b]);
        assert!(
            out.iter()
                .all(|c| matches!(c.verdict, Verdict::Fill { .. }))
        );
    }

    #[test]
    fn units_split_words_and_characters() {
        assert_eq!(units("userSfzh_no"), vec!["user", "sfzh", "no"]);
        assert_eq!(units("姓 名:"), vec!["姓", "名"]);
        assert_eq!(units("aac003"), vec!["aac003"]);
    }
}
