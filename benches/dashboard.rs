//! Drawing the dashboard of a large programme (target: a full 200x60 frame in <= 1 ms) and a
//! keystroke in the interview form to its frame (target <= 2 ms, the draft's save excluded),
//! on the synthetic 10k-customer programme held in memory. `hearback bench run` measures the
//! same paths (and the store) end to end; this gives confidence intervals.

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hearback::app::{App, Form, Msg, Rules, update};
use hearback::core::business_time::WorkWeek;
use hearback::core::policy::Policy;
use hearback::core::{InterviewStatus, QuestionSet};
use hearback::demo::synthetic;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::time::Duration;

fn dashboard() -> App {
    let rules = Rules {
        policy: Policy::default(),
        work_week: WorkWeek::default(),
        questions: QuestionSet::defaults(),
        keys: Default::default(),
        notifications: Default::default(),
    };
    App::new(
        synthetic::dataset(),
        rules,
        synthetic::now(),
        true,
        "bench".into(),
        "bench".into(),
    )
}

fn draw(c: &mut Criterion) {
    let app = dashboard();
    for (w, h) in [(200u16, 60u16), (80, 24)] {
        let mut term = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
        c.bench_function(&format!("full draw {w}x{h} (10k customers)"), |b| {
            b.iter(|| {
                term.draw(|f| hearback::ui::render(black_box(&app), f))
                    .expect("draws");
            })
        });
    }
    let mut app = app;
    let booked = app
        .data
        .interviews
        .iter()
        .find(|i| i.status == InterviewStatus::Scheduled)
        .cloned()
        .expect("the synthetic programme has booked interviews");
    let mut form = Form::open(booked);
    form.start(app.now);
    form.open_editor();
    app.form = Some(form);
    let mut term = Terminal::new(TestBackend::new(200, 60)).expect("a test terminal");
    let key = KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE);
    c.bench_function("keystroke to frame, interview form 200x60", |b| {
        b.iter(|| {
            black_box(update(&mut app, Msg::Key(key)));
            term.draw(|f| hearback::ui::render(&app, f)).expect("draws");
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(5));
    targets = draw
}
criterion_main!(benches);
