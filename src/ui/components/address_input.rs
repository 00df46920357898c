//! An address: province → city → county pickers from the GB/T 2260 table, and a text box for
//! the rest (乡镇街道、村社区、路、门牌号、详址). The stored value is the one-line address with
//! the province first, as 公安 forms require; the pickers always show what it parses to.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::core::address::{Address, parse_one_line, render_one_line};
use crate::core::codes::{self, Division, Level};
use crate::core::i18n::{Lang, tr};

/// Properties of [`AddressInput`].
#[derive(Properties, PartialEq, Clone)]
pub struct AddressInputProps {
    /// Id of the text box (the label points at it).
    pub id: String,
    /// `data-of` marker of the text box.
    pub data_of: String,
    /// The one-line address.
    pub value: String,
    /// Interface language.
    pub lang: Lang,
    /// Marked invalid.
    pub invalid: bool,
    /// `aria-describedby`.
    pub described: Option<String>,
    /// The new one-line address.
    pub on_change: Callback<String>,
    /// Focus left the text box.
    pub on_blur: Callback<FocusEvent>,
}

/// The address after the divisions, as one line.
fn rest_of(address: &Address) -> String {
    render_one_line(&Address {
        province: None,
        city: None,
        county: None,
        ..address.clone()
    })
}

fn with_divisions(
    address: &Address,
    province: Option<String>,
    city: Option<String>,
    county: Option<String>,
) -> String {
    let rest = rest_of(address);
    let divisions = render_one_line(&Address {
        province,
        city,
        county,
        ..Address::default()
    });
    format!("{divisions}{rest}")
}

fn picker(
    lang: Lang,
    label: &str,
    marker: String,
    current: Option<&str>,
    choices: &[&Division],
    on: Callback<Option<String>>,
) -> Html {
    let change = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        let v = select.value();
        on.emit((!v.is_empty()).then_some(v));
    });
    html! {
        <select aria-label={label.to_string()} data-of={marker} onchange={change}>
            <option value="" selected={current.is_none()}>{ format!("{}（{}）", tr(lang, "choose", &[]), label) }</option>
            { for choices.iter().map(|d| html! {
                <option value={d.code} selected={current == Some(d.code)}>{ d.name }</option>
            }) }
        </select>
    }
}

/// The address input.
#[component]
pub fn AddressInput(props: &AddressInputProps) -> Html {
    let lang = props.lang;
    let parsed = parse_one_line(&props.value).address;
    let province = parsed.province.clone();
    let city = parsed.city.clone();
    let county = parsed.county.clone();
    let provinces = codes::provinces();
    let cities: Vec<&Division> = province
        .as_deref()
        .map(codes::children)
        .unwrap_or_default()
        .into_iter()
        .filter(|d| d.level == Level::Prefecture)
        .collect();
    let counties: Vec<&Division> = match (&city, &province) {
        (Some(c), _) => codes::children(c),
        (None, Some(p)) => codes::children(p)
            .into_iter()
            .filter(|d| d.level == Level::County)
            .collect(),
        _ => Vec::new(),
    };
    let emit = props.on_change.clone();
    let on_province = {
        let (parsed, emit) = (parsed.clone(), emit.clone());
        Callback::from(move |p: Option<String>| emit.emit(with_divisions(&parsed, p, None, None)))
    };
    let on_city = {
        let (parsed, emit, province) = (parsed.clone(), emit.clone(), province.clone());
        Callback::from(move |c: Option<String>| {
            emit.emit(with_divisions(&parsed, province.clone(), c, None))
        })
    };
    let on_county = {
        let (parsed, emit, province, city) =
            (parsed.clone(), emit.clone(), province.clone(), city.clone());
        Callback::from(move |k: Option<String>| {
            emit.emit(with_divisions(&parsed, province.clone(), city.clone(), k))
        })
    };
    let typed = {
        let emit = emit.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            emit.emit(el.value());
        })
    };
    html! {
        <div class="of-address">
            <div class="of-address-pickers">
                { picker(lang, &tr(lang, "addr-province", &[]), format!("{}-province", props.data_of), province.as_deref(), &provinces, on_province) }
                if !cities.is_empty() {
                    { picker(lang, &tr(lang, "addr-city", &[]), format!("{}-city", props.data_of), city.as_deref(), &cities, on_city) }
                }
                if !counties.is_empty() {
                    { picker(lang, &tr(lang, "addr-county", &[]), format!("{}-county", props.data_of), county.as_deref(), &counties, on_county) }
                }
            </div>
            <input id={props.id.clone()} type="text" value={props.value.clone()} autocomplete="off" spellcheck="false"
                data-of={props.data_of.clone()} placeholder={tr(lang, "addr-hint", &[])}
                aria-invalid={props.invalid.to_string()} aria-describedby={props.described.clone()}
                oninput={typed} onblur={props.on_blur.clone()} />
        </div>
    }
}
