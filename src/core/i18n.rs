//! Messages in zh-CN (first) and English, kept as Fluent resources.
//!
//! Every text a person reads — validation errors, reasons, the interface — is looked up here
//! by message id, so both languages always say the same thing. A validation issue's message
//! id is its stable code with `.` and `_` written `-` (`id.check_digit` → `id-check-digit`;
//! see `src/core/validate/message.rs`).
//!
//! ```
//! use oncefill::core::i18n::{tr, Lang};
//! assert_eq!(tr(Lang::ZhCn, "app-title", &[]), "一次填");
//! assert_eq!(tr(Lang::En, "app-title", &[]), "OnceFill");
//! ```

use std::cell::RefCell;
use std::sync::OnceLock;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::langid;

/// A language the interface speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// 简体中文, the default.
    #[default]
    ZhCn,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Picks the language for a BCP 47 tag such as `navigator.language`.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::ZhCn
        }
    }
}

/// The zh-CN resource: embedded natively; the browser gets `i18n/zh-CN.ftl` beside the bundle
/// (the loader fetches it while the bundle loads, [`install`]), which keeps the bundle within
/// its budget.
#[cfg(not(target_arch = "wasm32"))]
pub const ZH_CN_FTL: Option<&str> = Some(include_str!("i18n/zh-CN.ftl"));
/// The zh-CN resource: fetched, not embedded (see [`install`]).
#[cfg(target_arch = "wasm32")]
pub const ZH_CN_FTL: Option<&str> = None;
/// The English resource: embedded natively; the browser fetches `i18n/en.ftl` the first time
/// English is asked for ([`install`]), so people reading Chinese never download it.
#[cfg(not(target_arch = "wasm32"))]
pub const EN_FTL: Option<&str> = Some(include_str!("i18n/en.ftl"));
/// The English resource: fetched, not embedded (see [`install`]).
#[cfg(target_arch = "wasm32")]
pub const EN_FTL: Option<&str> = None;

static ZH_CN_INSTALLED: OnceLock<&'static str> = OnceLock::new();
static EN_INSTALLED: OnceLock<&'static str> = OnceLock::new();

fn embedded(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::ZhCn => ZH_CN_FTL,
        Lang::En => EN_FTL,
    }
}

fn installed(lang: Lang) -> &'static OnceLock<&'static str> {
    match lang {
        Lang::ZhCn => &ZH_CN_INSTALLED,
        Lang::En => &EN_INSTALLED,
    }
}

/// Supplies the resource of `lang` (the text of its `.ftl` file) where it is not embedded.
/// Returns false if one was already in use.
pub fn install(lang: Lang, source: String) -> bool {
    if available(lang) {
        return false;
    }
    let done = installed(lang)
        .set(Box::leak(source.into_boxed_str()))
        .is_ok();
    // The next message is formatted from a bundle with the new resource.
    BUNDLES.with(|cell| *cell.borrow_mut() = None);
    done
}

/// Whether the messages of `lang` are at hand (until English arrives, its messages are
/// shown in Chinese rather than as blanks; until Chinese arrives, a message shows its id).
pub fn available(lang: Lang) -> bool {
    embedded(lang).is_some() || installed(lang).get().is_some()
}

type Bundle = FluentBundle<FluentResource>;

fn make_bundle(lang: Lang) -> Bundle {
    let source = embedded(lang)
        .or(installed(lang).get().copied())
        .unwrap_or_default();
    bundle_of(lang, source)
}

/// Whether fluent-syntax 0.12 would panic on this text: an escape `\u` or `\U` whose hex
/// digits stop at a character outside ASCII makes it slice inside that character (found by
/// fuzzing; `en.ftl` comes from the network).
fn trips_the_parser(source: &str) -> bool {
    let bytes = source.as_bytes();
    bytes.windows(2).enumerate().any(|(i, pair)| {
        let len = match pair {
            [b'\\', b'u'] => 4,
            [b'\\', b'U'] => 6,
            _ => return false,
        };
        let rest = bytes.get(i + 2..).unwrap_or_default();
        let digits = rest
            .iter()
            .take(len)
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        digits < len && rest.get(digits).is_some_and(|b| !b.is_ascii())
    })
}

/// A bundle of one resource's text: what is loaded for `lang`, or what the fuzz targets feed.
#[inline(always)]
fn bundle_of(lang: Lang, source: &str) -> Bundle {
    let id = match lang {
        Lang::ZhCn => langid!("zh-CN"),
        Lang::En => langid!("en"),
    };
    let mut bundle = FluentBundle::new(vec![id]);
    // Isolation marks would end up inside form values and screen-reader output.
    bundle.set_use_isolating(false);
    // A resource with a syntax error still yields its good messages; the test below keeps
    // both files free of errors. One the parser cannot read without crashing yields none (the
    // messages are then shown in Chinese).
    let source = if trips_the_parser(source) { "" } else { source };
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(res, _)| res);
    let _ = bundle.add_resource(resource);
    bundle
}

thread_local! {
    static BUNDLES: RefCell<Option<(Bundle, Bundle)>> = const { RefCell::new(None) };
}

/// An argument value for a message.
pub enum Arg<'a> {
    /// Text.
    Str(&'a str),
    /// A number.
    Num(i64),
}

/// Formats message `id` in `lang`. A missing message yields its id, so a gap is visible
/// rather than silent.
pub fn tr(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    BUNDLES.with(|cell| {
        let mut slot = cell.borrow_mut();
        let (zh, en) = slot.get_or_insert_with(|| (make_bundle(Lang::ZhCn), make_bundle(Lang::En)));
        let bundle = match lang {
            Lang::En if en.has_message(id) => &*en,
            _ => &*zh,
        };
        format(bundle, id, args).unwrap_or_else(|| id.to_string())
    })
}

#[inline(always)]
fn format(bundle: &Bundle, id: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
    let pattern = bundle.get_message(id).and_then(|m| m.value())?;
    let mut fargs = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Str(s) => fargs.set(*name, FluentValue::from(s.to_string())),
            Arg::Num(n) => fargs.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned(),
    )
}

/// Formats messages `ids` of a resource given as text, loaded as [`tr`] loads the installed
/// ones; `None` for a message it does not have. Public for the fuzz targets, which feed it
/// arbitrary resources (the browser fetches `en.ftl` from the network).
#[doc(hidden)]
pub fn format_in(
    lang: Lang,
    source: &str,
    ids: &[&str],
    args: &[(&str, Arg<'_>)],
) -> Vec<Option<String>> {
    let bundle = bundle_of(lang, source);
    ids.iter().map(|id| format(&bundle, id, args)).collect()
}

/// The variables (`$name`) that message `id` of the Fluent `source` refers to, in its text,
/// selectors and variants; `None` if the source has no such message.
#[cfg(test)]
pub(crate) fn message_variables(
    source: &str,
    id: &str,
) -> Option<std::collections::BTreeSet<String>> {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

    fn pattern(p: &Pattern<&str>, out: &mut std::collections::BTreeSet<String>) {
        for element in &p.elements {
            if let PatternElement::Placeable { expression } = element {
                expr(expression, out);
            }
        }
    }
    fn expr(e: &Expression<&str>, out: &mut std::collections::BTreeSet<String>) {
        match e {
            Expression::Select { selector, variants } => {
                inline(selector, out);
                variants.iter().for_each(|v| pattern(&v.value, out));
            }
            Expression::Inline(i) => inline(i, out),
        }
    }
    fn inline(i: &InlineExpression<&str>, out: &mut std::collections::BTreeSet<String>) {
        match i {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            InlineExpression::Placeable { expression } => expr(expression, out),
            InlineExpression::FunctionReference { arguments, .. } => {
                arguments.positional.iter().for_each(|a| inline(a, out));
                arguments.named.iter().for_each(|a| inline(&a.value, out));
            }
            _ => {}
        }
    }

    let resource = FluentResource::try_new(source.to_string()).ok()?;
    let message = resource.entries().find_map(|entry| match entry {
        Entry::Message(m) if m.id.name == id => Some(m),
        _ => None,
    })?;
    let mut out = std::collections::BTreeSet::new();
    if let Some(value) = &message.value {
        pattern(value, &mut out);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_resource_the_parser_would_crash_on_is_refused_whole() {
        // Found by fuzzing: fluent-syntax 0.12 slices inside the character that ends a short
        // `\u` escape. Such a resource yields no messages (English then shows Chinese).
        for bad in [
            "a = { \"\\u\u{294}\" }\nb = B",
            "b = B\nc = { \"\\U12\u{4e2d}\" }",
        ] {
            assert_eq!(format_in(Lang::En, bad, &["b"], &[]), [None]);
        }
        // Escapes that are complete, or cut short by ASCII, are the parser's to judge.
        assert_eq!(
            format_in(
                Lang::En,
                "a = { \"\\u4E2D\" }\nb = { \"\\u12\" } x",
                &["a"],
                &[]
            ),
            [Some("中".to_string())]
        );
    }
    use std::collections::BTreeSet;

    fn ids(source: &str) -> BTreeSet<String> {
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(r) => r,
            Err((_, errors)) => panic!("syntax errors: {errors:?}"),
        };
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn both_languages_have_the_same_messages() {
        let zh = ids(ZH_CN_FTL.unwrap_or_default());
        let en = ids(EN_FTL.unwrap_or_default());
        assert!(!zh.is_empty());
        let only_zh: Vec<_> = zh.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&zh).collect();
        assert!(
            only_zh.is_empty() && only_en.is_empty(),
            "zh only: {only_zh:?}; en only: {only_en:?}"
        );
    }

    #[test]
    fn arguments_are_substituted_without_isolation_marks() {
        let text = tr(Lang::ZhCn, "id-length", &[("found", Arg::Num(17))]);
        assert!(text.contains("17"), "{text}");
        assert!(!text.contains('\u{2068}'));
    }

    #[test]
    fn variables_are_found_in_text_selectors_and_variants() {
        let source = "plain = no arguments\n\
            counted = { $found } of { $max }\n\
            chosen = { $kind ->\n    [a] first { $x }\n   *[b] second\n}\n";
        let names =
            |id| message_variables(source, id).map(|set| set.into_iter().collect::<Vec<_>>());
        assert_eq!(names("plain"), Some(vec![]));
        assert_eq!(names("counted"), Some(vec!["found".into(), "max".into()]));
        assert_eq!(names("chosen"), Some(vec!["kind".into(), "x".into()]));
        assert_eq!(names("absent"), None);
    }

    #[test]
    fn missing_message_shows_its_id() {
        assert_eq!(tr(Lang::En, "no-such-message", &[]), "no-such-message");
    }
}
