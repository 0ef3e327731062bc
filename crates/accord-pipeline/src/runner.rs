//! The streaming runner: analyses a stream of articles in batches on all cores and hands the results
//! back in input order — the loop shared by `accord extract`, `accord ingest` and library callers.
//!
//! * Articles are read lazily from an iterator and gathered into batches for
//!   [`Pipeline::process_batch`] (each closed at [`BATCH_DOCS`] articles, or earlier at [`BATCH_BYTES`]
//!   of text); one batch per core is analysed at a time, so memory stays bounded on endless input.
//! * A per-article `map` (rendering, `to_output`) runs on the same worker right after the analysis.
//! * Results come back group by group, every article in input order, to a `sink` that runs while the
//!   next group is analysed (storing or writing overlaps analysis).
//! * A batch that panics is redone article by article, so only the failing article is reported
//!   ([`Outcome::Failed`], with its id) and the others come out; an input error ([`Outcome::Input`])
//!   comes back in its place, after everything read before it. Nothing stops the run but the sink.

use crate::{Pipeline, RawDoc, BATCH_BYTES, BATCH_DOCS};
use accord_doc::Doc;
use rayon::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// What became of one input, in input order.
#[derive(Debug)]
pub enum Outcome<U, T, E> {
    /// The article was analysed; `value` is what `map` made of it, `tag` what came with it.
    Done {
        /// `map`'s result.
        value: U,
        /// The caller's data for this article.
        tag: T,
    },
    /// The analysis (or `map`) panicked on this article; the others of its batch still came out.
    Failed {
        /// The article's id ([`accord_doc::Meta::id`]).
        id: String,
        /// The caller's data for this article.
        tag: T,
    },
    /// The article was over its size or time budget ([`crate::budget`]) and was skipped.
    Skipped {
        /// Which budget, and the article's id.
        reason: crate::budget::OverBudget,
        /// The caller's data for this article.
        tag: T,
    },
    /// The input iterator yielded an error here.
    Input(E),
}

/// Runs a [`Pipeline`] over a stream of articles; see the module documentation.
#[derive(Clone, Copy)]
pub struct Runner<'p> {
    pipeline: &'p Pipeline,
    batch_docs: usize,
    group_docs: usize,
    threads: usize,
    budget: crate::budget::Budget,
}

impl<'p> Runner<'p> {
    /// A runner with batches of [`BATCH_DOCS`] articles, one per core ([`rayon::current_num_threads`])
    /// analysed at a time.
    pub fn new(pipeline: &'p Pipeline) -> Runner<'p> {
        Runner {
            pipeline,
            batch_docs: BATCH_DOCS,
            group_docs: usize::MAX,
            threads: rayon::current_num_threads(),
            budget: crate::budget::Budget::default(),
        }
    }

    /// The size and time budget per article (default [`crate::budget::Budget::default`]): an article over
    /// it comes out as [`Outcome::Skipped`] and its neighbours are analysed as usual.
    pub fn budget(mut self, budget: crate::budget::Budget) -> Runner<'p> {
        self.budget = budget;
        self
    }

    /// Hands results to the sink at least every `n` articles (the batches are made small enough that
    /// every core still gets one). `accord ingest` uses this for its transaction size.
    pub fn group_docs(mut self, n: usize) -> Runner<'p> {
        let n = n.max(1);
        self.group_docs = n;
        self.batch_docs = BATCH_DOCS.min(n.div_ceil(self.threads)).max(1);
        self
    }

    /// Runs over `input`: each item is an article with the caller's data, or an input error. `map` turns
    /// each analysed article into what the sink receives (it runs on the worker threads); `sink` gets the
    /// outcomes group by group in input order, and its error stops the run.
    pub fn run<T, E, U, X>(
        &self,
        input: impl IntoIterator<Item = Result<(RawDoc, T), E>>,
        map: impl Fn(Doc, &T) -> U + Sync,
        mut sink: impl FnMut(Vec<Outcome<U, T, E>>) -> Result<(), X> + Send,
    ) -> Result<(), X>
    where
        T: Send,
        E: Send,
        U: Send,
        X: Send,
    {
        let mut pending = Pending::<T>::new(self.batch_docs);
        // results of the last group, handed to the sink while the next one is analysed
        let mut ready: Vec<Outcome<U, T, E>> = Vec::new();
        for item in input {
            match item {
                Ok((raw, tag)) => {
                    pending.push(raw, tag);
                    if pending.batches.len() >= self.threads || pending.docs >= self.group_docs {
                        pending.close();
                        let batches = std::mem::take(&mut pending.batches);
                        pending.docs = 0;
                        let prev = std::mem::take(&mut ready);
                        let (done, sunk) =
                            rayon::join(|| self.analyse(batches, &map), || sink_nonempty(&mut sink, prev));
                        sunk?;
                        ready = done;
                    }
                }
                Err(e) => {
                    // what was read before the error comes out before it
                    pending.close();
                    let batches = std::mem::take(&mut pending.batches);
                    pending.docs = 0;
                    let prev = std::mem::take(&mut ready);
                    let (mut done, sunk) =
                        rayon::join(|| self.analyse(batches, &map), || sink_nonempty(&mut sink, prev));
                    sunk?;
                    done.push(Outcome::Input(e));
                    ready = done;
                }
            }
        }
        pending.close();
        let batches = std::mem::take(&mut pending.batches);
        let prev = std::mem::take(&mut ready);
        let (done, sunk) = rayon::join(|| self.analyse(batches, &map), || sink_nonempty(&mut sink, prev));
        sunk?;
        sink_nonempty(&mut sink, done)
    }

    /// Analyses the batches side by side; outcomes in input order.
    fn analyse<T: Send, E: Send, U: Send>(
        &self,
        batches: Vec<Vec<(RawDoc, T)>>,
        map: &(impl Fn(Doc, &T) -> U + Sync),
    ) -> Vec<Outcome<U, T, E>> {
        if batches.is_empty() {
            return Vec::new();
        }
        let (pipeline, budget) = (self.pipeline, &self.budget);
        batches
            .into_par_iter()
            .map(|batch| {
                let (raws, tags): (Vec<RawDoc>, Vec<T>) = batch.into_iter().unzip();
                let together = catch_unwind(AssertUnwindSafe(|| {
                    crate::budget::process_batch(pipeline, raws.clone(), budget)
                        .into_iter()
                        .zip(&tags)
                        .map(|(d, t)| d.map(|d| map(d, t)))
                        .collect::<Vec<_>>()
                }));
                match together {
                    Ok(values) => values
                        .into_iter()
                        .zip(tags)
                        .map(|(value, tag)| match value {
                            Ok(value) => Outcome::Done { value, tag },
                            Err(reason) => Outcome::Skipped { reason, tag },
                        })
                        .collect(),
                    // redo the batch one article at a time to find the culprit
                    Err(_) => raws
                        .into_iter()
                        .zip(tags)
                        .map(|(raw, tag)| {
                            let id = raw.meta.id.clone();
                            let analysed = catch_unwind(AssertUnwindSafe(|| {
                                let r = crate::budget::process_batch(pipeline, vec![raw], budget);
                                r.into_iter().next().expect("one in, one out").map(|d| map(d, &tag))
                            }));
                            match analysed {
                                Ok(Ok(value)) => Outcome::Done { value, tag },
                                Ok(Err(reason)) => Outcome::Skipped { reason, tag },
                                Err(_) => Outcome::Failed { id, tag },
                            }
                        })
                        .collect::<Vec<_>>(),
                }
            })
            .collect::<Vec<_>>()
            .into_iter()
            .flatten()
            .collect()
    }
}

fn sink_nonempty<O, X>(sink: &mut impl FnMut(Vec<O>) -> Result<(), X>, group: Vec<O>) -> Result<(), X> {
    if group.is_empty() {
        Ok(())
    } else {
        sink(group)
    }
}

/// Articles read and not analysed yet: closed batches, and the batch being filled.
struct Pending<T> {
    batches: Vec<Vec<(RawDoc, T)>>,
    current: Vec<(RawDoc, T)>,
    bytes: usize,
    docs: usize,
    batch_docs: usize,
}

impl<T> Pending<T> {
    fn new(batch_docs: usize) -> Pending<T> {
        Pending { batches: Vec::new(), current: Vec::new(), bytes: 0, docs: 0, batch_docs }
    }

    fn push(&mut self, raw: RawDoc, tag: T) {
        self.bytes += raw.text.len();
        self.docs += 1;
        self.current.push((raw, tag));
        if self.current.len() >= self.batch_docs || self.bytes >= BATCH_BYTES {
            self.close();
        }
    }

    fn close(&mut self) {
        if !self.current.is_empty() {
            self.batches.push(std::mem::take(&mut self.current));
        }
        self.bytes = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(id: usize) -> RawDoc {
        RawDoc {
            text: format!("Article {id} says hello."),
            meta: accord_doc::Meta { id: format!("a{id}"), ..Default::default() },
        }
    }

    /// A pipeline that only builds documents (no models), so the runner itself is what is tested.
    fn bare() -> Pipeline {
        Pipeline::new(crate::Options::only(&[])).unwrap()
    }

    #[test]
    fn order_is_kept_errors_come_in_place_and_a_panic_names_its_article() {
        let p = bare();
        let input: Vec<Result<(RawDoc, usize), String>> =
            (0..150).map(|i| if i == 70 { Err(format!("bad input {i}")) } else { Ok((raw(i), i)) }).collect();
        let mut seen: Vec<String> = Vec::new();
        let mut groups = 0;
        let res: Result<(), ()> = Runner::new(&p).group_docs(16).run(
            input,
            |doc, &i| {
                if i == 99 {
                    panic!("test panic on article {i}");
                }
                doc.meta.id.clone()
            },
            |group| {
                groups += 1;
                assert!(group.len() <= 17, "groups are bounded: {}", group.len());
                for o in group {
                    seen.push(match o {
                        Outcome::Done { value, tag } => {
                            assert_eq!(value, format!("a{tag}"));
                            value
                        }
                        Outcome::Failed { id, .. } => format!("failed {id}"),
                        Outcome::Skipped { reason, .. } => format!("skipped {reason}"),
                        Outcome::Input(e) => e,
                    });
                }
                Ok(())
            },
        );
        res.unwrap();
        let want: Vec<String> = (0..150)
            .map(|i| match i {
                70 => "bad input 70".to_string(),
                99 => "failed a99".to_string(),
                _ => format!("a{i}"),
            })
            .collect();
        assert_eq!(seen, want);
        assert!(groups >= 150 / 16, "{groups} groups");
    }

    #[test]
    fn the_sink_error_stops_the_run() {
        let p = bare();
        let input = (0..100).map(|i| Ok::<_, ()>((raw(i), ())));
        let mut calls = 0;
        let r = Runner::new(&p).group_docs(8).run(
            input,
            |_, _| (),
            |_| {
                calls += 1;
                Err("disk full")
            },
        );
        assert_eq!(r, Err("disk full"));
        assert_eq!(calls, 1);
    }
}
