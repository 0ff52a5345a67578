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
//! saves the input under target/fuzz-failures/ and names the file. The machinery is in
//! tests/common/fuzzer.rs; tests/it/fuzz_bounds.rs holds the backup, date and policy targets.

use crate::common;

use common::dashboard;
use common::fuzzer::fuzz;
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
        include_bytes!("../../assets/policy.toml").to_vec(),
        include_bytes!("../../assets/questions.toml").to_vec(),
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

/// The fuzzer catches a target's panic without swapping the process-wide panic hook (other
/// tests run in the same process at the same time). Checked in a child process, since
/// installing the observing hook here would be the very swap it forbids.
#[test]
fn fuzzing_leaves_the_process_panic_hook_alone() {
    if !common::run_alone(
        module_path!(),
        "fuzzing_leaves_the_process_panic_hook_alone",
    ) {
        return;
    }
    static SEEN: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
    std::panic::set_hook(Box::new(|info| {
        if let Ok(mut seen) = SEEN.lock() {
            seen.push(info.to_string());
        }
    }));
    let fuzzed = std::panic::catch_unwind(|| {
        fuzz("hook", vec![b"x".to_vec()], |_| panic!("the target panics"));
    });
    // Back to the default hook, so this child's own failures are printed.
    drop(std::panic::take_hook());
    assert!(fuzzed.is_err(), "a panicking target fails the fuzz run");
    let seen = SEEN.lock().map(|s| s.clone()).unwrap_or_default();
    assert!(
        seen.iter().any(|m| m.contains("the target panics")),
        "the hook in place saw only {seen:?}: the fuzzer replaced it while fuzzing"
    );
}
