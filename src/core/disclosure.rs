//! The disclosure record (授权记录): which elements of whose data went into which form, when.
//!
//! Every fill appends one [`Entry`]: the time (UTC, RFC 3339), the page's origin, the form (its
//! title, and its mapping id when a published mapping decided), and the elements written, each
//! with whose it is (the applicant, or a role such as `spouse` or `child[0]`), and how many
//! fields were written. An entry names elements by their dictionary ids, **never their
//! values**: the record can be shown, exported and kept without revealing what was sent.
//!
//! The record is kept with the profile, so it is sealed in the vault with it (or stays in page
//! memory when the profile does). At most [`CAP`] entries are kept; the oldest are dropped
//! first.
//!
//! # Format
//!
//! The profile's member `disclosures` (omitted when empty) is an array of entries, oldest
//! first:
//!
//! | member | type | meaning |
//! |---|---|---|
//! | `time` | string | RFC 3339, UTC |
//! | `origin` | string | the page's origin, e.g. `https://zwfw.example.gov.cn` |
//! | `title` | string | the form's title; omitted when empty |
//! | `mapping` | string | the published mapping's id, when one decided; omitted otherwise |
//! | `elements` | array | `{ "element": "person.id_number", "role": "child[0]" }`; `role` omitted for the applicant |
//! | `count` | integer | how many fields were written |
//!
//! Members written by a newer version are kept as they are.
//!
//! # Sensitive elements
//!
//! Identity-document numbers, bank and other account numbers, disability and health data, and
//! every element of a minor are [`sensitive`](needs_consent): they are not ticked in review on a
//! form until the person has ticked and filled them on that form once ([`approved`]).
//!
//! ```
//! use oncefill::core::dictionary::Key;
//! use oncefill::core::disclosure::{Entry, FormRef, approved, record};
//! let form = FormRef { origin: "https://a.example".into(), title: "申请表".into(), mapping: None };
//! let mut entries = Vec::new();
//! record(&mut entries, Entry::new("2026-12-05T12:00:00Z", &form, [(Key::PersonIdNumber, None)], 1));
//! assert!(approved(&entries, &form, Key::PersonIdNumber, None));
//! assert!(!approved(&entries, &form, Key::PersonBankAccount, None));
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::dictionary::Key;
use crate::core::mask::MaskKind;
use crate::core::role::{Role, RoleRef};

/// How many entries the record keeps; the oldest beyond it are dropped.
pub const CAP: usize = 1000;

/// Health and disability elements (besides identity-document and account numbers).
const HEALTH: &[Key] = &[Key::PersonDisabilityCertNo];

/// One element written, and whose it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disclosed {
    /// The dictionary id, e.g. `person.id_number`.
    pub element: String,
    /// Whose (`spouse`, `child[0]`, `firm`); `None` for the applicant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

impl Disclosed {
    /// The dictionary element, when this version knows it.
    pub fn key(&self) -> Option<Key> {
        Key::from_id(&self.element)
    }

    /// Whose, when this version can read it (`None` inside: the applicant).
    pub fn role_ref(&self) -> Option<Option<RoleRef>> {
        match &self.role {
            None => Some(None),
            Some(text) => RoleRef::parse(text).map(Some),
        }
    }
}

/// Which form: the page's origin and the form's title, and the mapping id when one decided.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormRef {
    /// The page's origin.
    pub origin: String,
    /// The form's title.
    pub title: String,
    /// The published mapping's id.
    pub mapping: Option<String>,
}

/// One fill.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// When, RFC 3339 in UTC (the clock's stamp).
    pub time: String,
    /// The page's origin.
    pub origin: String,
    /// The form's title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The published mapping's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mapping: Option<String>,
    /// The elements written, each once.
    #[serde(default)]
    pub elements: Vec<Disclosed>,
    /// How many fields were written.
    #[serde(default)]
    pub count: usize,
    /// Members written by a newer version, kept as they are.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

impl Entry {
    /// The entry of a fill at `time` (RFC 3339, UTC) on `form` that wrote `count` fields of `elements`
    /// (repeats are named once, in the order first written).
    pub fn new(
        time: &str,
        form: &FormRef,
        elements: impl IntoIterator<Item = (Key, Option<RoleRef>)>,
        count: usize,
    ) -> Entry {
        let mut named: Vec<Disclosed> = Vec::new();
        for (key, role) in elements {
            let d = Disclosed {
                element: key.id().to_string(),
                role: role.map(|r| r.to_string()),
            };
            if !named.contains(&d) {
                named.push(d);
            }
        }
        Entry {
            time: time.to_string(),
            origin: form.origin.clone(),
            title: form.title.clone(),
            mapping: form.mapping.clone(),
            elements: named,
            count,
            unknown: BTreeMap::new(),
        }
    }

    /// Whether the entry is of `form`: the same origin, and the same mapping when both name
    /// one, else the same title.
    pub fn is_of(&self, form: &FormRef) -> bool {
        self.origin == form.origin
            && match (&self.mapping, &form.mapping) {
                (Some(a), Some(b)) => a == b,
                _ => self.title == form.title,
            }
    }
}

/// Appends `entry`, dropping the oldest beyond [`CAP`]. Returns how many were dropped. A fill
/// that wrote nothing is not recorded.
pub fn record(entries: &mut Vec<Entry>, entry: Entry) -> usize {
    if entry.count == 0 {
        return 0;
    }
    entries.push(entry);
    let over = entries.len().saturating_sub(CAP);
    entries.drain(..over);
    over
}

/// Whether the element needs the person's consent on each form before it is ticked there:
/// identity-document numbers, account numbers, disability and health data.
pub fn needs_consent(key: Key) -> bool {
    matches!(key.mask(), Some(MaskKind::IdNumber | MaskKind::Account)) || HEALTH.contains(&key)
}

/// Whether a role is a child's (子女, 新生儿): all its data needs consent.
pub fn is_childs(role: Option<RoleRef>) -> bool {
    role.is_some_and(|r| r.role == Role::Child)
}

/// Whether the person filled `key` of `role` on `form` before (an entry of that form names it).
pub fn approved(entries: &[Entry], form: &FormRef, key: Key, role: Option<RoleRef>) -> bool {
    let wanted = Disclosed {
        element: key.id().to_string(),
        role: role.map(|r| r.to_string()),
    };
    entries
        .iter()
        .any(|e| e.is_of(form) && e.elements.contains(&wanted))
}

/// The record as a JSON document for the person to keep: the entries, newest first, with no
/// value in them.
pub fn export_json(entries: &[Entry]) -> String {
    // Written as the profile writes its own record, so no second serializer is built.
    #[derive(Serialize)]
    struct Export<'a> {
        format: &'static str,
        entries: Vec<&'a Entry>,
    }
    let export = Export {
        format: "oncefill-disclosures/1",
        entries: entries.iter().rev().collect(),
    };
    serde_json::to_string_pretty(&export).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(title: &str) -> FormRef {
        FormRef {
            origin: "https://a.example".into(),
            title: title.into(),
            mapping: None,
        }
    }

    fn entry(n: usize) -> Entry {
        Entry::new(
            &format!("2026-12-05T12:{:02}:00Z", n % 60),
            &form(&format!("表{n}")),
            [(Key::PersonName, None)],
            1,
        )
    }

    #[test]
    fn an_entry_names_each_element_once_with_whose_it_is() {
        let child = RoleRef::parse("child[0]");
        let e = Entry::new(
            "2026-12-05T12:00:00Z",
            &form("出生登记"),
            [
                (Key::PersonName, None),
                (Key::PersonName, child),
                (Key::PersonName, None),
            ],
            3,
        );
        assert_eq!(e.time, "2026-12-05T12:00:00Z");
        assert_eq!(e.elements.len(), 2);
        assert_eq!(e.elements[1].role.as_deref(), Some("child[0]"));
        assert_eq!(e.elements[1].role_ref(), Some(child));
        assert_eq!(e.elements[0].key(), Some(Key::PersonName));
        assert_eq!(e.count, 3);
    }

    #[test]
    fn the_record_keeps_the_newest_entries_up_to_its_cap() {
        let mut entries = Vec::new();
        for n in 0..CAP {
            assert_eq!(record(&mut entries, entry(n)), 0);
        }
        assert_eq!(record(&mut entries, entry(CAP)), 1);
        assert_eq!(entries.len(), CAP);
        assert_eq!(entries[0].title, "表1", "the oldest was dropped");
        assert_eq!(entries[CAP - 1].title, format!("表{CAP}"));
        let mut nothing = entry(0);
        nothing.count = 0;
        assert_eq!(record(&mut entries, nothing), 0);
        assert_eq!(
            entries.len(),
            CAP,
            "a fill that wrote nothing is not recorded"
        );
    }

    #[test]
    fn approval_is_per_form_element_and_person() {
        let mut entries = Vec::new();
        let child = RoleRef::parse("child[0]");
        record(
            &mut entries,
            Entry::new(
                "2026-12-05T12:00:00Z",
                &form("甲"),
                [(Key::PersonIdNumber, None), (Key::PersonName, child)],
                2,
            ),
        );
        assert!(approved(&entries, &form("甲"), Key::PersonIdNumber, None));
        assert!(approved(&entries, &form("甲"), Key::PersonName, child));
        assert!(!approved(&entries, &form("甲"), Key::PersonName, None));
        assert!(!approved(&entries, &form("甲"), Key::PersonIdNumber, child));
        assert!(!approved(&entries, &form("乙"), Key::PersonIdNumber, None));
        let other_site = FormRef {
            origin: "https://b.example".into(),
            ..form("甲")
        };
        assert!(!approved(&entries, &other_site, Key::PersonIdNumber, None));
        // A mapped form is the same form whatever its title says.
        let mapped = |title: &str, id: &str| FormRef {
            mapping: Some(id.into()),
            ..form(title)
        };
        record(
            &mut entries,
            Entry::new(
                "2026-12-05T12:00:00Z",
                &mapped("旧标题", "pension"),
                [(Key::PersonBankAccount, None)],
                1,
            ),
        );
        assert!(approved(
            &entries,
            &mapped("新标题", "pension"),
            Key::PersonBankAccount,
            None
        ));
        assert!(!approved(
            &entries,
            &mapped("旧标题", "other"),
            Key::PersonBankAccount,
            None
        ));
        entries.clear();
        assert!(!approved(&entries, &form("甲"), Key::PersonIdNumber, None));
    }

    #[test]
    fn identity_account_and_health_elements_need_consent() {
        for key in [
            Key::PersonIdNumber,
            Key::PersonBankAccount,
            Key::PersonHousingFundAcct,
            Key::PersonSsNumber,
            Key::PersonDisabilityCertNo,
            Key::DocPassportNo,
            Key::FirmBasicBankAcct,
        ] {
            assert!(needs_consent(key), "{}", key.id());
        }
        for key in [Key::PersonName, Key::ContactMobile, Key::PersonSex] {
            assert!(!needs_consent(key), "{}", key.id());
        }
        assert!(is_childs(RoleRef::parse("child[1]")));
        assert!(!is_childs(RoleRef::parse("spouse")));
        assert!(!is_childs(None));
    }

    #[test]
    fn newer_members_survive_and_the_export_is_newest_first() {
        let text = r#"{"time":"2026-12-05T12:00:00Z","origin":"https://a.example",
            "elements":[{"element":"person.future_thing","role":"cousin"}],"count":1,"why":{"a":1}}"#;
        let e: Entry = serde_json::from_str(text).unwrap();
        assert_eq!(e.elements[0].key(), None);
        assert_eq!(e.elements[0].role_ref(), None);
        let again: serde_json::Value = serde_json::to_value(&e).unwrap();
        assert_eq!(again["why"], serde_json::json!({"a": 1}));
        assert_eq!(again["elements"][0]["role"], "cousin");
        let exported = export_json(&[entry(1), entry(2)]);
        let v: serde_json::Value = serde_json::from_str(&exported).unwrap();
        assert_eq!(v["format"], "oncefill-disclosures/1");
        assert_eq!(v["entries"][0]["title"], "表2");
        assert_eq!(v["entries"][1]["title"], "表1");
    }
}
