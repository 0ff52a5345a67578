//! The bench report: a Markdown table (so it pastes into the README as is), with the machine
//! it ran on. Targets live here, in the report, and never in timed unit tests.

use std::fmt::Write as _;
use std::path::Path;

/// One row.
#[derive(Debug, Clone)]
pub struct Figure {
    /// What was measured.
    pub name: String,
    /// The measured value, with its unit.
    pub value: String,
    /// The target, if there is one.
    pub target: String,
    /// Whether the target is met; `None` for figures without a target.
    pub met: Option<bool>,
}

impl Figure {
    /// A figure without a target.
    pub fn info(name: &str, value: String) -> Figure {
        Figure {
            name: name.into(),
            value,
            target: String::new(),
            met: None,
        }
    }

    /// A figure that must be at most `max` (in `unit`).
    pub fn target(name: &str, value: f64, unit: &str, max: f64) -> Figure {
        Figure {
            name: name.into(),
            value: format!("{value:.3} {unit}"),
            target: format!("<= {max} {unit}"),
            met: Some(value <= max),
        }
    }

    /// A ratio `a / b` that must be at most `max`.
    pub fn ratio(name: &str, a: f64, b: f64, max: f64) -> Figure {
        let r = if b > 0.0 { a / b } else { f64::INFINITY };
        Figure {
            name: name.into(),
            value: format!("{r:.2}x"),
            target: format!("<= {max}x"),
            met: Some(r <= max),
        }
    }
}

/// The whole report.
#[derive(Debug, Clone)]
pub struct Figures {
    /// CPU, cores, memory, kernel and file system of the bench dir.
    pub machine: String,
    /// The size of the synthetic programme.
    pub data: String,
    /// The rows, in order.
    pub rows: Vec<Figure>,
}

/// The table as Markdown.
pub fn render(f: &Figures) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "machine: {}", f.machine);
    let _ = writeln!(out, "data: {}", f.data);
    let _ = writeln!(out);
    let _ = writeln!(out, "| figure | measured | target | |");
    let _ = writeln!(out, "|---|---:|---|---|");
    for r in &f.rows {
        let verdict = match r.met {
            Some(true) => "met",
            Some(false) => "**missed**",
            None => "",
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            r.name, r.value, r.target, verdict
        );
    }
    out
}

/// A one-line description of the machine, from /proc, and the file system of `dir`.
pub fn machine(dir: &Path) -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|v| v.trim_start_matches([' ', '\t', ':']).trim().to_string())
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_gib = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kib| kib / 1024.0 / 1024.0);
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    format!(
        "{model}, {cores} cores, {mem_gib:.0} GiB, Linux {}, bench dir on {}",
        kernel.trim(),
        fs_type(dir)
    )
}

/// The file system type of `dir` (ext4, tmpfs, ...), as statfs reports it.
fn fs_type(dir: &Path) -> String {
    use std::os::unix::ffi::OsStrExt as _;
    let Ok(path) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
        return "unknown".into();
    };
    // SAFETY: `path` is a valid NUL-terminated string and `buf` a zeroed statfs that the call
    // fills; nothing is kept past the call.
    let mut buf: libc::statfs = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::statfs(path.as_ptr(), &mut buf) };
    if rc != 0 {
        return "unknown".into();
    }
    match buf.f_type as u64 {
        0xEF53 => "ext4".into(),
        0x0102_1994 => "tmpfs".into(),
        0x5846_5342 => "xfs".into(),
        0x9123_683E => "btrfs".into(),
        0x794C_7630 => "overlayfs".into(),
        other => format!("file system 0x{other:x}"),
    }
}
