//! The widget's state in Yew: [`AppState`] (the pure state machines of [`crate::app`])
//! behind `use_reducer`. The clock is read here, when an action is sent, and goes in with it
//! as data; the reducers themselves never read it.

use std::rc::Rc;

use yew::{Callback, Reducible, UseReducerHandle};

pub use crate::app::editor::{DraftId, EditorAction, EditorState, Section, draft_id};
pub use crate::app::import::{ImportAction, ImportState};
pub use crate::app::panel::{PanelAction, View};
pub use crate::app::review::{FillSummary, ReviewAction, ReviewState};
pub use crate::app::vault::{KeyHandle, SaveStatus, VaultAction, VaultSession, VaultState};
pub use crate::app::{Action, AppState, Clock};
use crate::core::protocol::FillReport;

impl Reducible for AppState {
    type Action = (Action, Clock);

    fn reduce(self: Rc<Self>, (action, clock): (Action, Clock)) -> Rc<Self> {
        let mut next = (*self).clone();
        if next.reduce(action, &clock) {
            Rc::new(next)
        } else {
            self
        }
    }
}

/// The state's handle in the widget.
pub type Handle = UseReducerHandle<AppState>;

/// The browser's clock now.
pub fn clock() -> Clock {
    let d = js_sys::Date::new_0();
    Clock {
        stamp: crate::core::profile::now_stamp(),
        now_ms: d.get_time(),
        time_of_day: format!("{:02}:{:02}", d.get_hours(), d.get_minutes()),
    }
}

/// Sends an action, stamped with the time it is sent.
pub fn send(handle: &Handle, action: impl Into<Action>) {
    handle.dispatch((action.into(), clock()));
}

/// A callback that sends `A`s (any concern's actions), stamped when each is sent.
pub fn sender<A: Into<Action> + 'static>(handle: &Handle) -> Callback<A> {
    let handle = handle.clone();
    Callback::from(move |a: A| send(&handle, a))
}

/// A fill's outcome as the report shows it.
pub fn summary(report: &FillReport) -> FillSummary {
    FillSummary {
        filled: report.filled(),
        failed: report
            .outcomes
            .iter()
            .filter(|(_, _, o)| !o.ok())
            .map(|(_, label, o)| (label.clone(), o.message_id()))
            .collect(),
        written: report
            .outcomes
            .iter()
            .filter(|(_, _, o)| *o == crate::core::protocol::Outcome::Filled)
            .map(|(field, _, _)| field.clone())
            .collect(),
    }
}
