//! The panes' grid, from the registry (`app::Pane::ALL`): the panes in registry order, left to
//! right and top to bottom, in two rows (the top one takes the odd one out). Each pane's
//! [`PaneView`] says how much of its row's width it wants and how tall it wants its row; from
//! [`WIDE`] columns on, the panes get the unequal shares that suit a wide screen.

use super::theme::Theme;
use crate::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

/// From this width on, the panes get unequal shares of the screen.
pub(super) const WIDE: u16 = 120;

/// A share of the screen, below [`WIDE`] columns and from it on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Share {
    /// Below [`WIDE`] columns.
    pub narrow: u16,
    /// From [`WIDE`] columns on.
    pub wide: u16,
}

impl Share {
    /// `narrow` below [`WIDE`] columns, `wide` from it on.
    pub const fn new(narrow: u16, wide: u16) -> Share {
        Share { narrow, wide }
    }

    fn at(self, wide: bool) -> u16 {
        if wide { self.wide } else { self.narrow }
    }
}

/// How one pane is drawn, and the room it wants in the grid.
#[derive(Clone, Copy)]
pub(super) struct PaneView {
    /// Draws the pane into its area.
    pub draw: fn(&App, Theme, &mut Frame, Rect),
    /// Its part of its row's width, relative to the other panes of the row.
    pub width: Share,
    /// Its row's part of the height, relative to the other rows (a row takes the most any of
    /// its panes asks for).
    pub height: Share,
}

/// The area of each of `views`, in order: two rows (one for a single pane), the first row
/// taking the extra pane when their number is odd. Every pane gets an area; together they
/// cover `main` without overlapping.
pub(super) fn grid(main: Rect, views: &[PaneView]) -> Vec<Rect> {
    if views.is_empty() {
        return Vec::new();
    }
    let wide = main.width >= WIDE;
    let per_row = views.len().div_ceil(views.len().min(2));
    let rows: Vec<&[PaneView]> = views.chunks(per_row).collect();
    let heights: Vec<u16> = rows
        .iter()
        .map(|row| row.iter().map(|v| v.height.at(wide)).max().unwrap_or(1))
        .collect();
    let row_areas = Layout::vertical(shares(&heights)).split(main);
    rows.iter()
        .zip(row_areas.iter())
        .flat_map(|(row, area)| {
            let widths: Vec<u16> = row.iter().map(|v| v.width.at(wide)).collect();
            Layout::horizontal(shares(&widths)).split(*area).to_vec()
        })
        .collect()
}

/// Constraints that split a length in the proportions of `weights`: each but the last gets
/// its percentage, the last fills what is left (so rounding never leaves a gap).
fn shares(weights: &[u16]) -> Vec<Constraint> {
    let total: u32 = weights.iter().map(|&w| u32::from(w)).sum::<u32>().max(1);
    let last = weights.len().saturating_sub(1);
    weights
        .iter()
        .enumerate()
        .map(|(i, &w)| {
            if i == last {
                Constraint::Fill(1)
            } else {
                let percent = u32::from(w) * 100 / total;
                Constraint::Percentage(u16::try_from(percent).unwrap_or(100))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nothing(_: &App, _: Theme, _: &mut Frame, _: Rect) {}

    fn view(width: u16, height: u16) -> PaneView {
        PaneView {
            draw: nothing,
            width: Share::new(width, width),
            height: Share::new(height, height),
        }
    }

    /// Every area is inside `main`, none is empty, none overlaps another, and they cover it.
    fn assert_tiles(main: Rect, areas: &[Rect], n: usize) {
        assert_eq!(areas.len(), n, "one area per pane");
        for (i, a) in areas.iter().enumerate() {
            assert!(!a.is_empty(), "pane {i} of {n} has no room: {a:?}");
            assert_eq!(a.intersection(main), *a, "pane {i} of {n} is outside");
            for (j, b) in areas.iter().enumerate().skip(i + 1) {
                assert!(!a.intersects(*b), "panes {i} and {j} of {n} overlap");
            }
        }
        let covered: u32 = areas.iter().map(|a| a.area()).sum();
        assert_eq!(covered, main.area(), "{n} panes leave a gap");
    }

    #[test]
    fn every_pane_of_any_registry_gets_an_area() {
        for main in [Rect::new(0, 0, 80, 23), Rect::new(0, 0, 200, 59)] {
            for n in 1..=7 {
                let views: Vec<PaneView> = (0..n).map(|i| view(10 + i, 20 - i)).collect();
                assert_tiles(main, &grid(main, &views), usize::from(n));
            }
        }
    }

    #[test]
    fn shares_follow_the_weights() {
        let main = Rect::new(0, 0, 100, 50);
        let areas = grid(
            main,
            &[view(60, 58), view(40, 58), view(35, 42), view(65, 42)],
        );
        let sizes: Vec<(u16, u16)> = areas.iter().map(|a| (a.width, a.height)).collect();
        assert_eq!(sizes, [(60, 29), (40, 29), (35, 21), (65, 21)]);
        let odd = grid(main, &[view(1, 1), view(1, 1), view(1, 1)]);
        assert_eq!(
            (odd[0].y, odd[1].y, odd[2].y),
            (0, 0, 25),
            "two on top, one below"
        );
    }
}
