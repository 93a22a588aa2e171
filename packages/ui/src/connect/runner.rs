//! Performs the [`Effect`]s of the state machine through the driver and feeds results back as
//! [`Input`]s. Synchronous effects (events, closing, starting `auth`) run at once, inside the
//! user's gesture; the rest come back as futures the caller spawns (or polls, in tests).

use std::collections::VecDeque;
use std::rc::Rc;
use std::task::{Context, Poll};

use futures_util::future::{FutureExt, join};
use futures_util::task::noop_waker_ref;
use nango_core::AuthErrorKind;
use nango_core::messages::ConnectUiEvent;

use super::machine::{ConnectMachine, Effect, Input};
use super::submission::Submission;
use crate::driver::{DriverFuture, SharedDriver};
use crate::i18n::MessageKey;

/// A pending effect: resolves to the input to apply next, if any.
pub type PendingInput = DriverFuture<Option<Input>>;

/// The result of starting one effect.
pub enum Started {
    /// Finished synchronously (with an input to apply next, if any).
    Done(Option<Input>),
    /// Runs on; apply its input when it resolves.
    Pending(PendingInput),
}

/// Runs effects against a driver.
#[derive(Clone)]
pub struct EffectRunner {
    /// The platform.
    pub driver: SharedDriver,
    /// The UI language now (`Accept-Language` of each provider fetch), read at every fetch so
    /// a runtime language switch is followed.
    pub language: Rc<dyn Fn() -> Option<String>>,
    /// Translates a message without variables (leave confirmation, popup alerts).
    pub text: Rc<dyn Fn(MessageKey) -> String>,
    /// Delivers events to the host.
    pub on_event: Rc<dyn Fn(ConnectUiEvent)>,
}

impl EffectRunner {
    /// Starts one effect.
    pub fn start(&self, effect: Effect) -> Started {
        let driver = self.driver.clone();
        match effect {
            Effect::Emit(event) => {
                (self.on_event)(self.localise(event));
                Started::Done(None)
            }
            Effect::Telemetry {
                token,
                event,
                integration,
            } => {
                let sent = driver.telemetry(&token, event, integration);
                Started::Pending(sent.map(|()| None).boxed_local())
            }
            Effect::Load(token) => {
                let both = join(driver.session(&token), driver.integrations(&token));
                Started::Pending(
                    both.map(|(session, integrations)| {
                        Some(match (session, integrations) {
                            (Ok(session), Ok(integrations)) => Input::Loaded {
                                session: Rc::new(session),
                                integrations: Rc::new(integrations),
                            },
                            (Err(error), _) | (_, Err(error)) => Input::LoadFailed(error),
                        })
                    })
                    .boxed_local(),
                )
            }
            Effect::FetchProvider { token, integration } => {
                let key = integration.unique_key.clone();
                let language = (self.language)();
                let fetch = driver.provider(&token, &integration.provider, language.as_deref());
                Started::Pending(
                    async move {
                        Some(match fetch.await {
                            Ok(provider) => Input::ProviderLoaded {
                                key,
                                provider: Rc::new(provider),
                                external_id: driver.new_external_id(),
                            },
                            Err(error) => Input::ProviderFailed { key, error },
                        })
                    }
                    .boxed_local(),
                )
            }
            Effect::Submit {
                token,
                key,
                submission,
                attempt,
            } => {
                // Called synchronously: the driver opens the OAuth window inside this call.
                let call = match *submission {
                    Submission::Auth(options) => driver.auth(&token, &key, options),
                    Submission::Create(config) => driver.create(&token, &key, config),
                };
                Started::Pending(
                    call.map(move |result| Some(Input::AuthFinished { attempt, result }))
                        .boxed_local(),
                )
            }
            Effect::CancelAuth => {
                driver.cancel();
                Started::Done(None)
            }
            Effect::ConfirmLeave(trigger) => {
                let message = (self.text)(MessageKey::CommonLeaveConfirm);
                Started::Done(
                    driver
                        .confirm_leave(&message)
                        .then_some(Input::CloseConfirmed(trigger)),
                )
            }
            Effect::Close => {
                driver.close();
                Started::Done(None)
            }
        }
    }

    /// Popup errors reach the host with the translated message (spec §2.5.8).
    fn localise(&self, event: ConnectUiEvent) -> ConnectUiEvent {
        match event {
            ConnectUiEvent::Error(mut error) => {
                let key = match error.kind {
                    AuthErrorKind::BlockedByBrowser => Some(MessageKey::GoPopupBlocked),
                    AuthErrorKind::WindowClosed => Some(MessageKey::GoPopupClosed),
                    _ => None,
                };
                if let Some(key) = key {
                    error.message = (self.text)(key);
                }
                ConnectUiEvent::Error(error)
            }
            other => other,
        }
    }
}

/// Applies `input` and every synchronous consequence to `machine`, returning the effects still
/// running. `apply` gives access to the machine (a `Signal` write in components, `&mut` in tests).
///
/// Each effect's future is polled once on the spot: one whose answer is already at hand (a
/// prefetched session, a driver that answers from memory) applies its input in this same pass,
/// so the next render shows its result instead of a loading frame first.
pub fn drive(
    mut apply: impl FnMut(Input) -> Vec<Effect>,
    runner: &EffectRunner,
    input: Input,
) -> Vec<PendingInput> {
    let mut queue = VecDeque::from([input]);
    let mut pending = Vec::new();
    while let Some(input) = queue.pop_front() {
        for effect in apply(input) {
            match runner.start(effect) {
                Started::Done(Some(next)) => queue.push_back(next),
                Started::Done(None) => {}
                Started::Pending(mut future) => {
                    // Whoever runs the future later polls it again with its own waker, which
                    // replaces this one (the `Future` contract).
                    let mut context = Context::from_waker(noop_waker_ref());
                    match future.poll_unpin(&mut context) {
                        Poll::Ready(Some(next)) => queue.push_back(next),
                        Poll::Ready(None) => {}
                        Poll::Pending => pending.push(future),
                    }
                }
            }
        }
    }
    pending
}

/// Convenience for owners of a plain machine (tests, headless use).
pub fn drive_machine(
    machine: &mut ConnectMachine,
    runner: &EffectRunner,
    input: Input,
) -> Vec<PendingInput> {
    drive(|input| machine.apply(input), runner, input)
}
