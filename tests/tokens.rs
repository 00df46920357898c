//! The standard autofill tokens on a form that states one for every field
//! (`www/forms/tokens.html`), classified and planned from the demo profile: every field's
//! element and planned value, or why it is left alone.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use oncefill::core::classify::{SkipReason, classify_all};
use oncefill::core::dictionary::Key;
use oncefill::core::field::FieldDescriptor;
use oncefill::core::plan::{FillAction, FillPlan, NotPlanned, plan};
use oncefill::core::profile::Profile;
use oncefill::core::scan::html::HtmlDom;
use oncefill::core::scan::scan;
use time::{Date, Month};

fn page() -> (Vec<FieldDescriptor>, FillPlan) {
    let html = std::fs::read_to_string("www/forms/tokens.html").unwrap();
    let fields = scan(&HtmlDom::parse(&html));
    let classes = classify_all(&fields);
    let today = Date::from_calendar_date(2026, Month::June, 1).unwrap();
    let plan = plan(&Profile::demo(), &fields, &classes, today);
    (fields, plan)
}

/// What the plan writes into each field, by the field's name.
enum Want {
    Fill(Key, &'static str),
    Skip(NotPlanned),
}

fn held(token: &str) -> Want {
    Want::Skip(NotPlanned::Skipped(SkipReason::NotHeld(token.into())))
}

fn never(token: &str) -> Want {
    Want::Skip(NotPlanned::Skipped(SkipReason::NeverFilled(token.into())))
}

fn other(who: &str) -> Want {
    Want::Skip(NotPlanned::Skipped(SkipReason::OtherParty(who.into())))
}

#[test]
fn every_token_is_planned_or_refused_as_the_standard_says() {
    use Key::*;
    use Want::{Fill, Skip};
    let want: Vec<(&str, Want)> = vec![
        ("xm", Fill(PersonName, "王小明")),
        ("xb", Fill(PersonSex, "男")),
        ("xing", Fill(PersonName, "王")),
        ("ming", Fill(PersonName, "小明")),
        // A Chinese name has no middle name.
        ("zjm", held("additional-name")),
        // An invalid token is ignored: the label decides.
        ("mz", Fill(PersonEthnicity, "汉族")),
        // Labelled in Latin letters: the parts of the Latin name.
        ("surname", Fill(PersonNameLatin, "WANG")),
        ("given", Fill(PersonNameLatin, "XIAOMING")),
        ("csn", Fill(PersonBirthDate, "1990")),
        ("csy", Fill(PersonBirthDate, "3月")),
        ("csr", Fill(PersonBirthDate, "07")),
        ("csrq", Fill(PersonBirthDate, "1990-03-07")),
        // `off` still lets the labels decide; the number and its repetition both get it.
        ("sfzh", Fill(PersonIdNumber, "110105199003071239")),
        ("qrsfzh", Fill(PersonIdNumber, "110105199003071239")),
        ("gzdw", Skip(NotPlanned::NotInProfile(PersonEmployer))),
        // `organization-title` under a label naming the post (职务): the position.
        ("zw", Skip(NotPlanned::NotInProfile(PersonPosition))),
        ("gjdm", Fill(ContactMobile, "+86")),
        ("sjhm", Fill(ContactMobile, "13800138000")),
        ("qrsjhm", Fill(ContactMobile, "13800138000")),
        ("dzyx", Fill(ContactEmail, "wangxm@example.com")),
        ("qryx", Fill(ContactEmail, "wangxm@example.com")),
        ("yzbm", Fill(ContactPostalCode, "100022")),
        // A mainland number has no two halves after its area code: never filled.
        ("dhqd", never("tel-local-prefix")),
        ("dhhd", never("tel-local-suffix")),
        // The divisions from the address's division code; it names no township.
        ("sheng", Fill(PersonHukouAddress, "北京市")),
        ("shi", Fill(PersonHukouAddress, "北京市")),
        ("qu", Fill(PersonHukouAddress, "朝阳区")),
        ("jd", Skip(NotPlanned::NotInProfile(AddressTownship))),
        // A mainland resident ID: the address is in China.
        ("gj", Fill(PersonHukouAddress, "中国")),
        ("gjzm", Fill(PersonHukouAddress, "CN")),
        (
            "dz1",
            Fill(PersonHukouAddress, "建国路88号院3号楼2单元501室"),
        ),
        ("dz2", held("address-line2")),
        (
            "hjdz",
            Fill(
                PersonHukouAddress,
                "北京市朝阳区建国路88号院3号楼2单元501室",
            ),
        ),
        // One section is one block: the spouse's, as its first field says.
        ("poxm", Fill(PersonName, "李华")),
        ("pocsrq", Fill(PersonBirthDate, "1985-12-31")),
        ("podh", Fill(ContactMobile, "13900139000")),
        // A shipping or billing block is somebody else's: the recipient's, the payer's.
        ("sjr", other("收件人")),
        ("sjdz", other("收件人")),
        ("sjrdh", other("收件人")),
        ("jfyx", other("付款人")),
    ];
    let (fields, plan) = page();
    assert_eq!(
        fields.len(),
        want.len(),
        "every field of the page is listed"
    );
    for (name, want) in &want {
        let field = fields
            .iter()
            .find(|f| f.name.as_deref() == Some(*name))
            .unwrap_or_else(|| panic!("{name} on the page"));
        let step = plan.steps.iter().find(|s| s.field == field.id);
        let skipped = plan.skipped.iter().find(|s| s.field == field.id);
        match want {
            Want::Fill(key, text) => {
                let step = step.unwrap_or_else(|| panic!("{name} planned: {skipped:?}"));
                assert_eq!(step.key, *key, "{name}");
                let written = match &step.action {
                    FillAction::Text { value } => value.expose().to_string(),
                    FillAction::Select { index } => field.options[*index].text.trim().to_string(),
                    other => panic!("{name}: {other:?}"),
                };
                assert_eq!(written, *text, "{name}");
            }
            Want::Skip(why) => {
                assert!(step.is_none(), "{name} left alone");
                assert_eq!(&skipped.unwrap().why, why, "{name}");
            }
        }
    }
}
