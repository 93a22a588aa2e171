//! The one active OAuth flow of a `Nango` (and its clones): its cancel signal and the phase it
//! publishes, so that a newer `auth()` cancels the older flow and only the newest flow reports.

use std::sync::{Arc, Mutex, MutexGuard};

use tokio::sync::{oneshot, watch};

use crate::window::AuthPhase;

/// How a cancelled flow closes its window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CancelMode {
    /// At once (`cancel()`: the user pressed a cancel button).
    Now,
    /// After the close grace (`clear()`, a newer `auth()`), like the SDK's `clear()`.
    AfterGrace,
}

/// The active flow's generation and cancel signal.
#[derive(Debug, Default)]
struct ActiveFlow {
    /// Incremented for every started flow.
    generation: u64,
    /// Cancels the active flow; `None` once used.
    cancel: Option<oneshot::Sender<CancelMode>>,
}

/// Shared between a `Nango`, its clones and their running flows.
#[derive(Debug)]
pub(crate) struct FlowSlot {
    /// The active flow.
    active: Mutex<ActiveFlow>,
    /// The phase of the active flow.
    phase: watch::Sender<AuthPhase>,
}

impl FlowSlot {
    /// An empty slot (phase [`AuthPhase::Idle`]).
    pub(crate) fn new() -> Arc<FlowSlot> {
        Arc::new(FlowSlot {
            active: Mutex::new(ActiveFlow::default()),
            phase: watch::Sender::new(AuthPhase::Idle),
        })
    }

    /// Locks the active flow (a poisoned lock is still usable: the data is two plain fields).
    fn lock(&self) -> MutexGuard<'_, ActiveFlow> {
        self.active
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Registers a new flow (phase [`AuthPhase::Connecting`] at once), cancelling the previous
    /// one, and returns the new flow's cancel receiver and phase reporter.
    pub(crate) fn start(self: &Arc<Self>) -> (oneshot::Receiver<CancelMode>, PhaseReporter) {
        let (sender, receiver) = oneshot::channel();
        let mut active = self.lock();
        if let Some(previous) = active.cancel.replace(sender) {
            let _ = previous.send(CancelMode::AfterGrace);
        }
        active.generation += 1;
        self.phase.send_replace(AuthPhase::Connecting);
        let reporter = PhaseReporter {
            generation: active.generation,
            slot: Arc::clone(self),
        };
        (receiver, reporter)
    }

    /// Cancels the active flow, if any (it rejects with `cancelled`).
    pub(crate) fn cancel(&self, mode: CancelMode) {
        if let Some(cancel) = self.lock().cancel.take() {
            let _ = cancel.send(mode);
        }
    }

    /// A receiver of the active flow's phase.
    pub(crate) fn subscribe(&self) -> watch::Receiver<AuthPhase> {
        self.phase.subscribe()
    }
}

/// Publishes one flow's phase, unless a newer flow has started since.
#[derive(Debug)]
pub(crate) struct PhaseReporter {
    /// The generation of the reporting flow.
    generation: u64,
    /// The slot it belongs to.
    slot: Arc<FlowSlot>,
}

impl PhaseReporter {
    /// Publishes `phase` if this flow is still the newest one.
    pub(crate) fn report(&self, phase: AuthPhase) {
        let active = self.slot.lock();
        if active.generation == self.generation {
            self.slot.phase.send_replace(phase);
        }
    }
}

impl Drop for PhaseReporter {
    /// A flow that ended, or whose future was dropped (even unpolled), is no longer pending.
    fn drop(&mut self) {
        self.report(AuthPhase::Idle);
    }
}
