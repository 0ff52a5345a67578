//! Fuzzing on stable Rust: every parser that reads bytes from outside (the record decoder,
//! the CRM customer CSV import, the survey CSV import, the config and map files) and the key
//! handler get a stream of random and mutated inputs for a time budget, and must never panic or
//! abort; they may only return errors.
//!
//! Inputs are 1 in 4 random bytes, 3 in 4 mutations of a seed corpus (the committed fixtures and
//! real encoded records): byte flips, inserted and deleted runs, duplicated slices, and the
//! characters parsers trip on (quotes, commas, CR/LF, NUL, BOMs, long digit runs). Record bytes
//! are also resealed with a valid checksum, so mutations reach the payload decoder.
//!
//! `HEARBACK_FUZZ_SECS` is the budget per target: 2 s in CI (a smoke run); the published
//! 10-minute runs used `HEARBACK_FUZZ_SECS=600`. `HEARBACK_FUZZ_SEED` changes the stream. A panic
//! saves the input under target/fuzz-failures/ and names the file.

mod common;

use common::dashboard;
use common::rng::{Rng, env_number};
use hearback::core::policy::Policy;
use hearback::core::survey_import::{ImportContext, plan_survey_import};
use hearback::core::{
    ActionItem, Change, Customer, Draft, FollowUp, IdAllocator, Interview, QuestionSet, Snooze,
    Staff, TimelineEvent,
};
use hearback::io::customers_csv::parse_customers;
use hearback::io::survey_csv::parse_responses;
use hearback::io::survey_map::SurveyMap;
use hearback::store::codec;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Tokens that tend to reach unusual parser states.
const TOKENS: &[&[u8]] = &[
    b"\"",
    b",",
    b"\n",
    b"\r\n",
    b"\r",
    b"\0",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b";",
    b"\t",
    b"=",
    b"[",
    b"]",
    b"[[",
    b"'",
    b"\\",
    b"99999999999999999999",
    b"-1",
    b"1e309",
    b"NaN",
    b"\xc3",
    b"\xe2\x82\xac",
    b"0x",
    b"true",
    b"\"\"",
    b"{",
    b"}",
    b"#",
];

struct Fuzzer {
    rng: Rng,
    corpus: Vec<Vec<u8>>,
}

impl Fuzzer {
    fn below(&mut self, n: usize) -> usize {
        (self.rng.next() % n.max(1) as u64) as usize
    }

    fn input(&mut self) -> Vec<u8> {
        if self.corpus.is_empty() || self.below(4) == 0 {
            let len = self.below(512);
            return (0..len).map(|_| self.rng.next() as u8).collect();
        }
        let i = self.below(self.corpus.len());
        let mut v = self.corpus[i].clone();
        for _ in 0..=self.below(8) {
            self.mutate(&mut v);
        }
        v
    }

    fn mutate(&mut self, v: &mut Vec<u8>) {
        let at = self.below(v.len() + 1);
        match self.below(6) {
            0 if !v.is_empty() => {
                let i = at.min(v.len() - 1);
                v[i] ^= 1 << self.below(8);
            }
            1 => {
                let n = self.below(16);
                let bytes: Vec<u8> = (0..n).map(|_| self.rng.next() as u8).collect();
                v.splice(at..at, bytes);
            }
            2 if !v.is_empty() => {
                let end = (at + self.below(32)).min(v.len());
                v.drain(at.min(end)..end);
            }
            3 if !v.is_empty() => {
                let start = self.below(v.len());
                let end = (start + self.below(64)).min(v.len());
                let slice = v[start..end].to_vec();
                v.splice(at..at, slice);
            }
            4 => {
                let t = TOKENS[self.below(TOKENS.len())];
                v.splice(at..at, t.iter().copied());
            }
            _ => v.truncate(at),
        }
    }
}

/// Feeds `target` inputs for the budget; returns how many ran. A panic saves the input.
fn fuzz(name: &str, corpus: Vec<Vec<u8>>, target: impl Fn(&[u8])) -> u64 {
    let budget = Duration::from_secs(env_number("HEARBACK_FUZZ_SECS", 2));
    let seed = env_number("HEARBACK_FUZZ_SEED", 0xF0CC_AC1A);
    let mut f = Fuzzer {
        rng: Rng(seed ^ name.len() as u64),
        corpus,
    };
    let started = Instant::now();
    let mut runs = 0u64;
    // Keep the default hook quiet while we catch panics ourselves.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    while started.elapsed() < budget {
        let input = f.input();
        if catch_unwind(AssertUnwindSafe(|| target(&input))).is_err() {
            std::panic::set_hook(hook);
            let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuzz-failures");
            std::fs::create_dir_all(&dir).expect("creates the failures dir");
            let path = dir.join(format!("{name}-{runs}.bin"));
            std::fs::write(&path, &input).expect("saves the failing input");
            panic!(
                "{name}: panicked on input {} (seed {seed}, run {runs})",
                path.display()
            );
        }
        runs += 1;
    }
    std::panic::set_hook(hook);
    eprintln!(
        "fuzz {name}: {runs} inputs in {:.1} s, no panic",
        started.elapsed().as_secs_f64()
    );
    assert!(runs > 0, "{name}: the budget ran out before one input");
    runs
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("reads a fixture")
}

#[test]
fn record_decoder_never_panics() {
    let changes = dashboard::demo_changes(4, 1);
    let mut corpus = Vec::new();
    for c in changes.changes.iter().step_by(7).take(60) {
        let bytes = match c {
            Change::Customer(r) => codec::encode(r),
            Change::Interview(r) => codec::encode(r),
            Change::FollowUp(r) => codec::encode(r),
            Change::Action(r) => codec::encode(r),
            Change::Staff(r) => codec::encode(r),
            Change::Event(r) => codec::encode(r),
            _ => continue,
        };
        corpus.push(bytes.expect("encodes"));
    }
    let decode_all = |bytes: &[u8]| {
        let _ = codec::decode::<Customer>(bytes);
        let _ = codec::decode::<Interview>(bytes);
        let _ = codec::decode::<FollowUp>(bytes);
        let _ = codec::decode::<ActionItem>(bytes);
        let _ = codec::decode::<Staff>(bytes);
        let _ = codec::decode::<Snooze>(bytes);
        let _ = codec::decode::<TimelineEvent>(bytes);
        let _ = codec::decode::<Draft>(bytes);
    };
    fuzz("decoder", corpus, |bytes| {
        // As read from disk: almost every mutation stops at the envelope's checksum.
        decode_all(bytes);
        // Resealed: the mutated payload under a current version byte and a valid checksum,
        // so the bytes reach bincode and serde, as a bug that wrote bad bytes would.
        if bytes.len() > 5 {
            let mut sealed = vec![1u8];
            sealed.extend_from_slice(&bytes[1..bytes.len() - 4]);
            let crc = crc32fast::hash(&sealed);
            sealed.extend_from_slice(&crc.to_le_bytes());
            decode_all(&sealed);
        }
    });
}

#[test]
fn customer_csv_import_never_panics() {
    let corpus = [
        "hubspot_companies.csv",
        "messy.csv",
        "plain.csv",
        "salesforce_api.csv",
        "salesforce_report.csv",
        "zoho_accounts.csv",
    ]
    .iter()
    .map(|f| fixture(&format!("crm/{f}")))
    .collect();
    let existing = dashboard::demo_data();
    fuzz("customer_csv", corpus, |bytes| {
        if let Ok(parsed) = parse_customers(bytes, "USD") {
            let mut ids = IdAllocator::after(&existing).expect("room for ids");
            let _ = hearback::core::customer_import::plan_import(
                &existing,
                &parsed.rows,
                &mut ids,
                "fuzz",
                dashboard::now(),
            );
        }
    });
}

#[test]
fn survey_csv_import_never_panics() {
    let questions = QuestionSet::defaults();
    let policy = Policy::default();
    let data = dashboard::demo_data();
    let maps: Vec<SurveyMap> = ["qualtrics", "surveymonkey", "typeform"]
        .iter()
        .map(|t| {
            let text = String::from_utf8(fixture(&format!("surveys/{t}_map.toml"))).expect("utf-8");
            SurveyMap::from_toml(&text, &questions).expect("the shipped maps parse")
        })
        .collect();
    let corpus = ["qualtrics", "surveymonkey", "typeform"]
        .iter()
        .map(|t| fixture(&format!("surveys/{t}.csv")))
        .collect();
    fuzz("survey_csv", corpus, |bytes| {
        for map in &maps {
            if let Ok(parsed) = parse_responses(bytes, map) {
                let cx = ImportContext {
                    source: &parsed.source,
                    questions: &questions,
                    policy: &policy,
                    now: dashboard::now(),
                    actor: "fuzz",
                };
                let mut ids = IdAllocator::after(&data).expect("room for ids");
                let _ = plan_survey_import(&data, &parsed.responses, cx, &mut ids);
            }
        }
    });
}

#[test]
fn config_and_map_files_never_panic() {
    let questions = QuestionSet::defaults();
    let corpus = vec![
        include_bytes!("../assets/policy.toml").to_vec(),
        include_bytes!("../assets/questions.toml").to_vec(),
        fixture("surveys/qualtrics_map.toml"),
        fixture("surveys/typeform_map.toml"),
    ];
    fuzz("config", corpus, |bytes| {
        let text = String::from_utf8_lossy(bytes);
        let _ = Policy::from_toml(&text);
        let _ = QuestionSet::from_toml(&text);
        let _ = SurveyMap::from_toml(&text, &questions);
    });
}
