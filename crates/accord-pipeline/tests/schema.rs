//! Output documents conform to schema/accord-1.schema.json (checked by a small validator that covers
//! the keywords the schema uses: type, required, properties, items, enum, const, $ref, allOf, oneOf,
//! pattern by prefix, minimum).

mod common;
use serde_json::Value;

fn resolve<'a>(root: &'a Value, s: &'a Value) -> &'a Value {
    match s.get("$ref").and_then(Value::as_str) {
        Some(r) => root.pointer(r.trim_start_matches('#')).expect("ref resolves"),
        None => s,
    }
}

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_u64() || v.is_i64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        _ => false,
    }
}

fn check(root: &Value, schema: &Value, v: &Value, path: &str, errors: &mut Vec<String>) {
    let s = resolve(root, schema);
    if let Some(all) = s.get("allOf").and_then(Value::as_array) {
        for sub in all {
            check(root, sub, v, path, errors);
        }
    }
    if let Some(one) = s.get("oneOf").and_then(Value::as_array) {
        let ok = one.iter().filter(|sub| {
            let mut e = Vec::new();
            check(root, sub, v, path, &mut e);
            e.is_empty()
        });
        if ok.count() != 1 {
            errors.push(format!("{path}: matches not exactly one of oneOf"));
        }
    }
    match s.get("type") {
        Some(Value::String(t)) if !type_ok(t, v) => errors.push(format!("{path}: not {t}")),
        Some(Value::Array(ts)) if !ts.iter().any(|t| type_ok(t.as_str().unwrap(), v)) => {
            errors.push(format!("{path}: not any of {ts:?}"))
        }
        _ => {}
    }
    if let Some(c) = s.get("const") {
        if c != v {
            errors.push(format!("{path}: != {c}"));
        }
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            errors.push(format!("{path}: {v} not in enum"));
        }
    }
    if let (Some(m), Some(n)) = (s.get("minimum").and_then(Value::as_i64), v.as_i64()) {
        if n < m {
            errors.push(format!("{path}: {n} < {m}"));
        }
    }
    if let Some(obj) = v.as_object() {
        for r in s.get("required").and_then(Value::as_array).into_iter().flatten() {
            if !obj.contains_key(r.as_str().unwrap()) {
                errors.push(format!("{path}: missing {r}"));
            }
        }
        if let Some(props) = s.get("properties").and_then(Value::as_object) {
            for (k, sub) in props {
                if let Some(x) = obj.get(k) {
                    check(root, sub, x, &format!("{path}.{k}"), errors);
                }
            }
        }
    }
    if let (Some(items), Some(arr)) = (s.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate() {
            check(root, items, x, &format!("{path}[{i}]"), errors);
        }
    }
}

#[test]
fn fixture_outputs_conform_to_the_json_schema() {
    let root: Value = serde_json::from_str(include_str!("../../../schema/accord-1.schema.json")).unwrap();
    for name in ["harbour-strike.txt", "council-vote.txt", "minister-resigns.txt"] {
        let doc = serde_json::to_value(common::extract_fixture(name, Some("2024-03-14"))).unwrap();
        let mut errors = Vec::new();
        check(&root, &root, &doc, name, &mut errors);
        assert!(errors.is_empty(), "{}", errors.join("\n"));
        // spans point at their own text
        let text = doc["text"].as_str().unwrap();
        let chars: Vec<char> = text.chars().collect();
        for a in doc["attributions"].as_array().unwrap() {
            let c = &a["content"];
            let (s, e) = (c["start"].as_u64().unwrap() as usize, c["end"].as_u64().unwrap() as usize);
            assert_eq!(chars[s..e].iter().collect::<String>(), c["text"].as_str().unwrap());
            let (bs, be) = (c["byte_start"].as_u64().unwrap() as usize, c["byte_end"].as_u64().unwrap() as usize);
            assert_eq!(&text[bs..be], c["text"].as_str().unwrap());
        }
    }
    let mut errors = Vec::new();
    check(&root, &root, &serde_json::json!({"schema": "accord/2"}), "bad", &mut errors);
    assert!(errors.len() > 5, "the validator rejects a wrong document: {errors:?}");
}
