//! The README's flow diagram and every crate doc that names the order of the stages agree with the
//! registry the pipeline runs ([`accord_pipeline::REGISTRY`]).

use accord_pipeline::REGISTRY;

fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The stage names in `text`, in the order they first appear, counting only whole words.
fn stage_names_in(text: &str) -> Vec<&'static str> {
    let mut found: Vec<(usize, &'static str)> = Vec::new();
    for s in REGISTRY {
        let mut from = 0;
        while let Some(i) = text[from..].find(s.name) {
            let at = from + i;
            let before = text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric() && c != '_' && c != '-');
            let after = text[at + s.name.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric() && c != '_');
            if before && after {
                found.push((at, s.name));
                break;
            }
            from = at + s.name.len();
        }
    }
    found.sort();
    found.into_iter().map(|(_, n)| n).collect()
}

#[test]
fn the_readme_flow_diagram_lists_every_stage_in_registry_order() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme.find("bytes ─ingest─▶").expect("README has the flow diagram");
    let end = start + readme[start..].find("```").expect("the diagram's code block ends");
    let diagram = &readme[start..end];
    // the stage names are the labels on the arrows: ─name─▶
    let arrows: Vec<&str> =
        diagram.split('─').collect::<Vec<_>>().windows(2).filter(|w| w[1].starts_with('▶')).map(|w| w[0]).collect();
    // a label is one word; "─▶ accord/1 JSON" (no label) and the layer lists between arrows are not labels
    let stages: Vec<&str> =
        arrows.into_iter().filter(|a| *a != "ingest" && !a.is_empty() && !a.contains([' ', '▶', '\n'])).collect();
    let registry: Vec<&str> = REGISTRY.iter().map(|s| s.name).collect();
    assert_eq!(stages, registry, "README flow diagram");
}

#[test]
fn crate_docs_name_the_stages_in_registry_order() {
    let registry: Vec<&str> = REGISTRY.iter().map(|s| s.name).collect();
    let mut checked = 0;
    for entry in std::fs::read_dir(root().join("crates")).unwrap() {
        let lib = entry.unwrap().path().join("src/lib.rs");
        let Ok(src) = std::fs::read_to_string(&lib) else { continue };
        let doc: String = src.lines().filter_map(|l| l.strip_prefix("//!")).collect::<Vec<_>>().join("\n");
        let Some(at) = doc.find("Position in the flow:") else { continue };
        // the sentence that gives the position
        let para = &doc[at..];
        let para = &para[..para.find(".\n").or_else(|| para.find("\n\n")).unwrap_or(para.len())];
        let names = stage_names_in(para);
        if names.len() < 2 {
            continue;
        }
        let positions: Vec<usize> = names.iter().map(|n| registry.iter().position(|r| r == n).unwrap()).collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "{}: {names:?} is not in the order {registry:?}",
            lib.display()
        );
        checked += 1;
    }
    assert!(checked >= 4, "only {checked} crate docs name the order");
}
