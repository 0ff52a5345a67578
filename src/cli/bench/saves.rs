//! Durable saves one at a time: the writer the crash test kills, and the save-latency figure
//! measured next to a plain `fdatasync` on the same disk.

use crate::core::action_flow::{NewAction, create};
use crate::core::{
    ActionKind, Change, ChangeSet, Customer, CustomerId, IdAllocator, Instant, Money,
};
use crate::store::Store;
use std::io::Write as _;
use std::os::unix::fs::FileExt as _;
use std::path::Path;
use std::time::Duration;

/// The one customer the saved actions belong to.
fn bench_customer(id: CustomerId, now: Instant) -> Customer {
    Customer::new(id, "Bench customer", Money::new(100_000, "USD"), now)
}

/// A writer of one action (and its timeline event) per save, as the dashboard writes them.
struct Saver {
    store: Store,
    ids: IdAllocator,
    customer: CustomerId,
    now: Instant,
    n: u64,
}

impl Saver {
    fn open(store_dir: &Path, now: Instant) -> anyhow::Result<Saver> {
        let store = Store::open(store_dir)?;
        let data = store.load()?;
        let mut ids = IdAllocator::after(&data)?;
        let customer = match data.customers.first() {
            Some(c) => c.id,
            None => {
                let c = bench_customer(CustomerId(ids.next_id()), now);
                let id = c.id;
                let mut set = ChangeSet::new();
                set.push(Change::Customer(c));
                store.commit(&set)?;
                id
            }
        };
        let n = data.actions.len() as u64;
        Ok(Saver {
            store,
            ids,
            customer,
            now,
            n,
        })
    }

    /// Saves one more action; returns its id once it is on disk.
    fn save(&mut self) -> anyhow::Result<String> {
        self.n += 1;
        let (action, set) = create(
            NewAction {
                customer: self.customer,
                kind: ActionKind::Corrective,
                title: format!("bench save {}", self.n),
                detail: "Saved by hearback bench: a typical small record.".into(),
                owner: None,
                due: None,
                followup: None,
                interview: None,
            },
            self.now,
            "bench",
            &mut self.ids,
        )?;
        self.store.commit(&set)?;
        Ok(action.id.to_string())
    }
}

/// Saves `count` actions, printing `ack ID` after each is durable (stdout flushed each time,
/// so a reader sees exactly the acknowledged saves even if this process is killed).
pub fn ack_loop(store_dir: &Path, count: u64, now: Instant) -> anyhow::Result<()> {
    let mut saver = Saver::open(store_dir, now)?;
    let mut out = crate::cli::console::out();
    for _ in 0..count {
        let id = saver.save()?;
        writeln!(out, "ack {id}")?;
        out.flush()?;
    }
    Ok(())
}

/// Latencies of `n` durable saves into a new store in `dir`, and of `n` plain appends of the
/// same size each followed by `fdatasync`, on the same file system.
pub fn latencies(
    dir: &Path,
    n: usize,
    now: Instant,
) -> anyhow::Result<(Vec<Duration>, Vec<Duration>)> {
    let mut saver = Saver::open(&dir.join("store"), now)?;
    let mut store = Vec::with_capacity(n);
    for _ in 0..n {
        let t = std::time::Instant::now();
        saver.save()?;
        store.push(t.elapsed());
    }
    let path = dir.join("plain.log");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .open(&path)?;
    let record = [0x5au8; 512];
    let mut plain = Vec::with_capacity(n);
    for i in 0..n {
        let t = std::time::Instant::now();
        file.write_all_at(&record, (i * record.len()) as u64)?;
        file.sync_data()?;
        plain.push(t.elapsed());
    }
    Ok((store, plain))
}

/// What the dashboard does when a save comes back (`Msg::Saved`: apply the change, then the
/// queue, risk and the panes' lists), timed `n` times: an open card moved between "To do" and
/// "Doing", the commonest save of a day at the board.
pub fn after_save(app: &mut crate::app::App, n: usize) -> anyhow::Result<Vec<Duration>> {
    use crate::app::{Msg, update};
    use crate::core::{ActionState, Change, ChangeSet};
    let card = app
        .data
        .actions
        .iter()
        .find(|a| a.state == ActionState::ToDo)
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("the synthetic store has no card to do"))?;
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        let mut moved = card.clone();
        moved.state = if k % 2 == 0 {
            ActionState::Doing
        } else {
            ActionState::ToDo
        };
        let mut changes = ChangeSet::new();
        changes.push(Change::Action(moved));
        let msg = Msg::Saved {
            changes,
            label: "bench".into(),
            result: Ok(()),
        };
        let t = std::time::Instant::now();
        std::hint::black_box(update(app, msg));
        out.push(t.elapsed());
    }
    Ok(out)
}
