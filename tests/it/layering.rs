//! The rooms of the house point one way (STYLE.md, "The shape of hearback"):
//! `core` <- `store` / `io` / `demo` / `keymap` <- `app` <- `ui` <- `runtime` <- `cli`.
//! A room may use only rooms below it; rooms on one level do not use each other. Read from the
//! sources, so an upward `use` fails here before it turns into a cycle.

use std::path::Path;

/// Each room and its level; a room may use only rooms of a lower level.
const ROOMS: [(&str, u8); 9] = [
    ("core", 0),
    ("store", 1),
    ("io", 1),
    ("demo", 1),
    ("keymap", 1),
    ("app", 2),
    ("ui", 3),
    ("runtime", 4),
    ("cli", 5),
];

fn level(room: &str) -> Option<u8> {
    ROOMS.iter().find(|(r, _)| *r == room).map(|(_, l)| *l)
}

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `crate::ROOM` named in a file (imports, paths and doc links alike).
fn rooms_used(text: &str) -> Vec<String> {
    let mut used = Vec::new();
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if rest.starts_with('{') {
            // `crate::{a::x, b::y}`: not used in hearback; refused so the check stays simple.
            used.push("{".to_string());
        } else if !name.is_empty() {
            used.push(name);
        }
    }
    used
}

#[test]
fn no_room_uses_a_room_above_or_beside_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for (room, mine) in ROOMS {
        let mut files = Vec::new();
        sources(&src.join(room), &mut files);
        assert!(!files.is_empty(), "no sources for room {room}");
        for file in files {
            let text = std::fs::read_to_string(&file).expect("reads a source file");
            for used in rooms_used(&text) {
                if used == room {
                    continue;
                }
                match level(&used) {
                    Some(theirs) if theirs < mine => {}
                    Some(_) => wrong.push(format!("{}: crate::{used}", file.display())),
                    None if used == "{" => wrong.push(format!(
                        "{}: a grouped crate::{{..}} import",
                        file.display()
                    )),
                    // Not a room (e.g. a macro at the crate root).
                    None => {}
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "upward or sideways uses:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_check_sees_an_upward_use() {
    assert_eq!(
        rooms_used("use crate::cli::Context;\nuse crate::core::Instant;"),
        vec!["cli", "core"]
    );
    assert_eq!(rooms_used("use crate::{app, core};"), vec!["{"]);
}

/// Where the real clock may be read, and why. Everything that asks what time it is gets the
/// one clock `cli::run` builds (the system clock or a fixed `--now`); monotonic
/// `Instant::now()` for measuring durations is not a read of the time and is not listed.
const CLOCK_READS: [(&str, &str); 3] = [
    ("cli/mod.rs", "the system clock itself"),
    (
        "runtime/draw_log.rs",
        "test instrumentation: wall-clock times of draws, compared with the test's own clock",
    ),
    (
        "store/read_copy.rs",
        "a salt for a fresh temporary dir name, not a time",
    ),
];

#[test]
fn the_real_clock_is_read_in_one_place() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut wrong = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("reads a source file");
        let name = file
            .strip_prefix(&src)
            .expect("under src")
            .to_string_lossy()
            .into_owned();
        let reads = ["Utc::now", "Local::now", "SystemTime::now"]
            .iter()
            .map(|read| text.matches(read).count())
            .sum::<usize>();
        let allowed = CLOCK_READS.iter().any(|(f, _)| *f == name);
        if reads > 0 && !allowed || allowed && reads > 1 {
            wrong.push(format!("{name}: {reads} read(s) of the real clock"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
