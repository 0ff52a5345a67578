//! Customer import from real CRM export layouts: parsing, bad rows, sanitising, re-import.

use hearback::core::customer_import::{ContactRow, CustomerRow, plan_import};
use hearback::core::{Change, ChangeSet, Dataset, IdAllocator, Instant};
use hearback::io::customers_csv::{ParsedCustomers, guard_cell, parse_customers, unguard_cell};
use hearback::io::headers::Layout;
use std::path::Path;

/// A row as one line: line | CRM id | name | size | tier | segment | region | account manager
/// | salesperson | service manager | executive sponsor; `-` where nothing was given.
fn describe(row: &CustomerRow) -> String {
    let opt = |v: Option<&String>| v.map_or("-".to_string(), String::clone);
    let size = row
        .size
        .as_ref()
        .map(|m| format!("{} {}", m.minor, m.currency));
    let tier = row.tier.map(|t| t.as_str().to_string());
    [
        row.line.to_string(),
        opt(row.crm_id.as_ref()),
        row.name.clone(),
        opt(size.as_ref()),
        opt(tier.as_ref()),
        opt(row.segment.as_ref()),
        opt(row.region.as_ref()),
        opt(row.account_manager.as_ref()),
        opt(row.salesperson.as_ref()),
        opt(row.service_manager.as_ref()),
        opt(row.executive_sponsor.as_ref()),
    ]
    .join(" | ")
}

/// A contact as `name | role | email | phone`, or `-`.
fn describe_contact(row: &CustomerRow) -> String {
    row.contact
        .as_ref()
        .map_or("-".to_string(), |c: &ContactRow| {
            format!("{} | {} | {} | {}", c.name, c.role, c.email, c.phone)
        })
}

fn fixture_bytes(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/crm")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

fn fixture(name: &str) -> ParsedCustomers {
    parse_customers(fixture_bytes(name).as_slice(), "USD")
        .unwrap_or_else(|e| panic!("{name} should parse: {e}"))
}

/// Parses a fixture that has no bad rows and checks layout, rows, contacts and ignored columns.
fn check(name: &str, layout: Layout, rows: &[&str], contacts: &[&str], ignored: &[&str]) {
    let parsed = fixture(name);
    assert_eq!(parsed.layout, layout, "{name}");
    assert!(parsed.errors.is_empty(), "{name}: {:?}", parsed.errors);
    let got: Vec<String> = parsed.rows.iter().map(describe).collect();
    assert_eq!(got, rows, "{name}");
    let got: Vec<String> = parsed.rows.iter().map(describe_contact).collect();
    assert_eq!(got, contacts, "{name}");
    assert_eq!(parsed.ignored_columns, ignored, "{name}");
}

#[test]
fn hubspot_companies_export() {
    check(
        "hubspot_companies.csv",
        Layout::HubSpot,
        &[
            "2 | 9876543210 | Brightwater Logistics | 245000000 USD | key | Transportation/Trucking/Railroad | United Kingdom | Priya Raman | - | - | -",
            "3 | 9876543211 | Kestrel Analytics, Inc. | 98000050 USD | growth | Computer Software | United States | Marcus Holt | - | - | -",
            "4 | 9876543212 | Vantage Clinics GmbH | - | - | Hospital & Health Care | Germany | Priya Raman | - | - | -",
        ],
        // A company phone number alone names no contact person.
        &["-", "-", "-"],
        &[
            "Create Date",
            "City",
            "Lifecycle Stage",
            "Number of Employees",
            "Company Domain Name",
        ],
    );
}

#[test]
fn salesforce_api_export() {
    check(
        "salesforce_api.csv",
        Layout::Salesforce,
        &[
            "2 | 0015g00000XyZaQAAV | Harbour & Finch Insurance | 1250000000 GBP | key | Insurance | United Kingdom | Oliver Grant | - | - | -",
            "3 | 0015g00000XyZaRAAV | Meridian Foods Ltd | 340000000 EUR | growth | Food & Beverage | Ireland | Sofia Lindqvist | - | - | -",
            "4 | 0015g00000XyZaSAAV | Pinecrest Credit Union | - | - | Banking | United States | Oliver Grant | - | - | -",
        ],
        &["-", "-", "-"],
        // Owner.Name beats OwnerId; Industry beats Type.
        &["Type", "OwnerId"],
    );
}

#[test]
fn salesforce_report_export() {
    check(
        "salesforce_report.csv",
        Layout::Salesforce,
        &[
            "2 | 0015g00000Ab1XYAAZ | Northgate Energy plc | 875000000 EUR | - | Energy | Netherlands | Oliver Grant | - | - | -",
            "3 | 0015g00000Ab1XZAAZ | Tallis & Rowe LLP | 120000000 USD | - | Legal | United States | Sofia Lindqvist | - | - | -",
            "4 | 0015g00000Ab1Y0AAJ | Fjordline Maritime AS | 1500000000 NOK | - | Shipping | Norway | Oliver Grant | - | - | -",
        ],
        &["-", "-", "-"],
        &["Type", "Last Activity"],
    );
}

#[test]
fn zoho_accounts_export() {
    check(
        "zoho_accounts.csv",
        Layout::Zoho,
        &[
            "2 | zcrm_5432100000012345 | Lumen Retail Group | 175000000 AUD | key | Retail | Australia | Hannah Cole | - | - | -",
            "3 | zcrm_5432100000012346 | Oakridge Medical Supplies | 64000000 USD | standard | Healthcare | United States | Tomás Rivera | - | - | -",
            "4 | zcrm_5432100000012347 | Sato Precision K.K. | 98000000 JPY | growth | Manufacturing | Japan | Hannah Cole | - | - | -",
        ],
        &["-", "-", "-"],
        &["Website", "Account Type", "Billing City", "Created Time"],
    );
}

#[test]
fn plain_hearback_export() {
    check(
        "plain.csv",
        Layout::Hearback,
        &[
            "2 | HS-1001 | Brightwater Logistics | 245000000 GBP | key | Logistics | EMEA | Priya Raman | Tom Becker | Aisha Khan | Elena Voss",
            "3 | - | Corvid Games | 31000000 EUR | growth | Gaming | EMEA | Marcus Holt | Tom Becker | - | -",
            // The export guarded '@Home' against formula injection; the import unguards it.
            "4 | SF-0042 | @Home Furnishings | 12500000 USD | standard | Retail | North America | Marcus Holt | - | - | -",
            "5 | ZO-7 | Sato Precision K.K. | 98000000 JPY | growth | Manufacturing | APAC | Hannah Cole | - | Aisha Khan | Elena Voss",
        ],
        &[
            "Graham Lowe | Head of Operations | graham.lowe@brightwater.example | +44 113 496 0321",
            "Ines Duarte | CTO | ines.duarte@corvid.example | ",
            "-",
            "Sato, Kenji | Purchasing Manager | k.sato@sato-precision.example | ",
        ],
        &[],
    );
}

#[test]
fn messy_fixture_is_really_messy() {
    let bytes = fixture_bytes("messy.csv");
    assert!(bytes.starts_with(b"\xef\xbb\xbf"), "BOM");
    let lf = bytes.iter().filter(|&&b| b == b'\n').count();
    let crlf = bytes.windows(2).filter(|w| w == b"\r\n").count();
    assert_eq!((lf, crlf), (18, 18), "every line ends in CRLF");
    assert!(bytes.ends_with(b"\r\n\r\n"), "trailing empty line");
    for needle in ["\u{1b}[31m", "\u{1b}]0;", "\u{1b}]8;;", "\u{202e}"] {
        let found = bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
        assert!(found, "{needle:?} in fixture");
    }
}

#[test]
fn messy_file_yields_the_good_rows_and_the_bad_rows_with_lines() {
    let parsed = fixture("messy.csv");
    assert_eq!(parsed.layout, Layout::Generic);
    assert!(parsed.ignored_columns.is_empty());
    // Line 3 is blank, 5-6 continue line 4's quoted fields, 10 is spaces, 15 continues 14,
    // 16 is a row of empty cells, 18 is the trailing empty line.
    let rows: Vec<String> = parsed.rows.iter().map(describe).collect();
    assert_eq!(
        rows,
        [
            "2 | C-001 | Quillon Freight, Ltd. | 120000000 USD | key | - | EMEA | Priya Raman | - | - | -",
            "4 | C-002 | Ostrava \"Steel\" Works | 85000000 USD | growth | - | Central Europe | Marcus Holt | - | - | -",
            "7 | C-003 | Redline Couriers | 42000000 EUR | standard | - | EMEA | Priya Raman | - | - | -",
            "8 | C-004 | Safecod.exe Partners | 9000000 USD | standard | - | APAC | Marcus Holt | - | - | -",
            "14 | C-008 | Maple & Birch, Inc. | 120000000 USD | - | - | North America | Marcus Holt | - | - | -",
            "17 | C-009 | Tessellate Labs | 7500000 USD | growth | - | APAC | Marcus Holt | - | - | -",
        ]
    );
    let contacts: Vec<String> = parsed.rows.iter().map(describe_contact).collect();
    assert_eq!(
        contacts,
        [
            "Ada Brandt |  | ada@quillon.example | ",
            "Jiri Novak (Procurement) |  | jiri.novak@ostrava.example | ",
            "-",
            "-",
            "-",
            "Wen, Li |  | li.wen@tessellate.example | ",
        ]
    );
    let errors: Vec<(u64, &str)> = parsed
        .errors
        .iter()
        .map(|e| (e.line, e.reason.as_str()))
        .collect();
    let want: &[(u64, &str)] = &[
        (9, "the name is blank (column 'Customer')"),
        (
            11,
            "column 'ACV': 'lots' is not an amount (expected e.g. 1250000, 1,250,000.00 or $1.25M)",
        ),
        (
            12,
            "tier 'gigantic' is not known (column 'Tier'); use key, growth or standard (also accepted: strategic, enterprise, tier 1/2/3, A/B/C, platinum, gold, silver, bronze, mid-market, SMB)",
        ),
        (
            13,
            "same CRM id 'C-002' as line 4; only the first is imported",
        ),
    ];
    assert_eq!(errors, want);
}

#[test]
fn sanitising_removes_whole_escape_sequences() {
    let parsed = fixture("messy.csv");
    for row in &parsed.rows {
        let texts = [
            Some(&row.name),
            row.region.as_ref(),
            row.account_manager.as_ref(),
        ];
        for text in texts.into_iter().flatten() {
            assert!(
                !text.chars().any(|c| c.is_control() || c == '\u{202e}'),
                "{text:?}"
            );
            for residue in ["[31m", "[0m", "]0;", "pwned", "8;;", "evil.example", "\\"] {
                assert!(!text.contains(residue), "{residue} left in {text:?}");
            }
        }
    }
}

fn now() -> Instant {
    chrono::DateTime::from_timestamp(1_750_000_000, 0).expect("valid timestamp")
}

/// Applies a change set in memory the way the store would: upsert by id.
fn apply(data: &mut Dataset, changes: &ChangeSet) {
    for change in &changes.changes {
        match change {
            Change::Customer(c) => match data.customers.iter_mut().find(|x| x.id == c.id) {
                Some(slot) => *slot = c.clone(),
                None => data.customers.push(c.clone()),
            },
            Change::Staff(s) => match data.staff.iter_mut().find(|x| x.id == s.id) {
                Some(slot) => *slot = s.clone(),
                None => data.staff.push(s.clone()),
            },
            _ => {}
        }
    }
}

#[test]
fn importing_the_same_file_twice_changes_nothing_the_second_time() {
    let mut data = Dataset::default();
    let files = [
        "hubspot_companies.csv",
        "salesforce_api.csv",
        "salesforce_report.csv",
        "zoho_accounts.csv",
        "plain.csv",
        "messy.csv",
    ];
    for name in files {
        let rows = fixture(name).rows;
        let first = plan_import(
            &data,
            &rows,
            &mut IdAllocator::after(&data).expect("room for ids"),
            "import",
            now(),
        );
        assert!(
            !first.changes.is_empty(),
            "{name}: first import changes something"
        );
        apply(&mut data, &first.changes);
        let again = plan_import(
            &data,
            &rows,
            &mut IdAllocator::after(&data).expect("room for ids"),
            "import",
            now(),
        );
        assert!(again.changes.is_empty(), "{name}: {:?}", again.changes);
        assert!(
            again.created.is_empty() && again.updated.is_empty() && again.staff_created.is_empty()
        );
    }
    // Brightwater and Sato Precision appear in two files under different CRM ids: different
    // CRM records, so different customers; nothing else overlaps.
    assert_eq!(data.customers.len(), 3 + 3 + 3 + 3 + 4 + 6);
    let names: Vec<&str> = data.staff.iter().map(|s| s.name.as_str()).collect();
    let unique: std::collections::BTreeSet<String> =
        names.iter().map(|n| n.to_lowercase()).collect();
    assert_eq!(unique.len(), names.len(), "no duplicate staff: {names:?}");
}

#[test]
fn guard_and_unguard_round_trip() {
    let cases = [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1 555", "'+1 555"),
        ("-5", "'-5"),
        ("@x", "'@x"),
        ("'=x", "''=x"),
        ("''+y", "'''+y"),
        ("\tz", "'\tz"),
        ("plain", "plain"),
        ("'quoted", "'quoted"),
    ];
    for (value, guarded) in cases {
        assert_eq!(guard_cell(value), guarded, "{value:?}");
        assert_eq!(unguard_cell(&guard_cell(value)), value, "{value:?}");
    }
}

/// The real binary on a fresh store at a fixed time (Monday 23 Nov 2026, UTC).
fn hearback(data: &Path, args: &[&str]) -> std::process::Output {
    let config = data.with_extension("toml");
    if !config.exists() {
        std::fs::write(&config, "").expect("write config");
    }
    std::process::Command::new(env!("CARGO_BIN_EXE_hearback"))
        .args(args)
        .env("HEARBACK_DATA", data)
        .env("HEARBACK_NOW", "2026-11-23T09:00:00Z")
        .env("HEARBACK_USER", "Test Lead")
        .env("HEARBACK_CONFIG", config)
        .env("TZ", "UTC")
        .output()
        .expect("runs hearback")
}

/// 200 customers as a CRM would export them: every tenth a key account.
fn crm_export(dir: &Path) -> std::path::PathBuf {
    let mut csv = String::from("name,size,tier,account_manager\n");
    for n in 1..=200 {
        let tier = if n % 10 == 0 { "key" } else { "standard" };
        csv.push_str(&format!("Customer {n:03},{},{tier},Dana Reyes\n", n * 1000));
    }
    let path = dir.join("crm.csv");
    std::fs::write(&path, csv).expect("write csv");
    path
}

#[test]
fn importing_200_new_customers_does_not_flood_the_first_week() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    let csv = crm_export(dir.path());
    let out = hearback(
        &data,
        &["import", "customers", csv.to_str().expect("utf-8")],
    );
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            "First interviews planned: 200 customers over 20 weeks, 10 a week; key accounts by 2026-11-30"
        ),
        "{stdout}"
    );
    let queue = hearback(&data, &["queue", "--all", "--format", "json"]);
    let items: Vec<serde_json::Value> = serde_json::from_slice(&queue.stdout).expect("queue json");
    let week_end = "2026-11-30T09:00:00";
    let first_week: Vec<&serde_json::Value> = items
        .iter()
        .filter(|i| i["kind"] == "schedule_interview")
        .filter(|i| i["due"].as_str().is_some_and(|d| d < week_end))
        .collect();
    assert_eq!(first_week.len(), 10, "at most the weekly capacity");
    assert!(
        first_week.iter().all(|i| i["customer"]
            .as_str()
            .and_then(|n| n.strip_prefix("Customer "))
            .and_then(|n| n.parse::<u32>().ok())
            .is_some_and(|n| n % 10 == 0)),
        "key accounts first: {first_week:?}"
    );
    let scheduled = items
        .iter()
        .filter(|i| i["kind"] == "schedule_interview")
        .count();
    assert_eq!(
        scheduled, 200,
        "every customer still owes a first interview"
    );
}

#[test]
fn a_dry_run_lists_the_fields_that_would_change_and_the_plan() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("d");
    let csv = crm_export(dir.path());
    let path = csv.to_str().expect("utf-8");
    let dry = hearback(&data, &["import", "customers", path, "--dry-run"]);
    let stdout = String::from_utf8_lossy(&dry.stdout);
    assert!(
        stdout.contains("First interviews would be planned: 200 customers over 20 weeks"),
        "{stdout}"
    );
    assert!(
        hearback(&data, &["import", "customers", path])
            .status
            .success()
    );
    let changed = dir.path().join("changed.csv");
    std::fs::write(
        &changed,
        "name,size,tier,account_manager\nCustomer 001,2500,key,Dana Reyes\n",
    )
    .expect("write csv");
    let dry = hearback(
        &data,
        &[
            "import",
            "customers",
            changed.to_str().expect("utf-8"),
            "--dry-run",
        ],
    );
    let stdout = String::from_utf8_lossy(&dry.stdout);
    assert!(
        stdout.contains(
            "  changed: Customer 001: size USD 1000.00 -> USD 2500.00; tier standard -> key"
        ),
        "{stdout}"
    );
}
