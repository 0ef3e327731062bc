//! The word lists of the attribution rules, read from `data/attribution_words.tsv` (compiled in).

use std::collections::HashMap;
use std::sync::OnceLock;

/// Every list of `data/attribution_words.tsv`.
#[derive(Debug)]
pub struct Words {
    /// Words that may open a sentence before its subject ("But X said ...").
    pub openers: Vec<&'static str>,
    /// Lower-case nouns that head an acting group or organisation ("the newspaper", "critics").
    pub actor_nouns: Vec<&'static str>,
    /// Prepositions that introduce what a noun is about ("questions about", "criticism of").
    pub noun_cases: Vec<&'static str>,
    /// Auxiliaries that belong to a cue ("has said", "would add").
    pub auxiliaries: Vec<&'static str>,
    /// Words that open a subject-less coordinated verb phrase (", but declined to elaborate").
    pub vp_starters: Vec<&'static str>,
    /// Words that open an adverbial rather than a clause ("In a statement, X said"; "said in a report").
    pub prepositions: Vec<&'static str>,
    /// Finite verb forms that mark a clause when no tagger ran.
    pub finite_hints: Vec<&'static str>,
    /// Determiners that may open a speaker phrase ("the", "another").
    pub determiners: Vec<&'static str>,
    /// Lower-case modifiers inside speaker phrases ("senior", "former", "unnamed").
    pub np_adjectives: Vec<&'static str>,
    /// Personal pronouns that can be speakers.
    pub subject_pronouns: Vec<&'static str>,
    /// Indefinite pronouns that head an unnamed source ("said someone at the meeting").
    pub indefinite_sources: Vec<&'static str>,
    /// Adverbs (and auxiliaries) that may sit between a speaker and its cue ("also said", "had earlier said").
    pub adverbs: Vec<&'static str>,
    /// Nouns for the office of a person ("X's office", "X's campaign"): the speaker is an organisation.
    pub office_nouns: Vec<&'static str>,
    /// Office nouns named after a person's surname ("X's campaign" is the X campaign); the others are
    /// "Office of X".
    pub surname_offices: Vec<&'static str>,
    /// Nouns of documents that speak for their author ("a Government Accountability Office report").
    pub document_nouns: Vec<&'static str>,
    /// Messages someone sends or issues ("an email", "a response"): like documents, they speak for whoever
    /// sent them, in "X sent an email saying ...".
    pub message_nouns: Vec<&'static str>,
    /// Lemmas of verbs of sending or issuing ("send", "issue", "release"): the verbs whose object a
    /// message noun must be.
    pub issuing_verbs: Vec<&'static str>,
    /// Reporting phrases of several words (written joined by `_`: "made_it_clear"), as their words: cues as
    /// a whole.
    pub phrase_cues: Vec<Vec<&'static str>>,
    /// Time adverbials that may follow a speaker's name (written joined by `_`: "in_the_past"), as their
    /// words: when something was said, not who said it.
    pub time_adverbials: Vec<Vec<&'static str>>,
    /// Verbs that are cues only with a document noun as subject ("the statement read").
    pub document_verbs: Vec<&'static str>,
    /// Verb forms whose object is whom the content was told to ("told Variety: ..."), never the speaker.
    pub addressee_verbs: Vec<&'static str>,
    /// Verbs of refusal ("declined to comment"): a cue after them reports nothing.
    pub refusals: Vec<&'static str>,
    /// Words of an act not done before `to` and a cue ("has yet to comment", "failed to say").
    pub unfulfilled: Vec<&'static str>,
    /// Negation words before a cue ("did not say").
    pub negations: Vec<&'static str>,
    /// Verbs of answering a request ("did not respond to a request for comment").
    pub answer_verbs: Vec<&'static str>,
    /// Verbs of a scoop ("was the first to report on ...").
    pub scoop_verbs: Vec<&'static str>,
    /// Words opening an open question ("how", "whether") after a negated cue.
    pub open_questions: Vec<&'static str>,
    /// Verbs of a source's terms ("asked not to be named", "spoke on condition of anonymity").
    pub anonymity_cues: Vec<&'static str>,
    /// Words of those terms ("anonymous", "named", "withheld").
    pub anonymity_marks: Vec<&'static str>,
    /// Fixed expressions with a speech verb that report no speech ("that said"), words joined by `_`.
    pub discourse_idioms: Vec<&'static str>,
    /// Prepositions that attach a post-modifier to an unnamed source ("a spokesperson for X").
    pub source_links: Vec<&'static str>,
    /// Words of a phrase that is no affiliation after a source ("in a statement", "on Monday").
    pub not_affiliations: Vec<&'static str>,
    /// Lemmas of raising verbs of appearance ("seem", "appear"): the clause they raise is an evidential
    /// stance, attributed with no named source.
    pub evidential_verbs: Vec<&'static str>,
    /// Last words of organisations that are bodies of people, which news text calls "they"
    /// ("the Security Council ... they").
    pub collective_nouns: Vec<&'static str>,
    /// Subordinators that open an adverbial clause put before its main clause ("When X took office, he
    /// ...").
    pub subordinators: Vec<&'static str>,
    /// Source nouns that refer back to any unnamed source before them ("A Western diplomat said ... the
    /// source said").
    pub generic_sources: Vec<&'static str>,
}

/// The lists, parsed once.
pub fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        let mut lists: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
        for line in crate::file("attribution_words.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (name, items) = line.split_once('\t').unwrap_or((line, ""));
            lists.insert(name, items.split(' ').filter(|w| !w.is_empty()).collect());
        }
        let mut get =
            |name: &str| lists.remove(name).unwrap_or_else(|| panic!("data/attribution_words.tsv has no list {name}"));
        Words {
            openers: get("openers"),
            actor_nouns: get("actor_nouns"),
            noun_cases: get("noun_cases"),
            auxiliaries: get("auxiliaries"),
            vp_starters: get("vp_starters"),
            prepositions: get("prepositions"),
            finite_hints: get("finite_hints"),
            determiners: get("determiners"),
            np_adjectives: get("np_adjectives"),
            subject_pronouns: get("subject_pronouns"),
            indefinite_sources: get("indefinite_sources"),
            adverbs: get("adverbs"),
            office_nouns: get("office_nouns"),
            surname_offices: get("surname_offices"),
            document_nouns: get("document_nouns"),
            message_nouns: get("message_nouns"),
            issuing_verbs: get("issuing_verbs"),
            document_verbs: get("document_verbs"),
            addressee_verbs: get("addressee_verbs"),
            phrase_cues: get("phrase_cues").into_iter().map(|p| p.split('_').collect()).collect(),
            time_adverbials: get("time_adverbials").into_iter().map(|p| p.split('_').collect()).collect(),
            refusals: get("refusals"),
            unfulfilled: get("unfulfilled"),
            negations: get("negations"),
            open_questions: get("open_questions"),
            answer_verbs: get("answer_verbs"),
            scoop_verbs: get("scoop_verbs"),
            anonymity_cues: get("anonymity_cues"),
            anonymity_marks: get("anonymity_marks"),
            discourse_idioms: get("discourse_idioms"),
            source_links: get("source_links"),
            not_affiliations: get("not_affiliations"),
            evidential_verbs: get("evidential_verbs"),
            collective_nouns: get("collective_nouns"),
            subordinators: get("subordinators"),
            generic_sources: get("generic_sources"),
        }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_list_loads_and_is_not_empty() {
        let w = super::words();
        assert!(w.auxiliaries.contains(&"has") && w.openers.contains(&",") && w.finite_hints.contains(&"'s"));
        assert!(!w.actor_nouns.is_empty() && !w.office_nouns.is_empty() && !w.noun_cases.is_empty());
    }
}
