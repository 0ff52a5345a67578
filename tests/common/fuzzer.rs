//! Fuzzing on stable Rust, shared by tests/it/fuzz.rs and tests/it/fuzz_bounds.rs: random and
//! mutated inputs for a time budget; a panic saves the input and fails the test.

use super::rng::{Rng, env_number};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Edge numbers a digit run is replaced with.
const NUMBERS: &[&[u8]] = &[
    b"18446744073709551615",
    b"18446744073709551616",
    b"4294967295",
    b"4294967296",
    b"9007199254740992",
    b"8210298412799999",
    b"-8334632851200000",
    b"-1",
    b"0",
    b"262142",
    b"99999",
];

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
    // Numbers at the edges: u64::MAX, u32::MAX, 2^53, and chrono's first and last millisecond.
    b"18446744073709551615",
    b"4294967295",
    b"9007199254740992",
    b"8210298412799999",
    b"-8334632851200000",
    b"0",
];

pub struct Fuzzer {
    rng: Rng,
    corpus: Vec<Vec<u8>>,
}

impl Fuzzer {
    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
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
        match self.below(7) {
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
            // A number replaced by an edge value: reaches range checks that byte flips in a
            // digit run rarely do.
            5 => {
                let start = v[..at]
                    .iter()
                    .rposition(|b| !b.is_ascii_digit())
                    .map_or(0, |i| i + 1);
                let end = v[at..]
                    .iter()
                    .position(|b| !b.is_ascii_digit())
                    .map_or(v.len(), |i| at + i);
                if start < end {
                    let t = NUMBERS[self.below(NUMBERS.len())];
                    v.splice(start..end, t.iter().copied());
                }
            }
            _ => v.truncate(at),
        }
    }
}

/// Feeds `target` inputs for the budget; returns how many ran. A panic saves the input.
pub fn fuzz(name: &str, corpus: Vec<Vec<u8>>, target: impl Fn(&[u8])) -> u64 {
    let budget = Duration::from_secs(env_number("HEARBACK_FUZZ_SECS", 2));
    let seed = env_number("HEARBACK_FUZZ_SEED", 0xF0CC_AC1A);
    let mut f = Fuzzer {
        rng: Rng(seed ^ name.len() as u64),
        corpus,
    };
    let started = Instant::now();
    let mut runs = 0u64;
    // The panic hook is process-wide: swapping it here would silence (or, restored late,
    // misreport) the panics of every other test running at the same time. So it is left alone:
    // the first panic ends the run, and its message (with the location) lands in this test's
    // captured output, which is what one wants to read next to the saved input anyway.
    while started.elapsed() < budget {
        let input = f.input();
        if catch_unwind(AssertUnwindSafe(|| target(&input))).is_err() {
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
    eprintln!(
        "fuzz {name}: {runs} inputs in {:.1} s, no panic",
        started.elapsed().as_secs_f64()
    );
    assert!(runs > 0, "{name}: the budget ran out before one input");
    runs
}
