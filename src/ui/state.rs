//! The widget's state: one reducer owns it, components send [`Action`]s.

use std::collections::BTreeSet;
use std::rc::Rc;

use time::Date;
use yew::Reducible;

use crate::core::dictionary::Key;
use crate::core::field::{FieldDescriptor, FieldId};
use crate::core::i18n::Lang;
use crate::core::plan::FillPlan;
use crate::core::profile::{PersonDraft, Problem, Profile};
use crate::dom::fill::FillReport;

/// Which screen the panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The profile editor.
    Editor,
    /// Review of the planned fill.
    Review,
    /// The outcome of a fill.
    Report,
}

/// Everything the widget shows. Personal data lives here, in memory only.
#[derive(Clone, PartialEq)]
pub struct State {
    /// The panel is open.
    pub open: bool,
    /// Interface language.
    pub lang: Lang,
    /// Current screen.
    pub view: View,
    /// What the person typed.
    pub draft: PersonDraft,
    /// Elements the person has left at least once (their problems are shown).
    pub touched: BTreeSet<Key>,
    /// The person asked to go on: every problem is shown.
    pub attempted: bool,
    /// The editor element that has focus (sensitive values are unmasked only there).
    pub focused: Option<Key>,
    /// Elements filled in from the ID number.
    pub derived: Vec<Key>,
    /// The profile, in memory only.
    pub profile: Profile,
    /// The scanned fields of the page.
    pub fields: Vec<FieldDescriptor>,
    /// The plan under review.
    pub plan: FillPlan,
    /// Sensitive values the person chose to see in review.
    pub revealed: BTreeSet<FieldId>,
    /// The last fill's outcome.
    pub report: Option<FillReport>,
    /// Today, for validation and the fill date.
    pub today: Date,
}

impl State {
    /// A closed widget with an empty profile.
    pub fn new(lang: Lang, today: Date) -> Self {
        State {
            open: false,
            lang,
            view: View::Editor,
            draft: PersonDraft::default(),
            touched: BTreeSet::new(),
            attempted: false,
            focused: None,
            derived: Vec::new(),
            profile: Profile::new(),
            fields: Vec::new(),
            plan: FillPlan::default(),
            revealed: BTreeSet::new(),
            report: None,
            today,
        }
    }

    /// Problems to show now: those of touched elements, or all after an attempt to go on.
    pub fn visible_problems(&self) -> Vec<Problem> {
        match self.draft.validate(self.today) {
            Ok(_) => Vec::new(),
            Err(problems) => problems
                .into_iter()
                .filter(|p| self.attempted || self.touched.contains(&p.key))
                .collect(),
        }
    }
}

/// Everything that changes the state.
pub enum Action {
    /// Open the panel.
    Open,
    /// Close the panel (the profile stays in memory until the page closes).
    Close,
    /// Switch between zh-CN and English.
    ToggleLang,
    /// The person typed into an element.
    Edit(Key, String),
    /// Focus moved to an editor element, or away.
    Focus(Option<Key>),
    /// The person left an element.
    Touch(Key),
    /// Load the demo profile.
    LoadDemo,
    /// Forget everything typed.
    Clear,
    /// Going on was refused: show every problem.
    Attempted,
    /// The page was scanned and a plan made.
    Planned {
        /// The profile with the draft applied.
        profile: Profile,
        /// The fields found.
        fields: Vec<FieldDescriptor>,
        /// The plan.
        plan: FillPlan,
    },
    /// Tick or untick a step.
    Select(FieldId, bool),
    /// Show or hide a sensitive value in review.
    Reveal(FieldId),
    /// The fill finished.
    Filled(FillReport),
    /// Back to the editor.
    BackToEditor,
    /// Back to review.
    BackToReview,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Open => s.open = true,
            Action::Close => {
                s.open = false;
                s.revealed.clear();
            }
            Action::ToggleLang => {
                s.lang = match s.lang {
                    Lang::ZhCn => Lang::En,
                    Lang::En => Lang::ZhCn,
                }
            }
            Action::Edit(key, text) => {
                if s.draft.get(key) == text {
                    return self;
                }
                s.draft.set(key, text);
                s.derived.retain(|k| *k != key);
                if key == Key::PersonIdNumber {
                    let filled = s.draft.derive_from_id(s.today);
                    s.derived.extend(filled);
                }
            }
            Action::Focus(key) => {
                if s.focused == key {
                    return self;
                }
                s.focused = key;
            }
            Action::Touch(key) => {
                s.touched.insert(key);
                if s.focused == Some(key) {
                    s.focused = None;
                }
            }
            Action::LoadDemo => {
                s.profile = Profile::demo();
                s.draft = s
                    .profile
                    .owner()
                    .map(|o| PersonDraft::from_values(&o.values))
                    .unwrap_or_default();
                s.derived.clear();
                s.touched.clear();
                s.attempted = false;
            }
            Action::Clear => {
                let (open, lang, today) = (s.open, s.lang, s.today);
                s = State::new(lang, today);
                s.open = open;
            }
            Action::Attempted => s.attempted = true,
            Action::Planned {
                profile,
                fields,
                plan,
            } => {
                s.profile = profile;
                s.fields = fields;
                s.plan = plan;
                s.revealed.clear();
                s.report = None;
                s.view = View::Review;
            }
            Action::Select(field, on) => {
                for step in s.plan.steps.iter_mut().filter(|st| st.field == field) {
                    step.selected = on;
                }
            }
            Action::Reveal(field) => {
                if !s.revealed.remove(&field) {
                    s.revealed.insert(field);
                }
            }
            Action::Filled(report) => {
                s.report = Some(report);
                s.revealed.clear();
                s.view = View::Report;
            }
            Action::BackToEditor => s.view = View::Editor,
            Action::BackToReview => s.view = View::Review,
        }
        Rc::new(s)
    }
}
