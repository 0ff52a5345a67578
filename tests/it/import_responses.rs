//! Survey responses from real export layouts (Qualtrics, SurveyMonkey, Typeform): parsing with
//! line numbers, matching to customers, the closed-loop rules, bad rows and re-imports, through
//! the library and through the real binary.

use hearback::core::customer_import::plan_import;
use hearback::core::policy::Policy;
use hearback::core::survey_import::{
    ImportContext, SurveyImportPlan, SurveyResponse, plan_survey_import,
};
use hearback::core::{Dataset, IdAllocator, Instant, QuestionSet};
use hearback::io::customers_csv::parse_customers;
use hearback::io::survey_csv::{ParsedResponses, SurveyLayout, parse_responses};
use hearback::io::survey_map::SurveyMap;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NOW: &str = "2026-11-23T09:00:00Z";

fn now() -> Instant {
    chrono::DateTime::parse_from_rfc3339(NOW)
        .expect("valid")
        .with_timezone(&chrono::Utc)
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn read(name: &str) -> Vec<u8> {
    let path = fixture(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// Parses `surveys/LAYOUT.csv` through `surveys/LAYOUT_map.toml`.
fn parse(layout: &str) -> ParsedResponses {
    let text = String::from_utf8(read(&format!("surveys/{layout}_map.toml"))).expect("utf-8");
    let map = SurveyMap::from_toml(&text, &QuestionSet::defaults()).expect("map is valid");
    parse_responses(read(&format!("surveys/{layout}.csv")).as_slice(), &map)
        .unwrap_or_else(|e| panic!("{layout}: {e}"))
}

/// `line | id | email | company | submitted | scores` with `-` for a question left blank.
fn describe(r: &SurveyResponse) -> String {
    let scores: Vec<String> = r
        .answers
        .iter()
        .map(|a| a.score.map_or("-".into(), |s| s.get().to_string()))
        .collect();
    let submitted = r.submitted_at.map(|t| t.to_rfc3339()).unwrap_or_default();
    format!(
        "{} | {} | {} | {} | {submitted} | {}",
        r.line,
        r.response_id,
        r.email,
        r.company,
        scores.join(" ")
    )
}

/// A layout, its expected responses (see [`describe`]), its bad rows as (line, words of the
/// reason), and some answers as (line, answer index, comment or the question's wording).
type ParseCase = (
    &'static str,
    SurveyLayout,
    &'static [&'static str],
    &'static [(u64, &'static str)],
    &'static [(u64, usize, &'static str)],
);

const PARSE_CASES: [ParseCase; 3] = [
    (
        "typeform",
        SurveyLayout::Typeform,
        &[
            "2 | k3v9x0q2m1b7c4d8 | GRAHAM.LOWE@Brightwater.example | Brightwater Logistics | 2026-11-16T09:04:40+00:00 | 5 4 5 4 5",
            "3 | p8r2t6w1z5n3h9j0 | ines.duarte@corvid.example | Corvid Games | 2026-11-17T14:31:55+00:00 | 3 3 2 - 3",
            "5 | f4g7h2k9l3s6d1a8 | purchasing@sato-precision.example | sato precision k.k. | 2026-11-18T01:16:09+00:00 | 4 4 4 3 4",
            "6 | q1w2e3r4t5y6u7i8 | jo.miller@globex.example | Globex Corporation | 2026-11-18T16:43:21+00:00 | 5 5 5 5 5",
            "8 | m5n6b7v8c9x0z1a2 |  | @Home Furnishings | 2026-11-20T11:34:12+00:00 | 4 4 4 4 4",
        ],
        &[(7, "7 is outside the scale 1-5 of overall")],
        &[
            (
                3,
                0,
                "Releases slip, and nobody tells us until the day.\nWe found out from our own players.",
            ),
            (3, 2, "Tickets wait two days for a first reply"),
            (2, 4, "How likely are you to recommend us to a colleague?"),
        ],
    ),
    (
        "qualtrics",
        SurveyLayout::Qualtrics,
        // EndDate is Denver time (-07:00, as the map says); -99 means seen but not answered.
        &[
            "4 | R_1a2B3c4D5e6F7g8 | graham.lowe@brightwater.example | Brightwater Logistics | 2026-11-16T14:49:37+00:00 | 4 5 4 4 - 5",
            "5 | R_2b3C4d5E6f7G8h9 | k.sato@sato-precision.example | Sato Precision K.K. | 2026-11-17T13:15:40+00:00 | 2 3 2 1 2 2",
            "7 | R_3c4D5e6F7g8H9i0 | lena.fischer@hartmann-kg.example | Hartmann KG | 2026-11-17T16:36:12+00:00 | 5 5 5 4 5 5",
            "9 | R_5e6F7g8H9i0J1k2 |  | Corvid Games | 2026-11-19T23:03:48+00:00 | 3 4 4 5 4 4",
            "10 | R_6f7G8h9I0j1K2l3 | graham.lowe@brightwater.example | Brightwater Logistics | 2026-11-20T15:01:10+00:00 | - - - - - -",
        ],
        &[(
            8,
            "overall (column 'Q1'); 11 is outside the scale 0-10 of loyalty (column 'Q4')",
        )],
        &[
            (
                5,
                0,
                "The March recall was handled badly, and we heard about it from our own QA.\nWe still have no root-cause report.",
            ),
            (5, 4, "Please send the 8D report."),
            (
                4,
                2,
                "How would you rate us on each of the following? - Responsiveness when you contact us",
            ),
        ],
    ),
    (
        "surveymonkey",
        SurveyLayout::SurveyMonkey,
        &[
            "3 | 114302758841 | graham.lowe@brightwater.example | Brightwater Logistics | 2026-11-17T10:02:11+00:00 | 5 4 5 4 - 5",
            "4 | 114302761177 | ines.duarte@corvid.example | Corvid Games | 2026-11-18T14:26:05+00:00 | 2 3 2 3 1 2",
            "6 | 114302790315 |  | Sato Precision K.K. | 2026-11-19T08:05:47+00:00 | 4 4 4 5 4 4",
            "7 | 114302811902 | r.okafor@tidewater.example | Tidewater Shipping | 2026-11-19T15:33:50+00:00 | 5 5 5 5 - 5",
        ],
        &[(8, "'Extremely satisfied' is not a score")],
        &[
            (4, 0, "Support closed our ticket twice without a fix"), // escapes removed
            (4, 4, "We need a named engineer,\nnot a queue."),
            (3, 5, "How likely are you to continue working with us?"),
        ],
    ),
];

#[test]
fn each_layout_parses_to_its_responses_with_line_numbers() {
    for (layout, want, rows, errors, answers) in PARSE_CASES {
        let parsed = parse(layout);
        assert_eq!((parsed.layout, parsed.source.as_str()), (want, want.name()));
        let got: Vec<String> = parsed.responses.iter().map(describe).collect();
        assert_eq!(got, rows, "{layout}");
        let bad: Vec<u64> = parsed.errors.iter().map(|e| e.line).collect();
        let want_bad: Vec<u64> = errors.iter().map(|e| e.0).collect();
        assert_eq!(bad, want_bad, "{layout}: {:?}", parsed.errors);
        for (e, (_, words)) in parsed.errors.iter().zip(errors) {
            assert!(e.reason.contains(words), "{layout}: {e:?}");
        }
        assert_eq!(parsed.notes, Vec::<String>::new(), "{layout}");
        for &(line, index, text) in answers {
            let answer = parsed
                .responses
                .iter()
                .find(|r| r.line == line)
                .and_then(|r| r.answers.get(index))
                .unwrap_or_else(|| panic!("{layout}: line {line} answer {index}"));
            assert!(
                answer.comment == text || answer.question == text,
                "{layout} line {line}: {answer:?}"
            );
        }
    }
}

/// The customers of `crm/plain.csv`: Brightwater Logistics, Corvid Games, @Home Furnishings and
/// Sato Precision K.K., with their contacts and account managers.
fn customers() -> Dataset {
    let parsed = parse_customers(read("crm/plain.csv").as_slice(), "USD").expect("parses");
    let mut data = Dataset::default();
    let plan = plan_import(
        &data,
        &parsed.rows,
        &mut IdAllocator::starting_at(1),
        "test",
        now(),
    );
    data.apply(&plan.changes);
    data
}

fn plan(data: &Dataset, parsed: &ParsedResponses) -> SurveyImportPlan {
    let (questions, policy) = (QuestionSet::defaults(), Policy::default());
    let cx = ImportContext {
        source: &parsed.source,
        questions: &questions,
        policy: &policy,
        now: now(),
        actor: "test",
    };
    plan_survey_import(
        data,
        &parsed.responses,
        cx,
        &mut IdAllocator::after(data).expect("room for ids"),
    )
}

/// A layout, its imports as `line customer lowest follow-up? contact`, and its rejections as
/// (line, words of the reason).
type MatchCase = (
    &'static str,
    &'static [&'static str],
    &'static [(u64, &'static str)],
);

#[test]
fn responses_match_by_email_or_company_and_reimport_creates_nothing() {
    // A company match records no contact: none is guessed.
    let cases: [MatchCase; 3] = [
        (
            "typeform",
            &[
                "2 Brightwater Logistics 4 - Graham Lowe",
                "3 Corvid Games 2 follow-up Ines Duarte",
                "5 Sato Precision K.K. 3 follow-up -",
                "8 @Home Furnishings 4 - -",
            ],
            &[(
                6,
                "no contact has the email 'jo.miller@globex.example' and no customer is named 'Globex Corporation'",
            )],
        ),
        (
            "qualtrics",
            &[
                "4 Brightwater Logistics 4 - Graham Lowe",
                "5 Sato Precision K.K. 1 follow-up Sato, Kenji",
                "9 Corvid Games 3 follow-up -",
            ],
            &[(7, "not matched"), (10, "no question is answered")],
        ),
        (
            "surveymonkey",
            &[
                "3 Brightwater Logistics 4 - Graham Lowe",
                "4 Corvid Games 1 follow-up Ines Duarte",
                "6 Sato Precision K.K. 4 - -",
            ],
            &[(7, "no customer is named 'Tidewater Shipping'")],
        ),
    ];
    for (layout, imported, rejected) in cases {
        let mut data = customers();
        let parsed = parse(layout);
        let first = plan(&data, &parsed);
        data.apply(&first.changes);
        let got: Vec<String> = first
            .imported
            .iter()
            .map(|i| {
                let f = if i.followup.is_some() {
                    "follow-up"
                } else {
                    "-"
                };
                let interview = data.interviews.iter().find(|x| x.id == i.interview);
                let contact = interview
                    .and_then(|x| {
                        Some(data.customer(x.customer)?.contact(x.contact?)?.name.clone())
                    })
                    .unwrap_or_else(|| "-".into());
                format!("{} {} {} {f} {contact}", i.line, i.customer, i.lowest.get())
            })
            .collect();
        assert_eq!(got, imported, "{layout}");
        assert_eq!(
            first.rejected.len(),
            rejected.len(),
            "{layout}: {:?}",
            first.rejected
        );
        for (r, (line, words)) in first.rejected.iter().zip(rejected) {
            assert_eq!(r.line, *line, "{layout}: {r:?}");
            assert!(r.reason.contains(words), "{layout}: {r:?}");
        }
        let again = plan(&data, &parsed);
        assert!(again.changes.is_empty(), "{layout}: {:?}", again.imported);
        let lines: Vec<u64> = first.imported.iter().map(|i| i.line).collect();
        assert_eq!(again.already_imported, lines, "{layout}");
    }
}

// ---- The real binary ----

fn run(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hearback"))
        .args(args)
        .env("HEARBACK_DATA", data)
        .env("HEARBACK_NOW", NOW)
        .env("HEARBACK_CONFIG", data.with_extension("config.toml"))
        .env("TZ", "UTC")
        .output()
        .expect("runs hearback")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn ok(data: &Path, args: &[&str]) -> String {
    let o = run(data, args);
    assert!(
        o.status.success(),
        "{args:?}: {}{}",
        text(&o.stdout),
        text(&o.stderr)
    );
    text(&o.stdout)
}

/// A store with the customers of `crm/plain.csv` (and the demo's, with `demo`).
fn store(dir: &Path, demo: bool) -> PathBuf {
    let data = dir.join("d");
    std::fs::write(data.with_extension("config.toml"), "").expect("write config");
    if demo {
        ok(&data, &["demo"]);
    }
    let plain = fixture("crm/plain.csv");
    ok(
        &data,
        &["import", "customers", plain.to_str().expect("utf-8")],
    );
    data
}

fn import(data: &Path, layout: &str, extra: &[&str]) -> Output {
    let file = fixture(&format!("surveys/{layout}.csv"));
    let map = fixture(&format!("surveys/{layout}_map.toml"));
    let mut args = vec![
        "import",
        "responses",
        file.to_str().expect("utf-8"),
        "--map",
        map.to_str().expect("utf-8"),
    ];
    args.extend_from_slice(extra);
    run(data, &args)
}

fn queue(data: &Path) -> Vec<Value> {
    serde_json::from_str(&ok(data, &["queue", "--format", "json", "--all"])).expect("json")
}

#[test]
fn typeform_responses_reach_the_queue_of_a_demo_store_once() {
    let dir = tempfile::tempdir().expect("temp");
    let data = store(dir.path(), true);
    let o = import(&data, "typeform", &[]);
    assert_eq!(
        o.status.code(),
        Some(3),
        "{}{}",
        text(&o.stdout),
        text(&o.stderr)
    );
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    assert!(
        out.contains("saved: imported 4 responses (2 open a low-score follow-up)"),
        "{out}"
    );
    assert!(err.contains("typeform.csv:6: not matched"), "{err}");
    assert!(
        err.contains("typeform.csv:7: 7 is outside the scale 1-5"),
        "{err}"
    );

    let items = queue(&data);
    let of = |customer: &str, kind: &str| -> Vec<&Value> {
        items
            .iter()
            .filter(|i| i["customer"] == customer && i["kind"] == kind)
            .collect()
    };
    for customer in [
        "Brightwater Logistics",
        "Corvid Games",
        "Sato Precision K.K.",
        "@Home Furnishings",
    ] {
        assert_eq!(
            of(customer, "acknowledge").len(),
            1,
            "{customer}: thank-you owed"
        );
        assert_eq!(
            of(customer, "debrief"),
            Vec::<&Value>::new(),
            "surveys owe no debrief"
        );
    }
    // (customer, severity, owner)
    for (customer, severity, owner) in [
        ("Corvid Games", 2, "Marcus Holt"),
        ("Sato Precision K.K.", 3, "Hannah Cole"),
    ] {
        let low = of(customer, "low_score_followup");
        assert_eq!(low.len(), 1, "{customer}");
        assert_eq!(low[0]["severity"], severity, "{customer}");
        assert_eq!(low[0]["owner"], owner, "{customer}");
    }
    assert_eq!(of("Brightwater Logistics", "low_score_followup").len(), 0);
    assert!(items.iter().all(|i| i["customer"] != "Globex Corporation"));

    let again = import(&data, "typeform", &[]);
    let out = text(&again.stdout);
    assert!(
        out.contains("imported 0 responses") && out.contains("4 already imported"),
        "{out}"
    );
    assert_eq!(queue(&data), items, "a second import adds nothing");
}

#[test]
fn dry_run_and_strict_write_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    let data = store(dir.path(), false);
    let none = ok(&data, &["export", "interviews", "--format", "json"]);
    let dry = import(&data, "qualtrics", &["--dry-run"]);
    assert_eq!(dry.status.code(), Some(3));
    assert!(
        text(&dry.stdout).contains("dry run: would import 3 responses"),
        "{}",
        text(&dry.stdout)
    );
    let strict = import(&data, "surveymonkey", &["--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(
        text(&strict.stderr).contains("nothing imported: --strict"),
        "{}",
        text(&strict.stderr)
    );
    assert_eq!(
        ok(&data, &["export", "interviews", "--format", "json"]),
        none
    );
    // Everything else imports; the export names the source and response id.
    let o = import(&data, "surveymonkey", &[]);
    assert_eq!(o.status.code(), Some(3));
    let csv = ok(&data, &["export", "interviews"]);
    assert!(
        csv.contains("survey_import") && csv.contains("surveymonkey:114302761177"),
        "{csv}"
    );
}

#[test]
fn a_bad_map_is_refused_naming_the_file_and_key() {
    let dir = tempfile::tempdir().expect("temp");
    let data = store(dir.path(), false);
    let map = dir.path().join("map.toml");
    std::fs::write(
        &map,
        "email = 'email'\n[questions.loyalty]\nscore = 8\nscael = [0, 10]\n",
    )
    .expect("write");
    let file = fixture("surveys/typeform.csv");
    let args = [
        "import",
        "responses",
        file.to_str().expect("utf-8"),
        "--map",
        map.to_str().expect("utf-8"),
    ];
    let o = run(&data, &args);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains("invalid map file") && err.contains("map.toml") && err.contains("scael"),
        "{err}"
    );
    std::fs::write(&map, "email = 'Email'\n[questions.loyalty]\nscore = 'Q9'\n").expect("write");
    let err = text(&run(&data, &args).stderr);
    assert!(
        err.contains("map key 'questions.loyalty.score': no column is named 'Q9'"),
        "{err}"
    );
    assert!(ok(&data, &["import", "responses", "--help"]).contains("--dry-run"));
}
