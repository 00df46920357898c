//! `performance.measure` entries for the pipeline stages, so benchmarks and a portal's own
//! monitoring can read how long OnceFill took. No personal data is ever part of a name.

/// Starts a measure named `name`; call [`end`] with the same name when the stage ends.
pub fn start(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(&format!("{name}:start"));
    }
}

/// Ends the measure started by [`start`].
pub fn end(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, &format!("{name}:start"));
    }
}
