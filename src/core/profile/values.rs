//! One record's values: dictionary key → [`Entry`] (value, provenance, updated time, history).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

pub use crate::core::check::Data;
use crate::core::dictionary::Key;

/// Where a value came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Source {
    /// Typed by the person.
    SelfDeclared,
    /// Computed from another element (birth date from the ID number).
    Derived {
        /// The dotted key it was computed from.
        from: String,
    },
    /// Taken from a verified credential.
    Credential {
        /// Who issued it.
        issuer: String,
        /// When (ISO date).
        issued: String,
    },
    /// Checked against the original document by service-hall staff, who signed an attestation
    /// of it with their hall's key.
    StaffVerified {
        /// The hall's id (as the trust list names it); empty in profiles written before halls
        /// were recorded.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        hall: String,
        /// When (ISO date).
        date: String,
    },
}

impl Source {
    /// How much the source is believed: derived 0, self-declared 1, staff-verified 2,
    /// credential 3. A value keeps the strongest source it was given.
    pub fn strength(&self) -> u8 {
        match self {
            Source::Derived { .. } => 0,
            Source::SelfDeclared => 1,
            Source::StaffVerified { .. } => 2,
            Source::Credential { .. } => 3,
        }
    }

    /// Whether the value was verified: by a credential or by staff against the original.
    pub fn is_verified(&self) -> bool {
        matches!(
            self,
            Source::StaffVerified { .. } | Source::Credential { .. }
        )
    }

    /// A stable code: `self_declared`, `derived`, `credential` or `staff_verified`.
    pub fn code(&self) -> &'static str {
        match self {
            Source::SelfDeclared => "self_declared",
            Source::Derived { .. } => "derived",
            Source::Credential { .. } => "credential",
            Source::StaffVerified { .. } => "staff_verified",
        }
    }
}

/// A value that was replaced, kept because forms ask for former values (原住址, 曾用名).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Past {
    /// The former value.
    pub value: Data,
    /// Where it came from.
    pub source: Source,
    /// When it was set (RFC 3339).
    pub updated: String,
    /// When it was replaced (RFC 3339).
    pub replaced: String,
}

/// A current value with its provenance and history.
///
/// Natively it is read by its derived reader (which lets a damaged member be named by its path);
/// in the browser by `wire::entry` from the members as read, which reads the same and fails
/// the same way: the derived reader of a struct with a flattened member, an untagged value
/// and an internally tagged source buffers everything through serde's `Content`, ~1.5 KB gzipped
/// of the app page's build.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Entry {
    /// The value.
    pub value: Data,
    /// Where it came from.
    pub source: Source,
    /// When it was set (RFC 3339).
    pub updated: String,
    /// Former values, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Past>,
    /// Members written by a newer version, kept as they are.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde_json::Value>,
}

#[cfg(target_arch = "wasm32")]
impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let members = serde_json::Map::deserialize(d)?;
        wire::entry(members).map_err(serde::de::Error::custom)
    }
}

/// The browser's reader of an [`Entry`] from its members (see [`Entry`]); its messages begin
/// as serde's do (`missing field`, `invalid type`, `unknown variant`), which is what
/// [`super::Fault`] looks at.
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) mod wire {
    use serde_json::{Map, Value};

    use super::{Data, Entry, Past, Source};

    fn missing(name: &str) -> String {
        format!("missing field `{name}`")
    }

    fn wrong(expected: &str) -> String {
        format!("invalid type: expected {expected}")
    }

    /// A required text member.
    fn text(members: &mut Map<String, Value>, name: &str) -> Result<String, String> {
        match members.remove(name) {
            None => Err(missing(name)),
            Some(Value::String(t)) => Ok(t),
            Some(_) => Err(wrong("a string")),
        }
    }

    fn data(value: Value) -> Result<Data, String> {
        const NONE: &str = "data did not match any variant of untagged enum Data";
        match value {
            Value::String(t) => Ok(Data::Text(t)),
            Value::Array(items) => items
                .into_iter()
                .map(|v| match v {
                    Value::String(t) => Ok(t),
                    _ => Err(NONE.to_string()),
                })
                .collect::<Result<_, _>>()
                .map(Data::List),
            _ => Err(NONE.to_string()),
        }
    }

    fn source(value: Value) -> Result<Source, String> {
        let Value::Object(mut m) = value else {
            return Err(wrong("internally tagged enum Source"));
        };
        let kind = match m.remove("kind") {
            None => return Err(missing("kind")),
            Some(Value::String(k)) => k,
            Some(_) => return Err(wrong("variant identifier")),
        };
        match kind.as_str() {
            "self_declared" => Ok(Source::SelfDeclared),
            "derived" => Ok(Source::Derived {
                from: text(&mut m, "from")?,
            }),
            "credential" => Ok(Source::Credential {
                issuer: text(&mut m, "issuer")?,
                issued: text(&mut m, "issued")?,
            }),
            "staff_verified" => Ok(Source::StaffVerified {
                hall: match m.remove("hall") {
                    None => String::new(),
                    Some(Value::String(h)) => h,
                    Some(_) => return Err(wrong("a string")),
                },
                date: text(&mut m, "date")?,
            }),
            _ => Err(
                "unknown variant, expected one of `self_declared`, `derived`, \
                      `credential`, `staff_verified`"
                    .to_string(),
            ),
        }
    }

    fn past(value: Value) -> Result<Past, String> {
        let Value::Object(mut m) = value else {
            return Err(wrong("struct Past"));
        };
        Ok(Past {
            value: data(m.remove("value").ok_or_else(|| missing("value"))?)?,
            source: source(m.remove("source").ok_or_else(|| missing("source"))?)?,
            updated: text(&mut m, "updated")?,
            replaced: text(&mut m, "replaced")?,
        })
    }

    /// An entry from its members: `value`, `source`, `updated`, `history` (may be left out);
    /// any other member kept in `unknown`.
    pub(crate) fn entry(mut m: Map<String, Value>) -> Result<Entry, String> {
        let value = data(m.remove("value").ok_or_else(|| missing("value"))?)?;
        let source = source(m.remove("source").ok_or_else(|| missing("source"))?)?;
        let updated = text(&mut m, "updated")?;
        let history = match m.remove("history") {
            None => Vec::new(),
            Some(Value::Array(list)) => list.into_iter().map(past).collect::<Result<_, _>>()?,
            Some(_) => return Err(wrong("a sequence")),
        };
        Ok(Entry {
            value,
            source,
            updated,
            history,
            unknown: m.into_iter().collect(),
        })
    }
}

/// An edit that would change verified values, refused until the person confirms it: the
/// elements concerned (never their values).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unconfirmed(pub Vec<Key>);

impl Unconfirmed {
    /// Why, in plain words.
    pub fn message(&self, lang: crate::core::i18n::Lang) -> String {
        crate::core::i18n::tr(lang, "edit-confirm-verified", &[])
    }
}

impl fmt::Display for Unconfirmed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::core::i18n::Lang;
        write!(
            f,
            "{} / {}",
            self.message(Lang::ZhCn),
            self.message(Lang::En)
        )
    }
}

impl std::error::Error for Unconfirmed {}

/// A record's values by dotted key. Keys this version does not know are kept as they are.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Values(BTreeMap<String, Entry>);

impl fmt::Debug for Values {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.0.keys()).finish()
    }
}

impl Values {
    /// The entry of a key.
    pub fn get(&self, key: Key) -> Option<&Entry> {
        self.0.get(key.id())
    }

    /// The text of a scalar value.
    pub fn text(&self, key: Key) -> Option<&str> {
        self.get(key).and_then(|e| e.value.as_text())
    }

    /// Sets a value. A different previous value moves into the history; the same value only
    /// updates the provenance when the new source is stronger. Returns whether anything changed.
    pub fn set(&mut self, key: Key, value: Data, source: Source, now: &str) -> bool {
        match self.0.get_mut(key.id()) {
            Some(entry) if entry.value == value => {
                if strength(&source) > strength(&entry.source) {
                    entry.source = source;
                    entry.updated = now.to_string();
                    return true;
                }
                false
            }
            Some(entry) => {
                let past = Past {
                    value: std::mem::replace(&mut entry.value, value),
                    source: std::mem::replace(&mut entry.source, source),
                    updated: std::mem::replace(&mut entry.updated, now.to_string()),
                    replaced: now.to_string(),
                };
                entry.history.push(past);
                true
            }
            None => {
                self.0.insert(
                    key.id().to_string(),
                    Entry {
                        value,
                        source,
                        updated: now.to_string(),
                        history: Vec::new(),
                        unknown: BTreeMap::new(),
                    },
                );
                true
            }
        }
    }

    /// The person's own edit of a value in the editor. Changing a verified value (a
    /// credential's or staff-verified) to a different one needs `confirmed` (the editor asks
    /// first) and then records it as self-declared, the verified value kept in the history; the
    /// same value keeps its source and its badge. A value that was not verified is set as
    /// [`Values::set`] does. Returns whether anything changed.
    pub fn edit(
        &mut self,
        key: Key,
        value: Data,
        now: &str,
        confirmed: bool,
    ) -> Result<bool, Unconfirmed> {
        if !confirmed && self.edit_needs_confirmation(key, Some(&value)) {
            return Err(Unconfirmed(vec![key]));
        }
        Ok(self.set(key, value, Source::SelfDeclared, now))
    }

    /// Whether setting `key` to `value` (`None`: clearing it) would change a verified value,
    /// so that the editor must ask first.
    pub fn edit_needs_confirmation(&self, key: Key, value: Option<&Data>) -> bool {
        self.get(key)
            .is_some_and(|e| e.source.is_verified() && value != Some(&e.value))
    }

    /// Removes a value and its history: clearing an element is the person's wish to delete it.
    pub fn remove(&mut self, key: Key) -> bool {
        self.0.remove(key.id()).is_some()
    }

    /// Keys with a value, known to this version, in dictionary order.
    pub fn keys(&self) -> impl Iterator<Item = Key> + '_ {
        Key::all().filter(|k| self.0.contains_key(k.id()))
    }

    /// Whether there is no value at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many stored values (known or not).
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

fn strength(source: &Source) -> u8 {
    source.strength()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The browser's reader of an entry reads what the derived reader reads, keeps the same
    /// unknown members, and refuses what it refuses with a message of the same kind.
    #[test]
    fn the_browsers_entry_reader_agrees_with_the_derived_one() {
        let readable = [
            r#"{"value":"a","source":{"kind":"self_declared"},"updated":"t"}"#,
            r#"{"value":["x","y"],"source":{"kind":"derived","from":"person.id_number"},"updated":"t"}"#,
            r#"{"value":"a","source":{"kind":"credential","issuer":"i","issued":"2026-01-01","extra":1},"updated":"t","future":{"n":1.5}}"#,
            r#"{"value":"a","source":{"kind":"staff_verified","date":"2026-01-01"},"updated":"t"}"#,
            r#"{"value":"a","source":{"kind":"staff_verified","hall":"h","date":"d"},"updated":"t","history":[{"value":["b"],"source":{"kind":"self_declared"},"updated":"u","replaced":"r","more":true}]}"#,
        ];
        for json in readable {
            let members: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(json).unwrap();
            let derived: Entry = serde_json::from_str(json).unwrap();
            assert_eq!(wire::entry(members), Ok(derived), "{json}");
        }
        let refused = [
            r#"{"source":{"kind":"self_declared"},"updated":"t"}"#,
            r#"{"value":1,"source":{"kind":"self_declared"},"updated":"t"}"#,
            r#"{"value":["a",2],"source":{"kind":"self_declared"},"updated":"t"}"#,
            r#"{"value":"a","source":{"kind":"signed"},"updated":"t"}"#,
            r#"{"value":"a","source":{},"updated":"t"}"#,
            r#"{"value":"a","source":{"kind":"derived"},"updated":"t"}"#,
            r#"{"value":"a","source":{"kind":"credential","issuer":"i"},"updated":"t"}"#,
            r#"{"value":"a","source":"self_declared","updated":"t"}"#,
            r#"{"value":"a","source":{"kind":"self_declared"}}"#,
            r#"{"value":"a","source":{"kind":"self_declared"},"updated":5}"#,
            r#"{"value":"a","source":{"kind":"self_declared"},"updated":"t","history":{}}"#,
            r#"{"value":"a","source":{"kind":"self_declared"},"updated":"t","history":[{"value":"b","source":{"kind":"self_declared"},"updated":"u"}]}"#,
        ];
        let kind = |message: &str| {
            [
                "missing field",
                "invalid type",
                "unknown variant",
                "data did not match",
            ]
            .into_iter()
            .find(|k| message.starts_with(k))
        };
        for json in refused {
            let members: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(json).unwrap();
            let derived = serde_json::from_str::<Entry>(json).unwrap_err().to_string();
            let ours = wire::entry(members).unwrap_err();
            assert!(kind(&derived).is_some(), "{json}: {derived}");
            assert_eq!(kind(&ours), kind(&derived), "{json}: {ours} / {derived}");
        }
    }

    fn text(s: &str) -> Data {
        Data::Text(s.into())
    }

    #[test]
    fn an_edit_keeps_the_previous_value() {
        let mut v = Values::default();
        assert!(v.set(
            Key::PersonHukouAddress,
            text("浙江省杭州市西湖区A路1号"),
            Source::SelfDeclared,
            "t1"
        ));
        assert!(v.set(
            Key::PersonHukouAddress,
            text("浙江省杭州市西湖区B路2号"),
            Source::SelfDeclared,
            "t2"
        ));
        let e = v.get(Key::PersonHukouAddress).unwrap();
        assert_eq!(e.value, text("浙江省杭州市西湖区B路2号"));
        assert_eq!(e.history.len(), 1);
        assert_eq!(e.history[0].value, text("浙江省杭州市西湖区A路1号"));
        assert_eq!(e.history[0].replaced, "t2");
    }

    #[test]
    fn the_same_value_only_gains_a_stronger_source() {
        let mut v = Values::default();
        v.set(Key::PersonName, text("王小明"), Source::SelfDeclared, "t1");
        assert!(!v.set(
            Key::PersonName,
            text("王小明"),
            Source::Derived { from: "x".into() },
            "t2"
        ));
        let verified = Source::StaffVerified {
            hall: "hall-1".into(),
            date: "2026-11-21".into(),
        };
        assert!(v.set(Key::PersonName, text("王小明"), verified.clone(), "t3"));
        let e = v.get(Key::PersonName).unwrap();
        assert_eq!(e.source, verified);
        assert!(e.history.is_empty());
    }

    fn credential() -> Source {
        Source::Credential {
            issuer: "https://issuer.example/resident-id".into(),
            issued: "2026-11-30".into(),
        }
    }

    #[test]
    fn editing_a_verified_value_needs_confirmation_and_downgrades_it() {
        let mut v = Values::default();
        v.set(
            Key::PersonResidenceAddress,
            text("北京市东城区示例路1号"),
            credential(),
            "t1",
        );
        let other = text("北京市东城区示例路2号");
        assert_eq!(
            v.edit(Key::PersonResidenceAddress, other.clone(), "t2", false),
            Err(Unconfirmed(vec![Key::PersonResidenceAddress]))
        );
        let e = v.get(Key::PersonResidenceAddress).unwrap();
        assert_eq!(e.source, credential(), "nothing changed unconfirmed");
        assert!(e.history.is_empty());
        let refusal = Unconfirmed(vec![Key::PersonResidenceAddress]).to_string();
        assert!(
            refusal.contains("核验") && !refusal.contains("示例路"),
            "{refusal}"
        );

        assert_eq!(
            v.edit(Key::PersonResidenceAddress, other.clone(), "t2", true),
            Ok(true)
        );
        let e = v.get(Key::PersonResidenceAddress).unwrap();
        assert_eq!(e.value, other);
        assert_eq!(e.source, Source::SelfDeclared);
        assert_eq!(e.history.len(), 1);
        assert_eq!(
            e.history[0].source,
            credential(),
            "the verified value is kept"
        );
        assert_eq!(e.history[0].value, text("北京市东城区示例路1号"));
    }

    #[test]
    fn the_same_value_keeps_its_badge() {
        let mut v = Values::default();
        let staff = Source::StaffVerified {
            hall: "hall-1".into(),
            date: "2026-11-30".into(),
        };
        v.set(Key::PersonName, text("王小明"), staff.clone(), "t1");
        assert_eq!(
            v.edit(Key::PersonName, text("王小明"), "t2", false),
            Ok(false)
        );
        assert_eq!(v.get(Key::PersonName).unwrap().source, staff);
        // A value that was never verified needs no confirmation.
        v.set(Key::PersonSex, text("1"), Source::SelfDeclared, "t1");
        assert_eq!(v.edit(Key::PersonSex, text("2"), "t2", false), Ok(true));
        assert!(
            v.edit_needs_confirmation(Key::PersonName, None),
            "clearing it"
        );
        assert!(!v.edit_needs_confirmation(Key::PersonSex, None));
    }

    #[test]
    fn debug_shows_keys_only() {
        let mut v = Values::default();
        v.set(
            Key::PersonIdNumber,
            text("110105199003071239"),
            Source::SelfDeclared,
            "t",
        );
        let d = format!("{v:?}");
        assert!(
            d.contains("person.id_number") && !d.contains("1101051990"),
            "{d}"
        );
    }
}
