//! The rows a pane shows, without building them on every frame.
//!
//! A large programme has 10,000 customers, ~20,000 queue items and 50,000 cards; a frame shows
//! a few dozen of them. A pane's rows are therefore a list of positions ([`Rows`]) resolved
//! only when a row is read, and the positions themselves are worked out once per change of what
//! they depend on ([`Memo`]): the data, the queue's states, the filter, the sort. The memo is
//! keyed by everything the positions depend on, so a stale list cannot be shown: a key that
//! differs rebuilds it.

use super::App;
use std::cell::RefCell;
use std::sync::Arc;

/// The rows of a pane: positions, resolved to rows as they are read. A position that does not
/// resolve (which the builders never produce) is skipped by [`Rows::iter`] and is `None` from
/// [`Rows::get`]; it never panics.
pub struct Rows<'a, T> {
    app: &'a App,
    order: Arc<[usize]>,
    at: fn(&'a App, usize) -> Option<T>,
}

impl<'a, T> Rows<'a, T> {
    pub(super) fn new(
        app: &'a App,
        order: Arc<[usize]>,
        at: fn(&'a App, usize) -> Option<T>,
    ) -> Self {
        Rows { app, order, at }
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Row `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<T> {
        self.order.get(i).and_then(|&p| (self.at)(self.app, p))
    }

    /// The first row.
    pub fn first(&self) -> Option<T> {
        self.get(0)
    }

    /// The rows from index `first` on, each with its index; skipping to `first` costs nothing.
    pub fn iter_from(&self, first: usize) -> impl Iterator<Item = (usize, T)> + '_ {
        let rows = self.order.iter().enumerate().skip(first);
        rows.filter_map(|(i, &p)| Some((i, (self.at)(self.app, p)?)))
    }

    /// The rows in order.
    pub fn iter(&self) -> impl Iterator<Item = T> + '_ {
        self.order.iter().filter_map(|&p| (self.at)(self.app, p))
    }
}

/// Positions worked out once per `K`: the last key and its positions.
#[derive(Clone, Debug)]
pub(super) struct Memo<K>(RefCell<Option<(K, Arc<[usize]>)>>);

impl<K> Default for Memo<K> {
    fn default() -> Self {
        Memo(RefCell::new(None))
    }
}

impl<K: PartialEq> Memo<K> {
    /// The positions for `key`: the remembered ones if the key is the same, else `build()`'s,
    /// which are then remembered.
    pub fn get(&self, key: K, build: impl FnOnce() -> Vec<usize>) -> Arc<[usize]> {
        if let Some((known, order)) = &*self.0.borrow()
            && *known == key
        {
            return Arc::clone(order);
        }
        let order: Arc<[usize]> = build().into();
        *self.0.borrow_mut() = Some((key, Arc::clone(&order)));
        order
    }
}

#[cfg(test)]
mod tests {
    use super::Memo;
    use std::cell::Cell;

    #[test]
    fn a_memo_builds_once_per_key() {
        let memo: Memo<(u64, String)> = Memo::default();
        let builds = Cell::new(0);
        let build = |n: usize| {
            builds.set(builds.get() + 1);
            (0..n).collect::<Vec<usize>>()
        };
        assert_eq!(&*memo.get((1, "a".into()), || build(3)), &[0, 1, 2]);
        assert_eq!(&*memo.get((1, "a".into()), || build(5)), &[0, 1, 2]);
        assert_eq!(builds.get(), 1, "the same key reuses the positions");
        assert_eq!(&*memo.get((1, "ab".into()), || build(2)), &[0, 1]);
        assert_eq!(&*memo.get((2, "ab".into()), || build(1)), &[0]);
        assert_eq!(builds.get(), 3, "a changed key rebuilds");
    }
}
