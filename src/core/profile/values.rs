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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
