//! Output documents conform to schema/accord-1.schema.json, checked by the `jsonschema` crate (every
//! keyword of the draft the schema declares, `pattern` included), and spans point at their own text.

mod common;
use serde_json::Value;

#[test]
fn fixture_outputs_conform_to_the_json_schema() {
    let root: Value = serde_json::from_str(include_str!("../../../schema/accord-1.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&root).expect("the schema is a valid JSON Schema");
    for name in ["harbour-strike.txt", "council-vote.txt", "minister-resigns.txt"] {
        let doc = serde_json::to_value(common::extract_fixture(name, Some("2024-03-14"))).unwrap();
        let errors: Vec<String> =
            validator.iter_errors(&doc).map(|e| format!("{name}: {e} at {}", e.instance_path)).collect();
        assert!(errors.is_empty(), "{}", errors.join("\n"));
        // spans point at their own text
        let text = doc["text"].as_str().unwrap();
        let chars: Vec<char> = text.chars().collect();
        let attributions = doc["attributions"].as_array().unwrap();
        assert!(!attributions.is_empty(), "{name}: the spans below are checked on its attributions");
        for a in attributions {
            let c = &a["content"];
            let (s, e) = (c["start"].as_u64().unwrap() as usize, c["end"].as_u64().unwrap() as usize);
            assert_eq!(chars[s..e].iter().collect::<String>(), c["text"].as_str().unwrap());
            let (bs, be) = (c["byte_start"].as_u64().unwrap() as usize, c["byte_end"].as_u64().unwrap() as usize);
            assert_eq!(&text[bs..be], c["text"].as_str().unwrap());
        }
    }
    // a wrong document is refused, and so is a span whose id breaks the schema's pattern
    assert!(!validator.is_valid(&serde_json::json!({"schema": "accord/2"})));
    let mut doc = serde_json::to_value(common::extract_fixture("harbour-strike.txt", Some("2024-03-14"))).unwrap();
    doc["attributions"][0]["id"] = serde_json::json!("quote one");
    assert!(!validator.is_valid(&doc), "an id that breaks the schema's pattern is refused");
}
