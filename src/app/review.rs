//! Review of a planned fill: the fields found, the plan, which sensitive values the person
//! chose to see, which need the person's consent on this form, and the outcome of the fill.

use std::collections::BTreeSet;

use time::Date;

use crate::core::dictionary::{Group, Key};
use crate::core::disclosure::{self, Entry, FormRef};
use crate::core::field::{FieldDescriptor, FieldId};
use crate::core::plan::{FillPlan, NotPlanned};
use crate::core::profile::Profile;
use crate::core::role::{Role, RoleRef, Who};
use crate::core::scan::Truncated;

/// The outcome of a fill, as the report shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FillSummary {
    /// How many fields hold their planned value.
    pub filled: usize,
    /// Fields that need the person's hand: (label, message id of what happened).
    pub failed: Vec<(String, &'static str)>,
    /// The fields written (outcome filled), for the disclosure record.
    pub written: Vec<FieldId>,
}

/// The review's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReviewState {
    /// The scanned fields of the page.
    pub fields: Vec<FieldDescriptor>,
    /// The plan under review.
    pub plan: FillPlan,
    /// The mapping id of the form under review, when a known mapping decided.
    pub form: Option<String>,
    /// Sensitive values the person chose to see in review.
    pub revealed: BTreeSet<FieldId>,
    /// The last fill's outcome.
    pub report: Option<FillSummary>,
    /// Why the scan left part of the page out, if it did (review says so).
    pub truncated: Option<Truncated>,
    /// The last choice of whose a block is that was refused (that person already fills
    /// another block): the block and the person, for the message.
    pub refused: Option<(Option<RoleRef>, Who)>,
    /// How many choices were refused: each refusal is a change, so the review is drawn
    /// again and shows the choice that stands.
    pub refusals: u32,
    /// The page and form under review, for the disclosure record and consent.
    pub page: FormRef,
    /// Steps whose element is sensitive (identity, account, health, a minor's): marked in
    /// review, and ticked only on a form the person approved them for before.
    pub consent: BTreeSet<FieldId>,
    /// In the review one item at a time (长辈版): the screen shown (see [`Self::one_at`]).
    pub at: usize,
}

/// In the review one item at a time (长辈版), what screen `at` shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OneAtATime {
    /// The `n`-th (from 0) of the `total` items the page shows, which is the plan's step `step`.
    Item { n: usize, total: usize, step: usize },
    /// After the last item: what will be filled, and the button that fills.
    Summary { total: usize },
    /// The page shows no item to review.
    Nothing,
}

/// What changes the review.
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewAction {
    /// Tick or untick a step.
    Select(FieldId, bool),
    /// Show or hide a sensitive value in review.
    Reveal(FieldId),
    /// The person chose who fills a block of a form with several people. Accepted only when
    /// that person fills no other block (then the page is planned again with the answer);
    /// otherwise refused and kept for the message.
    Assign(Option<RoleRef>, Who),
    /// In the review one item at a time: go to the screen (an item, or past the last, the
    /// summary).
    Go(usize),
}

/// What the review makes of a choice of whose a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Assigned {
    /// Remember it and plan again.
    Accepted,
    /// Refused: the person already fills another block.
    Refused,
}

impl ReviewState {
    /// A new plan to review.
    pub fn planned(fields: Vec<FieldDescriptor>, plan: FillPlan, form: Option<String>) -> Self {
        ReviewState {
            fields,
            plan,
            form,
            revealed: BTreeSet::new(),
            report: None,
            truncated: None,
            refused: None,
            refusals: 0,
            page: FormRef::default(),
            consent: BTreeSet::new(),
            at: 0,
        }
    }

    /// Checks a choice of whose a block is against the question under review
    /// ([`crate::core::people::Question::taken`]); a refused one is kept for the message.
    pub fn assign(&mut self, block: Option<RoleRef>, who: Who) -> Assigned {
        let taken = self
            .plan
            .question
            .as_ref()
            .and_then(|q| q.taken(block, who));
        if taken.is_some() {
            self.refused = Some((block, who));
            self.refusals += 1;
            Assigned::Refused
        } else {
            self.refused = None;
            Assigned::Accepted
        }
    }

    /// Marks the sensitive steps and unticks those the person has not filled on this form
    /// before (`page`, with the form's mapping id when one decided).
    pub fn ask_consent(&mut self, page: FormRef, profile: &Profile, today: Date) {
        self.page = FormRef {
            mapping: self.form.clone(),
            ..page
        };
        self.consent.clear();
        for step in &mut self.plan.steps {
            if !sensitive_for(profile, step.key, step.role, today) {
                continue;
            }
            self.consent.insert(step.field.clone());
            if !disclosure::approved(&profile.disclosures, &self.page, step.key, step.role) {
                step.selected = false;
            }
        }
    }

    /// The disclosure record's entry of a fill at `time` that wrote `written`: the elements of
    /// those steps and whose they are, never their values.
    pub fn disclosure(&self, time: &str, written: &[FieldId]) -> Entry {
        let steps: Vec<_> = self
            .plan
            .steps
            .iter()
            .filter(|s| written.contains(&s.field))
            .collect();
        Entry::new(
            time,
            &self.page,
            steps.iter().map(|s| (s.key, s.role)),
            steps.len(),
        )
    }

    /// Applies an action.
    pub fn reduce(&mut self, action: ReviewAction) {
        match action {
            ReviewAction::Select(field, on) => {
                // A field the page hides from the person cannot be ticked.
                for step in self
                    .plan
                    .steps
                    .iter_mut()
                    .filter(|st| st.field == field && st.concealed.is_none())
                {
                    step.selected = on;
                }
            }
            ReviewAction::Reveal(field) => {
                if !self.revealed.remove(&field) {
                    self.revealed.insert(field);
                }
            }
            ReviewAction::Assign(block, who) => {
                self.assign(block, who);
            }
            ReviewAction::Go(at) => self.at = at,
        }
    }

    /// The fill finished: its outcome is kept and every value is masked again.
    pub fn filled(&mut self, report: FillSummary) {
        self.report = Some(report);
        self.revealed.clear();
    }

    /// How many steps are ticked.
    pub fn selected(&self) -> usize {
        self.plan.steps.iter().filter(|st| st.selected).count()
    }

    /// The screen shown in the review one item at a time: the items are the steps the page
    /// shows (a field it hides can be neither seen nor ticked, and is listed in the summary);
    /// past the last item, the summary. A new plan starts at its first item.
    pub fn one_at(&self) -> OneAtATime {
        let at = self.at;
        let shown = || {
            self.plan
                .steps
                .iter()
                .enumerate()
                .filter(|(_, st)| st.concealed.is_none())
        };
        let total = shown().count();
        if total == 0 {
            return OneAtATime::Nothing;
        }
        match shown().nth(at) {
            Some((step, _)) => OneAtATime::Item { n: at, total, step },
            None => OneAtATime::Summary { total },
        }
    }

    /// The correction handle (id or name) of a scanned field.
    pub fn handle_of(&self, field: &FieldId) -> Option<String> {
        self.fields
            .iter()
            .find(|f| &f.id == field)
            .and_then(crate::core::classify::learn::handle_of)
    }
}

/// Whether an element of a person needs consent on each form: identity, account and health
/// elements, and anything of a child or of a person under 18.
pub fn sensitive_for(profile: &Profile, key: Key, role: Option<RoleRef>, today: Date) -> bool {
    if disclosure::needs_consent(key) || disclosure::is_childs(role) {
        return true;
    }
    if key.element().group == Group::Firm || role.is_some_and(|r| r.role == Role::Firm) {
        return false;
    }
    let person = match role {
        None => profile.owner(),
        Some(r) => profile.role_person_id(r).and_then(|id| profile.person(&id)),
    };
    person.is_some_and(|p| p.is_minor(today))
}

/// What the form under review asks for that the profile lacks and the person can type here:
/// the record it belongs to (the owner, or the first firm) and the elements.
pub fn missing(plan: &FillPlan, profile: &Profile) -> Option<(String, Vec<Key>)> {
    let mut keys: Vec<Key> = plan
        .skipped
        .iter()
        .filter_map(|sk| match sk.why {
            NotPlanned::NotInProfile(k) if crate::core::profile::editable(k) => Some(k),
            _ => None,
        })
        .collect();
    crate::core::order::sort(&mut keys);
    keys.dedup();
    let owner = profile.owner()?.id.clone();
    let firm = profile.firms.first().map(|f| f.id.clone());
    let person: Vec<Key> = keys
        .iter()
        .copied()
        .filter(|k| {
            matches!(
                k.element().group,
                Group::Person | Group::Contact | Group::Family | Group::Document
            )
        })
        .collect();
    if !person.is_empty() {
        return Some((owner, person));
    }
    // The firm's own details: its elements, and contact details a form asks of the firm.
    let mut firm_keys: Vec<Key> = keys
        .into_iter()
        .filter(|k| k.element().group == Group::Firm)
        .chain(plan.skipped.iter().filter_map(|sk| match &sk.why {
            NotPlanned::RoleLacks { key, role }
                if role.role == crate::core::role::Role::Firm
                    && crate::core::profile::editable(*key) =>
            {
                Some(*key)
            }
            _ => None,
        }))
        .collect();
    crate::core::order::sort(&mut firm_keys);
    firm_keys.dedup();
    match firm {
        Some(id) if !firm_keys.is_empty() => Some((id, firm_keys)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::field::FieldDescriptor;
    use time::macros::date;

    fn planned(profile: &Profile, labels: &[&str]) -> ReviewState {
        let fields: Vec<FieldDescriptor> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| FieldDescriptor::text(&format!("f{i}"), l))
            .collect();
        let classified = crate::core::classify::classify_all(&fields);
        let plan = crate::core::plan::plan(profile, &fields, &classified, date!(2026 - 11 - 21));
        ReviewState::planned(fields, plan, None)
    }

    #[test]
    fn steps_are_ticked_and_values_revealed_until_the_fill() {
        let mut r = planned(&Profile::demo(), &["姓名", "公民身份号码"]);
        assert_eq!(r.selected(), 2);
        let first = r.plan.steps[0].field.clone();
        r.reduce(ReviewAction::Select(first.clone(), false));
        assert_eq!(r.selected(), 1);
        r.reduce(ReviewAction::Reveal(first.clone()));
        assert!(r.revealed.contains(&first));
        r.filled(FillSummary {
            filled: 1,
            ..FillSummary::default()
        });
        assert!(r.revealed.is_empty());
        assert_eq!(r.report.as_ref().map(|s| s.filled), Some(1));
        r.reduce(ReviewAction::Reveal(first.clone()));
        r.reduce(ReviewAction::Reveal(first));
        assert!(r.revealed.is_empty());
    }

    #[test]
    fn a_field_the_page_hides_is_shown_unticked_and_cannot_be_ticked() {
        let mut fields = vec![
            FieldDescriptor::text("f0", "姓名"),
            FieldDescriptor::text("f1", "公民身份号码"),
            FieldDescriptor::text("f2", "民族"),
        ];
        fields[1].concealed = Some(crate::core::field::Concealment::Opacity);
        fields[2].concealed = Some(crate::core::field::Concealment::Covered);
        let classified = crate::core::classify::classify_all(&fields);
        let plan =
            crate::core::plan::plan(&Profile::new(), &fields, &classified, date!(2026 - 11 - 21));
        // Nothing to put in a hidden field is never asked of the person.
        assert_eq!(
            missing(&plan, &Profile::new()).map(|(_, k)| k),
            Some(vec![Key::PersonName])
        );
        let mut r = planned(&Profile::demo(), &["姓名", "公民身份号码"]);
        r.plan.steps[1].concealed = Some(crate::core::field::Concealment::Opacity);
        r.plan.steps[1].selected = false;
        let hidden = r.plan.steps[1].field.clone();
        r.reduce(ReviewAction::Select(hidden, true));
        assert!(!r.plan.steps[1].selected);
        assert_eq!(r.selected(), 1);
    }

    #[test]
    fn what_the_profile_lacks_is_asked_of_the_owner() {
        let r = planned(&Profile::new(), &["姓名", "手机号码"]);
        let (record, keys) = missing(&r.plan, &Profile::new()).unwrap_or_default();
        assert_eq!(record, Profile::new().persons[0].id);
        assert_eq!(keys, vec![Key::PersonName, Key::ContactMobile]);
        let full = planned(&Profile::demo(), &["姓名"]);
        assert_eq!(missing(&full.plan, &Profile::demo()), None);
    }

    impl ReviewState {
        fn at_(&mut self, at: usize) -> OneAtATime {
            self.reduce(ReviewAction::Go(at));
            self.one_at()
        }
    }

    #[test]
    fn one_item_at_a_time_goes_through_the_shown_steps_then_the_summary() {
        let mut r = planned(&Profile::demo(), &["姓名", "公民身份号码", "手机号码"]);
        assert_eq!(r.plan.steps.len(), 3);
        // (As the plan leaves a field the page hides: unticked.)
        r.plan.steps[1].concealed = Some(crate::core::field::Concealment::Opacity);
        r.plan.steps[1].selected = false;
        assert_eq!(
            r.at_(0),
            OneAtATime::Item {
                n: 0,
                total: 2,
                step: 0
            }
        );
        // The hidden step is passed over: the second item is the plan's third step.
        assert_eq!(
            r.at_(1),
            OneAtATime::Item {
                n: 1,
                total: 2,
                step: 2
            }
        );
        assert_eq!(r.at_(2), OneAtATime::Summary { total: 2 });
        assert_eq!(r.at_(9), OneAtATime::Summary { total: 2 });
        // An untick on an item's screen is what the summary and the fill count.
        let third = r.plan.steps[2].field.clone();
        r.reduce(ReviewAction::Select(third, false));
        assert_eq!(r.selected(), 1);
        let none = planned(&Profile::demo(), &[]);
        assert_eq!(none.one_at(), OneAtATime::Nothing);
        // A new plan starts at its first item.
        let again = planned(&Profile::demo(), &["姓名"]);
        assert_eq!(
            again.one_at(),
            OneAtATime::Item {
                n: 0,
                total: 1,
                step: 0
            }
        );
    }

    #[test]
    fn a_person_already_in_one_block_is_refused_for_another() {
        use crate::core::role::Role;
        let mut fields = Vec::new();
        for (i, l) in ["权利人姓名", "义务人姓名"].iter().enumerate() {
            fields.push(FieldDescriptor::text(&format!("f{i}"), l));
        }
        let classified = crate::core::classify::classify_all(&fields);
        let plan = crate::core::plan::plan(
            &Profile::demo(),
            &fields,
            &classified,
            date!(2026 - 11 - 21),
        );
        let mut r = ReviewState::planned(fields, plan, None);
        assert!(r.plan.question.is_some(), "{:?}", r.plan);
        let obligor = Some(RoleRef::new(Role::Obligor));
        // The owner is the applicant already.
        assert_eq!(r.assign(obligor, Who::Owner), Assigned::Refused);
        assert_eq!(r.refused, Some((obligor, Who::Owner)));
        let spouse = Who::As(RoleRef::new(Role::Spouse));
        r.reduce(ReviewAction::Assign(obligor, spouse));
        assert_eq!(r.refused, None);
        assert_eq!(r.assign(obligor, Who::Nobody), Assigned::Accepted);
    }

    #[test]
    fn a_fields_handle_is_its_id() {
        let r = planned(&Profile::demo(), &["姓名"]);
        assert_eq!(r.handle_of(&r.fields[0].id), Some("f0".to_string()));
        assert_eq!(r.handle_of(&FieldId("nowhere".into())), None);
    }
}
