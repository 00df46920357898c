//! The widget's sizes follow the browser's font-size setting: its style sheet gives every
//! size, space and font as a multiple of `--of-rem` (the browser's default font size, which the
//! loader measures; `1rem` without it), never of the page's own `rem`; only the widths of
//! borders and outlines and the offsets of shadows stay in `px`, which a larger font does not
//! need to grow.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

#[test]
fn the_widget_gives_its_sizes_in_the_browsers_font_size_not_px() {
    let css =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/ui/style.css")).unwrap();
    let mut fixed = Vec::new();
    let mut sizes = 0;
    for rule in css.split('}') {
        let body = rule.rsplit('{').next().unwrap_or_default();
        for declaration in body.split(';') {
            let Some((property, value)) = declaration.split_once(':') else {
                continue;
            };
            let property = property.trim();
            let hairline = (property.starts_with("border") && !property.contains("radius"))
                || property.starts_with("outline")
                || property == "box-shadow";
            if value.contains("var(--of-rem, 1rem)") {
                sizes += 1;
            }
            if value.replace("var(--of-rem, 1rem)", "").contains("rem") {
                fixed.push(format!("{property}:{value} (the page's rem)"));
            }
            let px = value
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
                .any(|word| {
                    word.strip_suffix("px")
                        .is_some_and(|n| !n.is_empty() && n.parse::<f64>().is_ok_and(|n| n != 0.0))
                });
            if px && !hairline {
                fixed.push(format!("{property}:{value}"));
            }
        }
    }
    assert!(fixed.is_empty(), "sizes in px: {fixed:#?}");
    assert!(sizes > 100, "only {sizes} sizes in --of-rem");
}
