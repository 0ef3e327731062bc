use super::*;
use accord_doc::{Doc, Meta, TokenKind};

fn toks(text: &str) -> Vec<String> {
    let mut d = Doc::new(text, Meta::default());
    segment(&mut d);
    d.tokens.iter().map(|t| t.span.slice(&d.text).to_string()).collect()
}

fn sents(text: &str) -> Vec<String> {
    let mut d = Doc::new(text, Meta::default());
    segment(&mut d);
    d.sentences.iter().map(|s| s.span.slice(&d.text).to_string()).collect()
}

#[test]
fn news_punctuation() {
    assert_eq!(
        toks("Ms Leavitt’s “talks” in the U.S. on Oct. 7th, 2023 — the Israel-Hamas war, don't."),
        vec![
            "Ms", "Leavitt", "’s", "“", "talks", "”", "in", "the", "U.S.", "on", "Oct.", "7th", ",", "2023", "—",
            "the", "Israel", "-", "Hamas", "war", ",", "do", "n't", "."
        ]
    );
    assert_eq!(
        toks("Dr. Smith (R-Texas) said: \"No.\""),
        vec!["Dr.", "Smith", "(", "R", "-", "Texas", ")", "said", ":", "\"", "No", ".", "\""]
    );
    assert_eq!(
        toks("a non-stop, 1,200-strong 3.5% rise"),
        vec!["a", "non-stop", ",", "1,200", "-", "strong", "3.5", "%", "rise"]
    );
    assert_eq!(toks("Photograph: Alex Brandon/AP."), vec!["Photograph", ":", "Alex", "Brandon", "/", "AP", "."]);
    assert_eq!(toks("the officials’ plan..."), vec!["the", "officials", "’", "plan", "..."]);
    assert_eq!(toks("We cannot wait. Cannot"), vec!["We", "can", "not", "wait", ".", "Can", "not"]);
}

#[test]
fn quotes_are_typed_and_normalised() {
    let mut d = Doc::new("“Yes,” he said. \"No\" 'maybe'", Meta::default());
    segment(&mut d);
    let kinds: Vec<_> = d.tokens.iter().map(|t| t.kind).collect();
    assert_eq!(kinds[0], TokenKind::OpenQuote);
    assert_eq!(kinds[3], TokenKind::CloseQuote);
    assert_eq!(d.token_norm(0), "\"");
    let straight: Vec<_> = d.tokens.iter().filter(|t| d.slice(t.span) == "\"").map(|t| t.kind).collect();
    assert_eq!(straight, vec![TokenKind::OpenQuote, TokenKind::CloseQuote]);
}

#[test]
fn sentence_boundaries() {
    assert_eq!(
        sents("Mr. Smith went to Washington. He met Gen. Jones on Oct. 7. “It went well,” he said. The U.S. The end"),
        vec![
            "Mr. Smith went to Washington.",
            "He met Gen. Jones on Oct. 7.",
            "“It went well,” he said.",
            "The U.S.",
            "The end"
        ]
    );
    assert_eq!(sents("It ended. -AP/Reuters"), vec!["It ended.", "-AP/Reuters"]);
    assert_eq!(sents("He said “Stop.” Then he left."), vec!["He said “Stop.”", "Then he left."]);
    assert_eq!(sents("The U.S. economy grew."), vec!["The U.S. economy grew."]);
}

#[test]
fn paragraphs_and_offsets() {
    let text = "Title line\n\nFirst para. Still first.\n \nSecond “para”.";
    let mut d = Doc::new(text, Meta::default());
    segment(&mut d);
    let ps: Vec<_> = d.paragraphs.iter().map(|p| d.slice(*p)).collect();
    assert_eq!(ps, vec!["Title line", "First para. Still first.", "Second “para”."]);
    assert_eq!(d.sentences.len(), 4);
    assert_eq!(d.sentences[3].paragraph, 2);
    for t in &d.tokens {
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
    }
}

#[test]
fn odd_input_never_panics() {
    for s in [
        "",
        " ",
        "\n\n\n",
        "“",
        "”’",
        "...",
        "a.",
        ".a",
        "--",
        "-",
        "U.",
        "’s",
        "'",
        "\"\"\"",
        "—a—",
        "x/",
        "/x",
        "$",
        "5-",
        "ﬁ…’",
    ] {
        let mut d = Doc::new(s, Meta::default());
        segment(&mut d);
        for t in &d.tokens {
            assert!(t.span.start < t.span.end && t.span.end <= s.len());
        }
    }
}

#[test]
fn a_closing_mark_opening_a_paragraph_opens_a_quote() {
    let mut d = Doc::new("Intro.\n\n”We will win.” ― Ana Ruiz", Meta::default());
    segment(&mut d);
    let marks: Vec<_> = d
        .tokens
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::OpenQuote | TokenKind::CloseQuote))
        .map(|t| t.kind)
        .collect();
    assert_eq!(marks, vec![TokenKind::OpenQuote, TokenKind::CloseQuote]);
    assert_eq!(d.token_norm(2), "\"");
}

#[test]
fn runs_without_sentence_ends_are_cut_at_clause_boundaries() {
    // 40 clauses of 10 words with commas, one with a semicolon, no sentence end anywhere
    let mut text = String::new();
    for i in 0..40 {
        let sep = if i == 17 { ";" } else { "," };
        text.push_str(&format!("the committee met again on day {i} of the long talks{sep} "));
    }
    text.push_str("and it ended");
    let mut d = Doc::new(text.as_str(), Meta::default());
    segment(&mut d);
    assert!(d.sentences.len() >= 2, "{} sentences", d.sentences.len());
    // every token in exactly one sentence, in order, none longer than the bound
    let mut next = 0;
    for (si, s) in d.sentences.iter().enumerate() {
        assert_eq!(s.tokens.start, next);
        assert!(s.tokens.len() <= MAX_SENTENCE_TOKENS, "sentence {si}: {} tokens", s.tokens.len());
        assert!(d.tokens[s.tokens.clone()].iter().all(|t| t.sentence == si));
        next = s.tokens.end;
    }
    assert_eq!(next, d.tokens.len());
    // the first cut is at the semicolon (the strongest boundary in reach), later ones after a comma
    assert!(d.slice(d.sentences[0].span).ends_with("day 17 of the long talks;"), "{}", d.slice(d.sentences[0].span));
    for s in &d.sentences[..d.sentences.len() - 1] {
        assert!(d.slice(s.span).ends_with([',', ';']), "{}", d.slice(s.span));
    }
    // ordinary sentences are untouched
    assert_eq!(sents("He said so, and left. She stayed."), vec!["He said so, and left.", "She stayed."]);
}

#[test]
fn a_run_without_any_boundary_is_cut_at_the_bound() {
    let text = "word ".repeat(3 * MAX_SENTENCE_TOKENS);
    let mut d = Doc::new(text.trim_end(), Meta::default());
    segment(&mut d);
    let lens: Vec<usize> = d.sentences.iter().map(|s| s.tokens.len()).collect();
    assert_eq!(lens, vec![MAX_SENTENCE_TOKENS; 3]);
}

#[test]
fn a_datelines_outlet_after_an_abbreviated_place_stays_in_its_sentence() {
    // "PLACE, ST. (CALL) - ...": the bracketed call letters and the dash belong to the dateline
    assert_eq!(
        sents("NORTH PORTO, FLA. (WXYZ) - A crash closed the bridge, police said. Nobody was hurt."),
        vec!["NORTH PORTO, FLA. (WXYZ) - A crash closed the bridge, police said.", "Nobody was hurt."]
    );
    // an ordinary bracket after a sentence still opens the next one
    assert_eq!(sents("He left. (The talks ended.)").len(), 2);
}
