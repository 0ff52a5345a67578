//! Scores and comments for one interview, following the customer's mood over time.

use super::comments::bank;
use super::names::SUPPORT_ENGINEERS;
use super::plan::Mood;
use super::rng::Rng;
use crate::core::{Answer, Individual, QuestionSet, Score};

/// The questions most low scores land on, and where remarks about individuals belong.
const SERVICE_QUESTIONS: [&str; 3] = ["responsiveness", "resolution", "delivery"];

/// The mood's typical score at an interview `pos` steps before the latest one (0 = latest).
fn level(mood: Mood, pos: u32) -> f64 {
    let steps = f64::from(pos);
    match mood {
        Mood::Steady => 4.6,
        Mood::Mixed => 4.05,
        Mood::Declining => (3.3 + 0.4 * steps).min(4.6),
        Mood::Improving => (4.5 - 0.4 * steps).max(3.0),
    }
}

/// How much harder customers mark each question than the overall one.
fn question_offset(key: &str) -> f64 {
    match key {
        "understanding" => -0.05,
        "responsiveness" => -0.2,
        "delivery" => -0.1,
        "resolution" => -0.25,
        "loyalty" => 0.1,
        _ => 0.0,
    }
}

/// What one interview needs to know to score itself.
pub(crate) struct Scoring {
    /// The customer's trend.
    pub mood: Mood,
    /// The customer's personal generosity.
    pub lift: f64,
    /// Interviews between this one and the latest (0 = latest).
    pub pos: u32,
    /// An imported survey: terser comments.
    pub survey: bool,
    /// The lowest score this interview must show.
    pub forced_low: Option<u8>,
}

/// Six answers (one per question), scored and commented.
pub(crate) fn answers(questions: &QuestionSet, scoring: &Scoring, rng: &mut Rng) -> Vec<Answer> {
    let base = level(scoring.mood, scoring.pos) + scoring.lift;
    let mut scores: Vec<u8> = questions
        .questions
        .iter()
        .map(|q| {
            let noise = (rng.unit() + rng.unit() - 1.0) * 0.8;
            let shock = if rng.chance(0.02) { 1.5 } else { 0.0 };
            let x = base + question_offset(&q.key) + noise - shock;
            x.round().clamp(1.0, 5.0) as u8
        })
        .collect();

    // A forced low score lands on a service question where there is one, and nothing else
    // goes below it, so the follow-up severity is exactly what the story needs.
    let mut individual_at = None;
    if let Some(low) = scoring.forced_low {
        let service: Vec<usize> = (0..questions.questions.len())
            .filter(|&i| SERVICE_QUESTIONS.contains(&questions.questions[i].key.as_str()))
            .collect();
        let target = match rng.choose(&service) {
            Some(&i) => Some(i),
            None => (!scores.is_empty()).then(|| rng.index(scores.len())),
        };
        if let Some(t) = target {
            for s in scores.iter_mut() {
                *s = (*s).max(low);
            }
            scores[t] = low;
            if low <= 2 {
                individual_at = Some(t);
            }
        }
    }

    questions
        .questions
        .iter()
        .zip(scores)
        .enumerate()
        .map(|(i, (q, value))| {
            let (comment, about_individual) =
                comment(&q.key, value, scoring.survey, individual_at == Some(i), rng);
            Answer {
                question_key: q.key.clone(),
                question: q.text.clone(),
                score: Score::new(value),
                comment,
                individual: if about_individual {
                    Individual::Private
                } else {
                    Individual::No
                },
            }
        })
        .collect()
}

/// A comment fitting the question and score, and whether it is about one of our people.
fn comment(key: &str, score: u8, survey: bool, individual: bool, rng: &mut Rng) -> (String, bool) {
    let b = bank(key);
    let silent = match score {
        5 if survey => 0.5,
        5 => 0.2,
        4 if survey => 0.4,
        4 => 0.1,
        _ => 0.0,
    };
    if rng.chance(silent) {
        return (String::new(), false);
    }
    match score {
        4.. => (rng.pick(b.positive).to_string(), false),
        3 => (rng.pick(b.mixed).to_string(), false),
        _ => {
            let about = !b.about_individual.is_empty() && (individual || rng.chance(0.15));
            if about {
                let name = rng.pick(SUPPORT_ENGINEERS);
                (rng.pick(b.about_individual).replace("{name}", name), true)
            } else {
                (rng.pick(b.negative).to_string(), false)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scoring(mood: Mood, pos: u32, forced_low: Option<u8>) -> Scoring {
        Scoring {
            mood,
            lift: 0.0,
            pos,
            survey: false,
            forced_low,
        }
    }

    #[test]
    fn forced_lows_set_the_lowest_score_exactly() {
        let questions = QuestionSet::defaults();
        for seed in 0..200 {
            let mut rng = Rng::new(seed);
            for low in [1, 2, 3] {
                let a = answers(&questions, &scoring(Mood::Steady, 0, Some(low)), &mut rng);
                let lowest = a.iter().filter_map(|a| a.score).min().map(Score::get);
                assert_eq!(lowest, Some(low));
                assert_eq!(a.iter().any(|a| a.individual.is_flagged()), low <= 2);
            }
        }
    }

    #[test]
    fn moods_shape_the_scores() {
        let questions = QuestionSet::defaults();
        let mean = |mood, pos| {
            let mut rng = Rng::new(4);
            let all: Vec<u8> = (0..300)
                .flat_map(|_| answers(&questions, &scoring(mood, pos, None), &mut rng))
                .filter_map(|a| a.score.map(Score::get))
                .collect();
            all.iter().map(|&s| f64::from(s)).sum::<f64>() / all.len() as f64
        };
        assert!(mean(Mood::Steady, 0) > 4.1);
        assert!(mean(Mood::Declining, 0) < 3.5);
        assert!(mean(Mood::Declining, 3) > 4.0);
        assert!(mean(Mood::Improving, 3) < mean(Mood::Improving, 0));
    }

    #[test]
    fn low_scores_always_explain_themselves() {
        let mut rng = Rng::new(8);
        for score in 1..=3 {
            for _ in 0..50 {
                let (text, _) = comment("delivery", score, true, false, &mut rng);
                assert!(!text.is_empty());
            }
        }
        let (text, flagged) = comment("resolution", 1, false, true, &mut rng);
        assert!(flagged && !text.contains("{name}"), "{text}");
    }
}
