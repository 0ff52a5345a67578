//! Means of the scores given in a set of interviews: per question and over all answers.

use super::super::{Interview, QuestionSet};
use std::collections::BTreeMap;

/// Sum and count of the scores given.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Tally {
    sum: u32,
    /// How many scores.
    pub n: usize,
}

impl Tally {
    fn add(&mut self, score: u8) {
        self.sum = self.sum.saturating_add(u32::from(score));
        self.n += 1;
    }

    /// The mean, if anything was scored.
    pub fn mean(self) -> Option<f64> {
        (self.n > 0).then(|| f64::from(self.sum) / self.n as f64)
    }
}

/// The mean of every score given in `interviews` (each answer counts once).
pub(super) fn overall(interviews: &[&Interview]) -> Tally {
    let mut t = Tally::default();
    for s in interviews
        .iter()
        .flat_map(|i| &i.answers)
        .filter_map(|a| a.score)
    {
        t.add(s.get());
    }
    t
}

/// Tallies per question key.
pub(super) fn per_question<'a>(interviews: &[&'a Interview]) -> BTreeMap<&'a str, Tally> {
    let mut map: BTreeMap<&str, Tally> = BTreeMap::new();
    for a in interviews.iter().flat_map(|i| &i.answers) {
        if let Some(s) = a.score {
            map.entry(a.question_key.as_str()).or_default().add(s.get());
        }
    }
    map
}

/// The question keys to show: the question set's, in its order, then any other key answered in
/// either tally (questions since reworded or removed), in key order.
pub(super) fn keys<'a>(
    questions: &'a QuestionSet,
    tallies: &[&BTreeMap<&'a str, Tally>],
) -> Vec<&'a str> {
    let mut keys: Vec<&str> = questions.questions.iter().map(|q| q.key.as_str()).collect();
    for tally in tallies {
        for k in tally.keys() {
            if !keys.contains(k) {
                keys.push(k);
            }
        }
    }
    // The extra keys come from two maps, each sorted: sort the tail as a whole.
    let known = questions.questions.len().min(keys.len());
    if let Some(tail) = keys.get_mut(known..) {
        tail.sort_unstable();
    }
    keys
}
