//! Test support: a headless Connect UI (machine + runner + FakeDriver) and SSR helpers.
#![allow(dead_code)]

use std::cell::RefCell;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use dioxus::prelude::EventHandler;
use nango_core::ConnectSessionToken;
use nango_core::messages::ConnectUiEvent;
use nango_ui::components::GoHandlers;
use nango_ui::connect::{
    ConnectMachine, EffectRunner, FormScreen, HostingMode, Input, PendingInput, Screen,
    drive_machine,
};
use nango_ui::fake::{FakeDriver, fixtures};
use nango_ui::i18n::{Language, MessageKey, Translator};

/// Handlers for every action of the auth-form screens that do nothing (static renders).
pub fn noop_handlers() -> GoHandlers {
    GoHandlers {
        on_edit: EventHandler::new(|_| {}),
        on_submit: EventHandler::new(|_| {}),
        on_back: Some(EventHandler::new(|_| {})),
        on_close: Some(EventHandler::new(|_| {})),
        on_docs: EventHandler::new(|_| {}),
        on_cancel: EventHandler::new(|_| {}),
        on_reopen: Some(EventHandler::new(|_| {})),
        on_toggle_details: EventHandler::new(|_| {}),
        on_retry: EventHandler::new(|_| {}),
        on_finish: Some(EventHandler::new(|_| {})),
    }
}

/// English text of a key.
pub fn en(key: MessageKey) -> String {
    Translator::new(Language::English).text(key)
}

/// English text of a key with variables.
pub fn en_with(key: MessageKey, args: &[(&str, &str)]) -> String {
    Translator::new(Language::English).text_with(key, args)
}

/// HTML-escapes text the way dioxus-ssr writes it in text and attributes.
pub fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

/// The Connect UI without a DOM: the state machine, the effect runner and a fake driver.
pub struct Harness {
    pub machine: ConnectMachine,
    pub runner: EffectRunner,
    pub driver: Rc<FakeDriver>,
    pub events: Rc<RefCell<Vec<ConnectUiEvent>>>,
    pending: Vec<PendingInput>,
}

impl Harness {
    /// A harness in `mode` with a token, started (session and integrations loaded).
    pub fn started(driver: FakeDriver) -> Self {
        let mut harness = Harness::new(driver, HostingMode::Overlay, false);
        harness.machine.token = Some(ConnectSessionToken::new(fixtures::TOKEN));
        harness.send(Input::Start);
        harness
    }

    /// A harness that has not started yet.
    pub fn new(driver: FakeDriver, mode: HostingMode, preview: bool) -> Self {
        let driver = Rc::new(driver);
        let events: Rc<RefCell<Vec<ConnectUiEvent>>> = Rc::default();
        let sink = events.clone();
        let translator = Rc::new(Translator::new(Language::English));
        let runner = EffectRunner {
            driver: driver.clone(),
            language: Rc::new(|| Some("en".to_owned())),
            text: Rc::new(move |key| translator.text(key)),
            on_event: Rc::new(move |event| sink.borrow_mut().push(event)),
        };
        Harness {
            machine: ConnectMachine::new(mode, preview, true),
            runner,
            driver,
            events,
            pending: Vec::new(),
        }
    }

    /// Applies an input and runs every effect that can finish now.
    pub fn send(&mut self, input: Input) {
        let pending = drive_machine(&mut self.machine, &self.runner, input);
        self.pending.extend(pending);
        self.settle();
    }

    /// Polls pending effects until none makes progress.
    pub fn settle(&mut self) {
        let mut cx = Context::from_waker(Waker::noop());
        loop {
            let mut progressed = false;
            let mut still = Vec::new();
            for mut future in std::mem::take(&mut self.pending) {
                match future.as_mut().poll(&mut cx) {
                    Poll::Ready(Some(input)) => {
                        progressed = true;
                        let more = drive_machine(&mut self.machine, &self.runner, input);
                        still.extend(more);
                    }
                    Poll::Ready(None) => progressed = true,
                    Poll::Pending => still.push(future),
                }
            }
            self.pending = still;
            if !progressed {
                break;
            }
        }
    }

    /// Opens the form of integration `key` from the list.
    pub fn open(&mut self, key: &str) {
        self.send(Input::SelectIntegration(key.into()));
    }

    /// The form screen (panics when another screen is shown).
    pub fn form(&self) -> &FormScreen {
        match &self.machine.screen {
            Screen::Form(form) => form,
            other => panic!("expected the form, got {other:?}"),
        }
    }

    /// Event types received so far.
    pub fn event_types(&self) -> Vec<String> {
        self.events
            .borrow()
            .iter()
            .map(|e| e.event_type().to_owned())
            .collect()
    }
}

/// A FakeDriver serving every fixture provider as an integration.
pub fn every_mode_driver() -> FakeDriver {
    FakeDriver::new().with_integrations(Ok(fixtures::every_mode()))
}
