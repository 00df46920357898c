//! Form mappings and their transforms, as fetched over the network or given to `oncefill
//! mapping check`: reading arbitrary text never panics, every problem has a message in both
//! languages, and a mapping that reads applies its transforms to any stored value without
//! panicking (a transform may refuse a value, with a message).
#![no_main]

use libfuzzer_sys::fuzz_target;
use oncefill::core::i18n::Lang;
use oncefill::core::mapping::FormMapping;
use oncefill::core::profile::Value;
use oncefill::core::transform::{self, Transform};
use time::macros::date;

/// Values a transform meets: text of several shapes, a date, a list.
fn values(input: &str) -> Vec<Value> {
    vec![
        Value::Text(input.to_string()),
        Value::Text("王小明".into()),
        Value::Text("浙江省杭州市西湖区文三路90号".into()),
        Value::Text("1990-03-07".into()),
        Value::Text("13800138000".into()),
        Value::Date(date!(1990 - 03 - 07)),
        Value::List(vec!["a".into(), input.to_string()]),
    ]
}

fn exercise(transform: &Transform, input: &str) {
    let lookup = |_key| Some(Value::Text("11010519491231002X".into()));
    for value in values(input) {
        match transform::apply(transform, &value, &lookup) {
            Ok(out) => {
                let _ = out.as_str();
            }
            Err(e) => {
                assert!(!e.message(Lang::ZhCn).is_empty() && !e.message(Lang::En).is_empty());
                let _ = e.code();
            }
        }
    }
}

fuzz_target!(|input: &str| {
    match FormMapping::list_from_json(input) {
        Ok(mappings) => {
            for m in &mappings {
                let _ = m.to_classify_mapping();
                let _ = m.matches("https://example.gov.cn/forms/a.html", input, &[input]);
                for field in &m.fields {
                    if let Some(t) = &field.transform {
                        exercise(t, input);
                    }
                }
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            for e in &errors {
                assert!(!e.line(Lang::ZhCn).is_empty() && !e.line(Lang::En).is_empty());
                let _ = e.kind.code();
            }
        }
    }
    // The same text as a transform of its own.
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(input)
        && let Ok(t) = transform::read(&value)
    {
        exercise(&t, input);
    }
});
