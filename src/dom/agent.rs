//! The page agent (`www/agent.js`) on OnceFill's own pages: the one code that reads and fills
//! a page's forms. On a portal's page it talks to the OnceFill window by `postMessage`; on a
//! page of OnceFill's own origin (the sample forms with their widget, the staff desk) the
//! review runs in the page itself and reaches the same two functions directly:
//!
//! * [`describe`]: the page, value-free, as the portal's agent sends it to the window; the
//!   core's scanner reads it through the [`Dom`](crate::core::scan::Dom) trait;
//! * [`fill`]: the approved [`Fill`]s, checked against that description (each control must
//!   be the one described, seen and fillable), carried out the way typing would look to the
//!   page, each with its [`Outcome`].

use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::core::field::FieldDescriptor;
use crate::core::plan::{FillAction, FillPlan};
use crate::core::protocol::{Fill, FillReport, Outcome};
use crate::core::scan::description::Description;

/// Why the page agent could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgentError {
    /// `agent.js` is not loaded in this page (or not for this origin).
    Absent,
    /// It answered with something that is not a description or outcomes.
    Answer,
}

/// `window.OnceFill.local[name]`, bound to its object.
fn function(name: &str) -> Result<(JsValue, js_sys::Function), AgentError> {
    let window: JsValue = web_sys::window().ok_or(AgentError::Absent)?.into();
    let get = |on: &JsValue, key: &str| {
        js_sys::Reflect::get(on, &key.into())
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
            .ok_or(AgentError::Absent)
    };
    let local = get(&get(&window, "OnceFill")?, "local")?;
    let f = get(&local, name)?
        .dyn_into::<js_sys::Function>()
        .map_err(|_| AgentError::Absent)?;
    Ok((local, f))
}

/// The page (or `document`, a same-origin frame's), described by the agent; its fills are
/// checked against this description until the next one.
pub fn describe(document: Option<&web_sys::Document>) -> Result<Description, AgentError> {
    let (this, f) = function("describe")?;
    let arg: JsValue = document.map_or(JsValue::UNDEFINED, JsValue::from);
    let json = f
        .call1(&this, &arg)
        .map_err(|_| AgentError::Answer)?
        .as_string()
        .ok_or(AgentError::Answer)?;
    Description::from_json(&json).map_err(|_| AgentError::Answer)
}

#[derive(Deserialize)]
struct Reported {
    k: String,
    outcome: Outcome,
}

/// Carries out `fills` on the controls of the last description; what happened to each, in
/// order.
pub async fn fill(fills: &[Fill]) -> Result<Vec<(String, Outcome)>, AgentError> {
    let (this, f) = function("fill")?;
    let json = serde_json::to_string(fills).map_err(|_| AgentError::Answer)?;
    let promise = f
        .call1(&this, &JsValue::from_str(&json))
        .map_err(|_| AgentError::Answer)?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| AgentError::Answer)?;
    let answer = JsFuture::from(promise)
        .await
        .map_err(|_| AgentError::Answer)?
        .as_string()
        .ok_or(AgentError::Answer)?;
    let reported: Vec<Reported> = serde_json::from_str(&answer).map_err(|_| AgentError::Answer)?;
    Ok(reported.into_iter().map(|r| (r.k, r.outcome)).collect())
}

/// Has the page agent fill the ticked steps of `plan` (made from `fields`, which the last
/// [`describe`], `description`, described) and reports each, in plan order: a step the page
/// hides from the person is never sent, and a select waiting for its options is left for
/// later.
pub async fn fill_plan(
    plan: &FillPlan,
    fields: &[FieldDescriptor],
    description: &Description,
) -> FillReport {
    let steps = plan
        .steps
        .iter()
        .filter(|s| s.selected && !matches!(s.action, FillAction::Later { .. }));
    let outcomes = match crate::core::protocol::fills(plan, fields, description) {
        Ok(fills) => fill(&fills).await.unwrap_or_default(),
        // A plan that names a control the description lacks is not the one reviewed.
        Err(_) => Vec::new(),
    };
    let mut report = FillReport::default();
    for step in steps {
        let outcome = match outcomes.iter().find(|(k, _)| *k == step.field.0) {
            _ if step.concealed.is_some() => Outcome::Hidden,
            Some((_, outcome)) => *outcome,
            None => Outcome::Changed,
        };
        report
            .outcomes
            .push((step.field.clone(), step.label.clone(), outcome));
    }
    report
}
