//! The demo's own pseudo-random numbers.
//!
//! Written here rather than taken from `rand` on purpose: the demo data is what tests and
//! screenshots are built on, so the same seed must give byte-identical data across crate
//! upgrades and platforms, which `rand`'s `StdRng` explicitly does not promise. Everything below
//! uses integer arithmetic, or float operations IEEE 754 rounds exactly (no `exp`/`ln`/`powf`,
//! whose last bits differ between platform maths libraries).

/// `SplitMix64` (Steele, Lea and Flood, 2014): tiny, fast, and good enough for sample data.
#[derive(Clone, Debug)]
pub(crate) struct Rng {
    /// Advanced by a constant at every draw; the output is a hash of it.
    state: u64,
}

/// The `SplitMix64` increment (the golden ratio in 64-bit fixed point).
const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

impl Rng {
    /// A generator for `seed`.
    pub(crate) fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    /// An independent stream for item `stream` of this seed, so one customer's data does not
    /// shift when another customer draws more or fewer numbers.
    pub(crate) fn derive(seed: u64, stream: u64) -> Rng {
        let mut mixer = Rng::new(seed ^ stream.wrapping_mul(GAMMA).rotate_left(17));
        Rng::new(mixer.next_u64() ^ stream)
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GAMMA);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0), by multiply-and-shift (Lemire), without modulo bias
    /// worth mentioning at these sizes.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// An index into a collection of `len` items (0 when empty).
    pub(crate) fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    /// A number in `lo..=hi` (`lo` when the range is empty).
    pub(crate) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = hi.abs_diff(lo).saturating_add(1);
        lo.wrapping_add(self.below(span) as i64)
    }

    /// A float in `[0, 1)` with 53 random bits.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// True with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One of `items`, or `""` when there are none.
    pub(crate) fn pick(&mut self, items: &[&'static str]) -> &'static str {
        items.get(self.index(items.len())).copied().unwrap_or("")
    }

    /// One of `items`, if any.
    pub(crate) fn choose<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.index(items.len()))
    }

    /// `lo * (hi / lo)^u` for a uniform `u`: log-uniform between `lo` and `hi`.
    ///
    /// The power is built from repeated square roots (exactly rounded by IEEE 754) instead of
    /// `powf`, so the result is the same on every platform.
    pub(crate) fn log_uniform(&mut self, lo: f64, hi: f64) -> f64 {
        const BITS: u32 = 24;
        let bits = self.next_u64() >> (64 - BITS);
        let mut root = hi / lo;
        let mut factor = 1.0;
        for i in 1..=BITS {
            root = root.sqrt();
            if bits & (1 << (BITS - i)) != 0 {
                factor *= root;
            }
        }
        lo * factor
    }

    /// A permutation of `0..n` (Fisher-Yates).
    pub(crate) fn permutation(&mut self, n: usize) -> Vec<usize> {
        let mut order: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            let j = self.index(i + 1);
            order.swap(i, j);
        }
        order
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference_sequence() {
        // First outputs of the reference C implementation for seed 1234567.
        let mut rng = Rng::new(1_234_567);
        let got: Vec<u64> = (0..5).map(|_| rng.next_u64()).collect();
        assert_eq!(
            got,
            [
                6_457_827_717_110_365_317,
                3_203_168_211_198_807_973,
                9_817_491_932_198_370_423,
                4_593_380_528_125_082_431,
                16_408_922_859_458_223_821,
            ]
        );
    }

    #[test]
    fn same_seed_same_numbers_different_seed_different_numbers() {
        let draw = |seed| {
            let mut r = Rng::new(seed);
            (0..32).map(|_| r.next_u64()).collect::<Vec<_>>()
        };
        assert_eq!(draw(7), draw(7));
        assert_ne!(draw(7), draw(8));
        let mut a = Rng::derive(7, 1);
        let mut b = Rng::derive(7, 2);
        assert_ne!(a.next_u64(), b.next_u64());
    }

    #[test]
    fn bounded_draws_stay_in_bounds() {
        let mut rng = Rng::new(99);
        assert_eq!(rng.below(0), 0);
        assert_eq!(rng.range(5, 5), 5);
        assert_eq!(rng.range(9, 3), 9);
        assert_eq!(rng.pick(&[]), "");
        assert_eq!(rng.choose::<u8>(&[]), None);
        for _ in 0..10_000 {
            assert!(rng.below(7) < 7);
            assert!((-3..=3).contains(&rng.range(-3, 3)));
            let u = rng.unit();
            assert!((0.0..1.0).contains(&u));
            let v = rng.log_uniform(20_000.0, 25_000_000.0);
            assert!((20_000.0..=25_000_000.0).contains(&v), "{v}");
        }
        let _ = rng.range(i64::MIN, i64::MAX);
    }

    #[test]
    fn every_value_of_a_small_range_turns_up() {
        let mut rng = Rng::new(3);
        let mut seen = [0u32; 6];
        for _ in 0..6_000 {
            seen[rng.index(6)] += 1;
        }
        assert!(seen.iter().all(|&n| (800..1200).contains(&n)), "{seen:?}");
    }

    #[test]
    fn log_uniform_spreads_over_the_decades() {
        let mut rng = Rng::new(11);
        let mut per_decade = [0u32; 4];
        for _ in 0..4_000 {
            let v = rng.log_uniform(1_000.0, 10_000_000.0);
            let decade = if v < 10_000.0 {
                0
            } else if v < 100_000.0 {
                1
            } else if v < 1_000_000.0 {
                2
            } else {
                3
            };
            per_decade[decade] += 1;
        }
        assert!(
            per_decade.iter().all(|&n| (850..1150).contains(&n)),
            "{per_decade:?}"
        );
    }

    #[test]
    fn permutations_hold_every_index_once() {
        let mut rng = Rng::new(5);
        let mut p = rng.permutation(50);
        assert_ne!(p, (0..50).collect::<Vec<_>>());
        p.sort_unstable();
        assert_eq!(p, (0..50).collect::<Vec<_>>());
        assert!(rng.permutation(0).is_empty());
    }
}
