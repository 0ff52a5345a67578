//! The demo dashboard the app, form and drawing tests share: demo data at a fixed time.

use chrono::{TimeZone, Utc};
use hearback::app::{App, Rules};
use hearback::core::business_time::WorkWeek;
use hearback::core::policy::Policy;
use hearback::core::{ChangeSet, Dataset, IdAllocator, Instant, QuestionSet};
use hearback::demo::{DemoOptions, generate};

/// The fixed time of every dashboard test: Monday 2026-11-23 09:00 UTC.
pub fn now() -> Instant {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .expect("valid")
}

/// The shipped rules, with days counted in UTC.
pub fn rules() -> Rules {
    Rules {
        policy: Policy::default(),
        work_week: WorkWeek::default(),
        questions: QuestionSet::defaults(),
        keys: Default::default(),
        notifications: Default::default(),
    }
}

/// What `hearback demo --customers N --seed S` writes at [`now`].
pub fn demo_changes(customers: usize, seed: u64) -> ChangeSet {
    generate(
        &DemoOptions { customers, seed },
        now(),
        &mut IdAllocator::starting_at(1),
    )
}

/// The default demo (40 customers, seed 7) as loaded data.
pub fn demo_data() -> Dataset {
    let mut data = Dataset::default();
    data.apply(&demo_changes(40, 7));
    data
}

/// The dashboard over the default demo at a fixed `--now`.
pub fn app() -> App {
    App::new(
        demo_data(),
        rules(),
        now(),
        true,
        "/data/hearback".into(),
        "tester".into(),
    )
}

/// The two sizes every view is snapshotted at.
pub const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

/// The dashboard drawn once on a test terminal of `width` x `height` (for tests that read
/// cell styles as well as the text).
pub fn draw(
    app: &App,
    width: u16,
    height: u16,
) -> ratatui::Terminal<ratatui::backend::TestBackend> {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
        .expect("a test terminal");
    terminal
        .draw(|frame| hearback::ui::render(app, frame))
        .expect("drawing to a test backend");
    terminal
}

/// The screen as text lines, trailing blanks trimmed; cells hidden behind a wide character
/// are skipped, as a terminal shows them.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    buffer_text(draw(app, width, height).backend().buffer())
}

/// A drawn buffer as text lines, as [`screen`] shows it: the one buffer-to-text of the tests.
pub fn buffer_text(buffer: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for cells in buffer.content.chunks(usize::from(buffer.area.width).max(1)) {
        let mut line = String::new();
        let mut skip = 0usize;
        for cell in cells {
            if skip == 0 {
                line.push_str(cell.symbol());
            }
            skip = skip
                .max(unicode_width::UnicodeWidthStr::width(cell.symbol()))
                .saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Answers every Commit among `effects` as the store would, successfully; returns how many.
pub fn save_all(app: &mut App, effects: Vec<hearback::app::Effect>) -> usize {
    let mut saved = 0;
    for e in effects {
        if let hearback::app::Effect::Commit { changes, label } = e {
            hearback::app::update(
                app,
                hearback::app::Msg::Saved {
                    changes,
                    label,
                    result: Ok(()),
                },
            );
            saved += 1;
        }
    }
    saved
}
