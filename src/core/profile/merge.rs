//! Bringing a profile from a backup into the one on this device: what would change, and the
//! merge itself. Records are matched by what identifies them (the owner by being the owner,
//! other persons by ID number or else name, firms by USCC or else name); a merged value that
//! differs keeps the old one in its history, so a merge loses nothing.

use super::{Profile, Values};
use crate::core::dictionary::Key;

/// How one element would change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// The element is new.
    Added,
    /// The element has another value.
    Changed,
}

/// One element of one record that a merge would change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Which record: a person's or firm's name, as the incoming profile has it.
    pub record: String,
    /// The record is new to this device.
    pub new_record: bool,
    /// The element.
    pub key: Key,
    /// Added or changed.
    pub kind: ChangeKind,
}

fn person_match(base: &Profile, incoming: &super::PersonRecord) -> Option<usize> {
    use super::Relation;
    if incoming.relation == Relation::Owner {
        return base
            .persons
            .iter()
            .position(|p| p.relation == Relation::Owner);
    }
    let by = |key: Key| {
        let v = incoming.values.text(key)?;
        base.persons
            .iter()
            .position(|p| p.relation != Relation::Owner && p.values.text(key) == Some(v))
    };
    by(Key::PersonIdNumber).or_else(|| by(Key::PersonName))
}

fn firm_match(base: &Profile, incoming: &super::FirmRecord) -> Option<usize> {
    let by = |key: Key| {
        let v = incoming.values.text(key)?;
        base.firms
            .iter()
            .position(|f| f.values.text(key) == Some(v))
    };
    by(Key::FirmUscc).or_else(|| by(Key::FirmName))
}

fn value_changes(
    record: &str,
    new_record: bool,
    base: Option<&Values>,
    incoming: &Values,
    out: &mut Vec<Change>,
) {
    for key in incoming.keys() {
        let new = incoming.get(key).map(|e| &e.value);
        let old = base.and_then(|b| b.get(key)).map(|e| &e.value);
        let kind = match (old, new) {
            (None, Some(_)) => ChangeKind::Added,
            (Some(a), Some(b)) if a != b => ChangeKind::Changed,
            _ => continue,
        };
        out.push(Change {
            record: record.to_string(),
            new_record,
            key,
            kind,
        });
    }
}

fn title(values: &Values, key: Key, fallback: &str) -> String {
    values
        .text(key)
        .map(str::to_string)
        .unwrap_or_else(|| fallback.to_string())
}

/// What merging `incoming` into `base` would change.
pub fn diff(base: &Profile, incoming: &Profile) -> Vec<Change> {
    let mut out = Vec::new();
    for p in &incoming.persons {
        let matched = person_match(base, p).map(|i| &base.persons[i].values);
        value_changes(
            &title(&p.values, Key::PersonName, &p.id),
            matched.is_none(),
            matched,
            &p.values,
            &mut out,
        );
    }
    for f in &incoming.firms {
        let matched = firm_match(base, f).map(|i| &base.firms[i].values);
        value_changes(
            &title(&f.values, Key::FirmName, &f.id),
            matched.is_none(),
            matched,
            &f.values,
            &mut out,
        );
    }
    out
}

fn merge_values(into: &mut Values, from: &Values, now: &str) {
    for key in from.keys() {
        if let Some(e) = from.get(key) {
            into.set(key, e.value.clone(), e.source.clone(), now);
        }
    }
}

/// Merges `incoming` into `base`: matched records gain the incoming values (old ones kept in
/// history), unmatched records are added with fresh ids, roles and mandates follow their
/// persons and firms.
pub fn merge(base: &Profile, incoming: &Profile, now: &str) -> Profile {
    let mut out = base.clone();
    // Incoming person id → id on this device.
    let mut person_ids = std::collections::BTreeMap::new();
    for p in &incoming.persons {
        let id = match person_match(&out, p) {
            Some(i) => {
                merge_values(&mut out.persons[i].values, &p.values, now);
                out.persons[i].id.clone()
            }
            None => {
                let mut added = p.clone();
                added.id = out.fresh_id("p");
                let id = added.id.clone();
                out.persons.push(added);
                id
            }
        };
        person_ids.insert(p.id.clone(), id);
    }
    let mut firm_ids = std::collections::BTreeMap::new();
    for f in &incoming.firms {
        let index = match firm_match(&out, f) {
            Some(i) => {
                merge_values(&mut out.firms[i].values, &f.values, now);
                i
            }
            None => {
                let mut added = f.clone();
                added.id = out.fresh_id("f");
                added.roles.clear();
                out.firms.push(added);
                out.firms.len() - 1
            }
        };
        firm_ids.insert(f.id.clone(), out.firms[index].id.clone());
        for role in &f.roles {
            let Some(person) = person_ids.get(&role.person) else {
                continue;
            };
            let firm = &mut out.firms[index];
            match firm
                .roles
                .iter_mut()
                .find(|r| r.role == role.role && &r.person == person)
            {
                Some(existing) => merge_values(&mut existing.values, &role.values, now),
                None => {
                    let mut link = role.clone();
                    link.person = person.clone();
                    firm.roles.push(link);
                }
            }
        }
    }
    for a in &incoming.agents {
        let (Some(person), Some(principal)) = (
            person_ids.get(&a.person),
            person_ids
                .get(&a.principal)
                .or_else(|| firm_ids.get(&a.principal)),
        ) else {
            continue;
        };
        let mut link = a.clone();
        link.person = person.clone();
        link.principal = principal.clone();
        if !out.agents.contains(&link) {
            out.agents.push(link);
        }
    }
    for page in &incoming.learned {
        for f in &page.fields {
            let known = out
                .learned
                .iter()
                .any(|p| p.page == page.page && p.fields.iter().any(|g| g.handle == f.handle));
            // This device's own corrections win; the backup's fill the gaps.
            if !known {
                crate::core::classify::learn::remember(
                    &mut out.learned,
                    &page.page,
                    &f.handle,
                    f.key,
                );
            }
        }
    }
    // The backup's credentials join this device's.
    for c in &incoming.credentials {
        out.keep_credential(c);
    }
    // The backup's disclosure record joins this device's, in time order, within the cap.
    for e in &incoming.disclosures {
        if !out.disclosures.contains(e) {
            out.disclosures.push(e.clone());
        }
    }
    crate::core::order::sort_by(&mut out.disclosures, |a, b| a.time.cmp(&b.time));
    let over = out
        .disclosures
        .len()
        .saturating_sub(crate::core::disclosure::CAP);
    out.disclosures.drain(..over);
    out
}

/// Joins the edits of two pages that both started from `base`: what `mine` changed and what
/// `theirs` changed, as long as they did not change the same thing differently (then `None`:
/// the person must choose). Records are matched by their ids, which both pages share with
/// `base`; an element, a value's source or a whole record is the unit of a change.
pub fn three_way(base: &Profile, mine: &Profile, theirs: &Profile) -> Option<Profile> {
    // Through the profile's own JSON, its one wire format.
    let value = |p: &Profile| serde_json::from_str::<serde_json::Value>(&p.to_json()).ok();
    let (b, m, t) = (value(base)?, value(mine)?, value(theirs)?);
    let joined = join(Some(&b), Some(&m), Some(&t))??;
    serde_json::from_value(joined).ok()
}

/// One member in three versions; `None` is absent. The outer `None` is a clash.
fn join(
    b: Option<&serde_json::Value>,
    m: Option<&serde_json::Value>,
    t: Option<&serde_json::Value>,
) -> Option<Option<serde_json::Value>> {
    use serde_json::Value;
    if m == b {
        return Some(t.cloned());
    }
    if t == b || t == m {
        return Some(m.cloned());
    }
    match (b, m, t) {
        (Some(Value::Object(b)), Some(Value::Object(m)), Some(Value::Object(t))) => {
            let mut out = serde_json::Map::new();
            for k in m.keys().chain(t.keys()).chain(b.keys()) {
                if out.contains_key(k) {
                    continue;
                }
                if let Some(v) = join(b.get(k), m.get(k), t.get(k))? {
                    out.insert(k.clone(), v);
                }
            }
            // Members removed on one side and kept unchanged on the other are gone.
            Some(Some(Value::Object(out)))
        }
        (Some(Value::Array(b)), Some(Value::Array(m)), Some(Value::Array(t))) => {
            join_lists(b, m, t).map(|v| Some(Value::Array(v)))
        }
        _ => None,
    }
}

/// Lists changed on both sides: records by id, or words (e.g. filled forms) and the entries of
/// the disclosure record as sets (what either side added is kept, what either removed goes).
fn join_lists(
    b: &[serde_json::Value],
    m: &[serde_json::Value],
    t: &[serde_json::Value],
) -> Option<Vec<serde_json::Value>> {
    let all = || b.iter().chain(m).chain(t);
    let id = |v: &serde_json::Value| v.get("id").and_then(|i| i.as_str()).map(str::to_owned);
    if all().all(|v| id(v).is_some()) {
        let find = |list: &[serde_json::Value], key: &str| {
            list.iter().find(|v| id(v).as_deref() == Some(key)).cloned()
        };
        let mut keys: Vec<String> = Vec::new();
        for v in m.iter().chain(t).chain(b) {
            let k = id(v)?;
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        let mut out = Vec::new();
        for k in keys {
            let (bv, mv, tv) = (find(b, &k), find(m, &k), find(t, &k));
            if let Some(v) = join(bv.as_ref(), mv.as_ref(), tv.as_ref())? {
                out.push(v);
            }
        }
        return Some(out);
    }
    let entry = |v: &serde_json::Value| v.get("time").is_some() && v.get("origin").is_some();
    if all().all(|v| v.is_string() || entry(v)) {
        let mut out: Vec<serde_json::Value> = m
            .iter()
            .filter(|v| t.contains(v) || !b.contains(v))
            .cloned()
            .collect();
        for v in t {
            if !out.contains(v) && !b.contains(v) {
                out.push(v.clone());
            }
        }
        return Some(out);
    }
    None
}

/// Counts of a diff: (added, changed, new records).
pub fn summary(changes: &[Change]) -> (usize, usize, usize) {
    let added = changes
        .iter()
        .filter(|c| c.kind == ChangeKind::Added)
        .count();
    let changed = changes.len() - added;
    let mut records: Vec<&str> = changes
        .iter()
        .filter(|c| c.new_record)
        .map(|c| c.record.as_str())
        .collect();
    records.dedup();
    (added, changed, records.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::profile::{Data, Source};

    #[test]
    fn merging_a_profile_into_itself_changes_nothing() {
        let demo = Profile::demo();
        assert!(diff(&demo, &demo).is_empty());
        assert_eq!(merge(&demo, &demo, "t"), demo);
    }

    #[test]
    fn changed_values_keep_history_and_new_people_are_added() {
        let base = Profile::demo();
        let mut incoming = Profile::demo();
        incoming.owner_mut().values.set(
            Key::ContactMobile,
            Data::Text("13700137000".into()),
            Source::SelfDeclared,
            "t1",
        );
        incoming.persons.retain(|p| p.id != "p3");
        incoming.persons.push(super::super::PersonRecord {
            id: "p9".into(),
            relation: super::super::Relation::Mother,
            values: {
                let mut v = Values::default();
                v.set(
                    Key::PersonName,
                    Data::Text("张桂英".into()),
                    Source::SelfDeclared,
                    "t1",
                );
                v
            },
            unknown: Default::default(),
        });
        let changes = diff(&base, &incoming);
        assert_eq!(summary(&changes), (1, 1, 1));
        let merged = merge(&base, &incoming, "t2");
        let owner = merged.owner().unwrap();
        assert_eq!(owner.values.text(Key::ContactMobile), Some("13700137000"));
        assert_eq!(
            owner.values.get(Key::ContactMobile).unwrap().history.len(),
            1
        );
        assert_eq!(
            merged.persons.len(),
            4,
            "the child stays, the mother is added"
        );
        assert!(
            merged
                .persons
                .iter()
                .any(|p| p.values.text(Key::PersonName) == Some("张桂英") && p.id == "p4")
        );
    }

    #[test]
    fn roles_and_mandates_follow_their_people() {
        let base = Profile::new();
        let merged = merge(&base, &Profile::demo(), "t");
        assert_eq!(merged.firms.len(), 1);
        assert_eq!(merged.firms[0].roles.len(), 5);
        for r in &merged.firms[0].roles {
            assert!(merged.person(&r.person).is_some());
        }
        assert_eq!(merged.agents.len(), 1);
    }

    fn with(profile: &Profile, key: Key, text: &str, person: usize) -> Profile {
        let mut p = profile.clone();
        p.persons[person]
            .values
            .set(key, Data::Text(text.into()), Source::SelfDeclared, "t1");
        p
    }

    #[test]
    fn edits_of_two_pages_to_different_elements_are_both_kept() {
        let base = Profile::demo();
        let mine = with(&base, Key::ContactMobile, "13700137000", 0);
        let mut theirs = with(&base, Key::PersonName, "王晓明", 1);
        theirs.filled_forms.push("pension".into());
        let joined = three_way(&base, &mine, &theirs).unwrap();
        assert_eq!(
            joined.persons[0].values.text(Key::ContactMobile),
            Some("13700137000")
        );
        assert_eq!(
            joined.persons[1].values.text(Key::PersonName),
            Some("王晓明")
        );
        assert_eq!(joined.filled_forms, vec!["pension".to_string()]);
        assert_eq!(three_way(&base, &mine, &base).unwrap(), mine);
        assert_eq!(three_way(&base, &base, &theirs).unwrap(), theirs);
    }

    #[test]
    fn a_record_removed_on_one_page_and_a_value_added_on_the_other_are_joined() {
        let base = Profile::demo();
        let mut mine = base.clone();
        let removed = mine.persons.pop().unwrap().id;
        let theirs = with(&base, Key::ContactMobile, "13700137000", 0);
        let joined = three_way(&base, &mine, &theirs).unwrap();
        assert!(joined.person(&removed).is_none());
        assert_eq!(
            joined.persons[0].values.text(Key::ContactMobile),
            Some("13700137000")
        );
    }

    #[test]
    fn the_same_element_changed_differently_is_a_clash() {
        let base = Profile::demo();
        let mine = with(&base, Key::ContactMobile, "13700137000", 0);
        let theirs = with(&base, Key::ContactMobile, "13600136000", 0);
        assert_eq!(three_way(&base, &mine, &theirs), None);
        assert_eq!(
            three_way(&base, &mine, &mine.clone()).unwrap(),
            mine,
            "the same edit twice"
        );
    }

    #[test]
    fn fills_recorded_on_two_pages_are_both_kept_and_a_deletion_stays_deleted() {
        use crate::core::disclosure::{Entry, FormRef, record};
        let entry = |title: &str, time: &str| {
            let form = FormRef {
                origin: "https://a.example".into(),
                title: title.into(),
                mapping: None,
            };
            Entry::new(time, &form, [(Key::PersonName, None)], 1)
        };
        let mut base = Profile::demo();
        record(&mut base.disclosures, entry("甲", "2026-12-05T10:00:00Z"));
        record(&mut base.disclosures, entry("乙", "2026-12-05T11:00:00Z"));
        let mut mine = base.clone();
        record(&mut mine.disclosures, entry("丙", "2026-12-05T12:00:00Z"));
        let mut theirs = base.clone();
        theirs.disclosures.remove(0);
        record(&mut theirs.disclosures, entry("丁", "2026-12-05T12:01:00Z"));
        let joined = three_way(&base, &mine, &theirs).unwrap();
        let titles: Vec<&str> = joined
            .disclosures
            .iter()
            .map(|e| e.title.as_str())
            .collect();
        assert_eq!(titles, ["乙", "丙", "丁"]);
    }
}
