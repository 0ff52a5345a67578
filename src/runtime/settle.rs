//! The end of a run: what is still to be written is written, and what failed is said.

use super::drafts::Drafts;
use super::effects::{Done, Worker};
use crate::app::Msg;
use crate::core::Instant;
use tokio::sync::mpsc::UnboundedReceiver;

/// Whatever ended the loop, the drafts not written yet are written now, and the saves in
/// flight are waited for (they are durable once acknowledged). Returns what failed, to be said
/// after the terminal is back, since the screen can no longer. A kill -9 cannot be caught:
/// then at most the last debounce of typing is lost.
pub(super) async fn settle(
    drafts: &mut Drafts,
    worker: &Worker,
    finished: &mut UnboundedReceiver<Done>,
    mut pending: usize,
    now: Instant,
) -> Vec<String> {
    drafts.close();
    let mut lost = Vec::new();
    loop {
        pending += drafts.take(|e| worker.submit(e, now));
        if pending == 0 {
            return lost;
        }
        let Some(Done { msg, .. }) = finished.recv().await else {
            return lost;
        };
        pending -= 1;
        match msg {
            Msg::Saved {
                label,
                changes,
                result,
            } => {
                // A failed completion puts its draft back; the next round writes it.
                drafts.settled(&changes, result.is_ok(), tokio::time::Instant::now());
                if let Err(e) = result {
                    lost.push(format!("not saved: {label}: {e}"));
                }
            }
            Msg::DraftSaved { result, .. } => {
                let id = drafts.answered(result.is_ok());
                if let Err(e) = result {
                    let which = id.map(|id| format!(" of {id}")).unwrap_or_default();
                    lost.push(format!("interview draft{which} not saved: {e}"));
                }
            }
            Msg::Reloaded(Err(e)) => lost.push(format!("demo data not written: {e}")),
            _ => {}
        }
    }
}
