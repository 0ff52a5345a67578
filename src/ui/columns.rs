//! Which columns a table shows in the width it has, and how wide each is. Every table (queue,
//! customers, interviews, action board) goes through [`fit_columns`], so they all narrow the
//! same way: text columns are cut (with `…`) down to their least width before any column is
//! left out, and columns are left out least important first.

/// One column a table may show.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// Heading.
    pub header: &'static str,
    /// The least width it is shown at (its text is cut with `…` below `width`).
    pub min: u16,
    /// The width it asks for when there is room.
    pub width: u16,
    /// Share of the width left over once every column has its `width` (0: never wider).
    pub flex: u16,
    /// Lower is more important: columns are left out from the highest number down.
    pub priority: u8,
}

impl Column {
    /// A column whose text has a shorter form (a countdown to its first unit) used below
    /// `width`: never cut with `…` between the two, only whole or short.
    pub const fn short(header: &'static str, min: u16, width: u16, priority: u8) -> Column {
        Column {
            header,
            min,
            width,
            flex: 0,
            priority,
        }
    }

    /// A column whose text has one width (a date, a count).
    pub const fn fixed(header: &'static str, width: u16, priority: u8) -> Column {
        Column {
            header,
            min: width,
            width,
            flex: 0,
            priority,
        }
    }

    /// A column of names or words that can be cut down to `min` cells, asks for `width` and
    /// takes `flex` shares of any width left over.
    pub const fn text(
        header: &'static str,
        min: u16,
        width: u16,
        flex: u16,
        priority: u8,
    ) -> Column {
        Column {
            header,
            min,
            width,
            flex,
            priority,
        }
    }
}

/// The columns that fit in `available` cells with `gap` cells between them, as (index, width)
/// in their original order.
///
/// Columns are taken most important first, each at its least width, until one does not fit:
/// it and every less important one are left out (so a wider pane never shows fewer columns).
/// The most important column is always kept, cut to the width if need be. The width left over goes first to the fixed columns that can then
/// be shown whole (most important first), then to the text columns up to the width they ask
/// for, evenly by flex, and last to the flexible columns by flex.
pub fn fit_columns(columns: &[Column], available: u16, gap: u16) -> Vec<(usize, u16)> {
    let mut order: Vec<usize> = (0..columns.len()).collect();
    order.sort_by_key(|&i| columns.get(i).map_or(u8::MAX, |c| c.priority));
    let mut widths: Vec<Option<u16>> = vec![None; columns.len()];
    let mut used: u16 = 0;
    for (n, &i) in order.iter().enumerate() {
        let Some(c) = columns.get(i) else { continue };
        if n == 0 {
            let w = c.min.min(available);
            widths[i] = Some(w);
            used = w;
            continue;
        }
        let need = c.min.saturating_add(gap);
        if used.saturating_add(need) > available {
            break;
        }
        widths[i] = Some(c.min);
        used = used.saturating_add(need);
    }
    let mut spare = available.saturating_sub(used);
    // Fixed columns are whole or at their least: a countdown cut in the middle reads wrong.
    for &i in &order {
        let (Some(c), Some(Some(w))) = (columns.get(i), widths.get(i).copied()) else {
            continue;
        };
        let want = c.width.saturating_sub(w);
        if c.flex == 0 && want > 0 && want <= spare {
            widths[i] = Some(c.width);
            spare -= want;
        }
    }
    // Text columns grow towards the width they ask for, one cell at a time to the one that
    // has had the least per share of flex, so names are cut evenly.
    while spare > 0 {
        let next = order
            .iter()
            .filter_map(|&i| {
                let c = columns.get(i)?;
                let w = widths.get(i).copied().flatten()?;
                (c.flex > 0 && w < c.width)
                    .then(|| (u32::from(w - c.min) * 1000 / u32::from(c.flex), i))
            })
            .min_by_key(|&(grown, _)| grown);
        let Some((_, i)) = next else { break };
        if let Some(Some(w)) = widths.get_mut(i) {
            *w += 1;
            spare -= 1;
        }
    }
    let flex_total: u32 = columns
        .iter()
        .zip(&widths)
        .filter(|(_, w)| w.is_some())
        .map(|(c, _)| u32::from(c.flex))
        .sum();
    let mut out: Vec<(usize, u16)> = Vec::new();
    let mut given: u16 = 0;
    for (i, (c, w)) in columns.iter().zip(&widths).enumerate() {
        let Some(w) = *w else { continue };
        let share = (u32::from(spare) * u32::from(c.flex))
            .checked_div(flex_total)
            .unwrap_or(0);
        let share = u16::try_from(share).unwrap_or(0);
        given = given.saturating_add(share);
        out.push((i, w.saturating_add(share).min(available)));
    }
    // Rounding leftovers go to the first flexible column.
    let left = spare.saturating_sub(given);
    if let Some(first) = out
        .iter_mut()
        .find(|(i, _)| columns.get(*i).is_some_and(|c| c.flex > 0))
    {
        first.1 = first.1.saturating_add(left);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Columns like the queue's.
    const QUEUE: [Column; 5] = [
        Column::short("When", 11, 15, 0),
        Column::fixed("Sev", 3, 1),
        Column::text("Kind", 11, 19, 1, 3),
        Column::text("Customer", 10, 20, 2, 2),
        Column::text("Owner", 10, 16, 1, 4),
    ];

    fn headers(cols: &[Column], fitted: &[(usize, u16)]) -> Vec<String> {
        fitted
            .iter()
            .map(|&(i, w)| format!("{}:{w}", cols[i].header))
            .collect()
    }

    #[test]
    fn columns_narrow_then_drop_by_priority() {
        // Width, what shows (header:width). The When column is whole (15) or short (11):
        // never cut between. Each new column costs the others their spare width first.
        let cases: &[(u16, &[&str])] = &[
            (0, &["When:0"]),
            (10, &["When:10"]),
            (20, &["When:15", "Sev:3"]),
            (25, &["When:15", "Sev:3"]),
            (26, &["When:11", "Sev:3", "Customer:10"]),
            (30, &["When:15", "Sev:3", "Customer:10"]),
            (36, &["When:15", "Sev:3", "Customer:16"]),
            (38, &["When:11", "Sev:3", "Kind:11", "Customer:10"]),
            (44, &["When:15", "Sev:3", "Kind:12", "Customer:11"]),
            (
                49,
                &["When:11", "Sev:3", "Kind:11", "Customer:10", "Owner:10"],
            ),
            (
                56,
                &["When:15", "Sev:3", "Kind:12", "Customer:11", "Owner:11"],
            ),
            (
                76,
                &["When:15", "Sev:3", "Kind:18", "Customer:20", "Owner:16"],
            ),
            (
                80,
                &["When:15", "Sev:3", "Kind:21", "Customer:21", "Owner:16"],
            ),
            (
                120,
                &["When:15", "Sev:3", "Kind:31", "Customer:41", "Owner:26"],
            ),
            (
                200,
                &["When:15", "Sev:3", "Kind:51", "Customer:81", "Owner:46"],
            ),
        ];
        for &(width, want) in cases {
            let fitted = fit_columns(&QUEUE, width, 1);
            assert_eq!(headers(&QUEUE, &fitted), want, "at {width}");
        }
    }

    #[test]
    fn every_width_from_20_to_200_fits_and_keeps_the_order_of_importance() {
        let mut shown_before = 0;
        for width in 20..=200u16 {
            let fitted = fit_columns(&QUEUE, width, 1);
            let gaps = u16::try_from(fitted.len() - 1).unwrap_or(0);
            let total: u16 = fitted.iter().map(|&(_, w)| w).sum::<u16>() + gaps;
            // Every cell is used once a flexible column shows.
            if fitted.iter().any(|&(i, _)| QUEUE[i].flex > 0) {
                assert_eq!(total, width, "{width}: {fitted:?}");
            } else {
                assert!(total <= width, "{width}: {fitted:?}");
            }
            // A wider table never shows fewer columns, and what it leaves out is always the
            // least important.
            assert!(fitted.len() >= shown_before, "{width}: {fitted:?}");
            shown_before = fitted.len();
            let mut kept: Vec<u8> = fitted.iter().map(|&(i, _)| QUEUE[i].priority).collect();
            kept.sort_unstable();
            assert_eq!(kept, (0..).take(kept.len()).collect::<Vec<u8>>(), "{width}");
            for &(i, w) in &fitted {
                let c = QUEUE[i];
                assert!(w >= c.min, "{width}: {} below its least width", c.header);
                if c.flex == 0 {
                    assert!(
                        w == c.min || w == c.width,
                        "{width}: {} cut between",
                        c.header
                    );
                }
            }
        }
    }

    #[test]
    fn fixed_width_columns_behave_as_before() {
        let col = |width, flex, priority| Column::text("", width, width, flex, priority);
        let cols = [col(10, 1, 0), col(5, 0, 2), col(8, 0, 1)];
        assert_eq!(fit_columns(&cols, 40, 1), vec![(0, 25), (1, 5), (2, 8)]);
        assert_eq!(fit_columns(&cols, 20, 1), vec![(0, 11), (2, 8)]);
        assert_eq!(fit_columns(&cols, 4, 1), vec![(0, 4)]);
        assert_eq!(fit_columns(&cols, 0, 1), vec![(0, 0)]);
    }
}
