//! [`AuthFuture`]: what `auth`, `reconnect` and `create` return, and the [`Settlement`] slot a
//! popup flow driver fills exactly once.

use std::any::Any;
use std::cell::RefCell;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use nango_core::{AuthError, AuthSuccess};

/// The outcome of an authorization.
pub type AuthResult = Result<AuthSuccess, AuthError>;

/// A one-shot slot: the first result stored wins, the waiting task is woken.
#[derive(Debug, Default)]
pub(crate) struct Settlement {
    /// The result, once settled and until taken by the future.
    result: Option<AuthResult>,
    /// True once a result was stored (stays true after the future took it).
    settled: bool,
    /// The task waiting for the result.
    waker: Option<Waker>,
}

impl Settlement {
    /// A fresh, shared, unsettled slot.
    pub(crate) fn shared() -> Rc<RefCell<Settlement>> {
        Rc::new(RefCell::new(Settlement::default()))
    }

    /// Stores `result` unless the slot already settled, then wakes the waiting task.
    pub(crate) fn settle(slot: &RefCell<Settlement>, result: AuthResult) {
        let waker = {
            let Ok(mut settlement) = slot.try_borrow_mut() else {
                return;
            };
            if settlement.settled {
                return;
            }
            settlement.settled = true;
            settlement.result = Some(result);
            settlement.waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }

    /// True once a result was stored.
    #[cfg(test)]
    pub(crate) fn is_settled(&self) -> bool {
        self.settled
    }
}

/// The future of an `auth`, `reconnect` or `create` call: resolves with the connection or an
/// [`AuthError`]. Dropping it does not cancel the flow (the [`Nango`](crate::Nango) instance
/// still owns it; use `cancel()`), and it keeps the flow alive when the instance is dropped.
pub struct AuthFuture {
    /// How the result arrives.
    source: Source,
}

/// Where an [`AuthFuture`]'s result comes from.
enum Source {
    /// A popup flow driver fills the slot; the keep-alive holds the driver.
    Popup {
        /// The slot the driver settles.
        settlement: Rc<RefCell<Settlement>>,
        /// Keeps the flow driver (its socket, timers and window) alive while awaited.
        _keep_alive: Rc<dyn Any>,
    },
    /// An HTTP request (credential flows, `create`).
    Request(Pin<Box<dyn Future<Output = AuthResult>>>),
    /// Already finished (the result is taken on the first poll).
    Ready(Option<AuthResult>),
}

impl AuthFuture {
    /// A future settled by a popup flow driver through `settlement`.
    pub(crate) fn popup(settlement: Rc<RefCell<Settlement>>, keep_alive: Rc<dyn Any>) -> Self {
        AuthFuture {
            source: Source::Popup {
                settlement,
                _keep_alive: keep_alive,
            },
        }
    }

    /// A future driven by an HTTP request.
    pub(crate) fn request(future: impl Future<Output = AuthResult> + 'static) -> Self {
        AuthFuture {
            source: Source::Request(Box::pin(future)),
        }
    }

    /// A future that is already finished.
    pub(crate) fn ready(result: AuthResult) -> Self {
        AuthFuture {
            source: Source::Ready(Some(result)),
        }
    }
}

impl fmt::Debug for AuthFuture {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match &self.source {
            Source::Popup { .. } => "popup",
            Source::Request(_) => "request",
            Source::Ready(_) => "ready",
        };
        f.debug_struct("AuthFuture").field("source", &kind).finish()
    }
}

impl Future for AuthFuture {
    type Output = AuthResult;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<AuthResult> {
        match &mut self.source {
            Source::Popup { settlement, .. } => {
                let Ok(mut slot) = settlement.try_borrow_mut() else {
                    // The driver is settling right now: look again on the next turn.
                    cx.waker().wake_by_ref();
                    return Poll::Pending;
                };
                match slot.result.take() {
                    Some(result) => Poll::Ready(result),
                    None if slot.settled => Poll::Ready(Err(polled_after_completion())),
                    None => {
                        slot.waker = Some(cx.waker().clone());
                        Poll::Pending
                    }
                }
            }
            Source::Request(future) => future.as_mut().poll(cx),
            Source::Ready(result) => Poll::Ready(
                result
                    .take()
                    .unwrap_or_else(|| Err(polled_after_completion())),
            ),
        }
    }
}

/// The error a future reports when polled again after it completed.
fn polled_after_completion() -> AuthError {
    AuthError::new(
        nango_core::AuthErrorKind::UnknownError,
        "the authorization future was polled after it completed",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::task::Wake;

    /// A waker that counts its wake-ups.
    #[derive(Default)]
    struct CountingWaker(std::sync::atomic::AtomicUsize);

    impl Wake for CountingWaker {
        fn wake(self: std::sync::Arc<Self>) {
            self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
    }

    fn success() -> AuthSuccess {
        AuthSuccess {
            provider_config_key: "github".into(),
            connection_id: "c-1".into(),
            is_pending: Some(false),
        }
    }

    #[test]
    fn popup_future_waits_then_takes_the_first_settlement_and_wakes_once() {
        let slot = Settlement::shared();
        let mut future = AuthFuture::popup(slot.clone(), Rc::new(()));
        let counter = std::sync::Arc::new(CountingWaker::default());
        let waker = Waker::from(counter.clone());
        let mut cx = Context::from_waker(&waker);
        assert!(Pin::new(&mut future).poll(&mut cx).is_pending());
        Settlement::settle(&slot, Ok(success()));
        Settlement::settle(&slot, Err(AuthError::window_closed()));
        assert_eq!(counter.0.load(std::sync::atomic::Ordering::SeqCst), 1);
        assert!(slot.borrow().is_settled());
        assert_eq!(
            Pin::new(&mut future).poll(&mut cx),
            Poll::Ready(Ok(success()))
        );
        // A second poll is an error, never a panic.
        assert!(matches!(
            Pin::new(&mut future).poll(&mut cx),
            Poll::Ready(Err(_))
        ));
    }

    #[test]
    fn ready_future_yields_its_result() {
        let mut future = AuthFuture::ready(Err(AuthError::blocked_by_browser()));
        let waker = Waker::from(std::sync::Arc::new(CountingWaker::default()));
        let mut cx = Context::from_waker(&waker);
        assert_eq!(
            Pin::new(&mut future).poll(&mut cx),
            Poll::Ready(Err(AuthError::blocked_by_browser()))
        );
    }
}
