//! Key handling and messages: state + msg -> state + effects. (Being written.)

use super::{App, Effect, Msg};

/// Applies one message to the state and returns the work for the runtime.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let _ = (app, msg);
    Vec::new()
}
