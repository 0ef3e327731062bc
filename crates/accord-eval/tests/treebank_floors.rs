//! The accuracy floors on the UD dev sets, measured as `accord eval --treebank` measures them
//! (read from `../shared`; skipped with a printed reason where it is missing, failing under `CI=true`).
//! Speed is measured by `accord bench`, not here.

mod common;

#[test]
fn ewt_dev_tags_and_dependencies_meet_the_floors() {
    let Some(shared) = common::shared(&["data/treebanks/UD_English-EWT"]) else { return };
    let r =
        accord_eval::treebank::evaluate(&shared.join("data/treebanks/UD_English-EWT/en_ewt-ud-dev.conllu")).unwrap();
    let s = &r.scores;
    assert!(s.pct(s.upos) >= 95.0, "EWT dev UPOS {:.2}", s.pct(s.upos));
    assert!(s.pct(s.uas) >= 85.0, "EWT dev UAS {:.2}", s.pct(s.uas));
    assert!(s.pct(s.las) >= 80.0, "EWT dev LAS {:.2}", s.pct(s.las));
    assert!(r.boundaries.f1() >= 0.85, "EWT dev sentence F1 {:.3}", r.boundaries.f1());
    assert!(r.coref.is_none(), "EWT has no entity annotation");
}

#[test]
fn gum_dev_tags_names_and_coreference_meet_the_floors() {
    let Some(shared) = common::shared(&["data/treebanks/UD_English-GUM"]) else { return };
    let r =
        accord_eval::treebank::evaluate(&shared.join("data/treebanks/UD_English-GUM/en_gum-ud-dev.conllu")).unwrap();
    let s = &r.scores;
    assert!(s.pct(s.upos) >= 95.0, "GUM dev UPOS {:.2}", s.pct(s.upos));
    assert!(s.pct(s.las) >= 80.0, "GUM dev LAS {:.2}", s.pct(s.las));
    let names = s.entity_micro().f1();
    assert!(names >= 0.75, "GUM dev names micro F1 {names:.3}");
    let news = r.coref_news.as_ref().unwrap();
    assert!(news.pronouns >= 50, "news and interview pronouns found: {}", news.pronouns);
    assert!(
        news.pronoun_accuracy() >= 0.70,
        "pronoun antecedent accuracy on news and interview {:.3}",
        news.pronoun_accuracy()
    );
    let all = r.coref.as_ref().unwrap();
    assert!(all.nominal_accuracy() >= 0.15, "definite nominal antecedent accuracy {:.3}", all.nominal_accuracy());
}
