//! The page agent in a browser test's page.

/// The page agent, as the site serves it: `cargo xtask build` puts the shared visibility
/// measurement in place of its mark, without its `export`s.
pub fn load() {
    let window = web_sys::window().unwrap();
    if !js_sys::Reflect::get(&window, &"OnceFill".into())
        .unwrap()
        .is_undefined()
    {
        return;
    }
    let shared: Vec<&str> = include_str!("../../src/dom/visibility.js")
        .lines()
        .map(|l| l.strip_prefix("export ").unwrap_or(l))
        .collect();
    let source =
        include_str!("../../www/agent.js").replace("/* @visibility */", &shared.join("\n"));
    js_sys::eval(&source).unwrap();
}
