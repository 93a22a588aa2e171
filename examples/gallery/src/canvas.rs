//! The story canvas: renders a story's setup inside the real Connect UI shell, either as the
//! `ConnectUi` component itself or as its state machine advanced by the story's script first
//! (both over nango-ui's `FakeDriver`, so no server is needed), and keeps it interactive.

use std::cell::RefCell;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use dioxus::prelude::*;
use nango_core::ConnectSessionToken;
use nango_core::connect_ui::ThemeOverride;
use nango_core::messages::ConnectUiEvent;
use nango_core::session::{ConnectUiSettings, ConnectUiTheme, ThemeColors};
use nango_ui::components::Shared;
use nango_ui::connect::{
    ConnectMachine, ConnectScreens, DriverProp, EffectRunner, Input, PendingInput, dispatch,
    drive_machine,
};
use nango_ui::driver::{DriverContext, SharedDriver};
use nango_ui::fake::fixtures;
use nango_ui::i18n::{ConnectI18nConfig, use_init_connect_i18n};
use nango_ui::{ConnectUi, HostingMode, Language};

use crate::registry::{Step, Story, StorySetup};
use crate::route::{Controls, ThemeChoice};
use crate::stories::forms;

/// The dialog id of the canvas (one Connect UI per page).
pub const CANVAS_DIALOG_ID: &str = "gallery-connect-dialog";

/// The theme override a theme control value means.
pub fn theme_override(theme: ThemeChoice) -> ThemeOverride {
    match theme {
        ThemeChoice::Light => ThemeOverride::Light,
        ThemeChoice::Dark => ThemeOverride::Dark,
        ThemeChoice::System => ThemeOverride::System,
    }
}

/// Live settings for the primary colour control (`None`: the session's own settings).
pub fn primary_settings(primary: Option<&str>) -> Option<ConnectUiSettings> {
    primary.map(|colour| ConnectUiSettings {
        theme: ConnectUiTheme {
            light: ThemeColors {
                primary: colour.to_owned(),
            },
            dark: ThemeColors {
                primary: colour.to_owned(),
            },
        },
        ..ConnectUiSettings::default()
    })
}

/// Renders `story` with `controls`. Remount it (a `key`) when the story or controls change.
#[component]
pub fn StoryCanvas(
    /// The story id.
    story: String,
    /// The controls.
    controls: Controls,
    /// Whether the OS prefers dark (for the `system` theme).
    #[props(default)]
    system_dark: bool,
    /// Every `ConnectUiEvent` the story emits.
    on_event: EventHandler<ConnectUiEvent>,
) -> Element {
    let Some(found) = crate::registry::find(&story) else {
        return rsx! {
            p { class: "gx-missing", "No story called “{story}”." }
        };
    };
    let parts = use_hook(|| Rc::new(split(build(found, &controls, system_dark))));
    let language = controls.language;
    let theme = theme_override(controls.theme);
    let settings = primary_settings(controls.primary.as_deref());
    match parts.as_ref() {
        CanvasParts::Connect {
            driver,
            token,
            token_timed_out,
            mode,
        } => rsx! {
            ConnectUi {
                token: token.then(|| ConnectSessionToken::new(fixtures::TOKEN)),
                token_timed_out: *token_timed_out,
                language: language.tag().to_string(),
                theme,
                mode: *mode,
                detect_closed_auth_window: true,
                settings,
                driver: DriverProp(driver.clone()),
                dialog_id: CANVAS_DIALOG_ID.to_string(),
                on_event: move |event| on_event.call(event),
            }
        },
        CanvasParts::Scripted {
            driver,
            steps,
            query,
            mode,
        } => rsx! {
            ScriptedConnect {
                driver: DriverProp(driver.clone()),
                steps: steps.clone(),
                query: query.clone(),
                mode: *mode,
                language,
                theme,
                settings,
                on_event: move |event| on_event.call(event),
            }
        },
    }
}

/// A setup with its driver shared.
enum CanvasParts {
    Connect {
        driver: SharedDriver,
        token: bool,
        token_timed_out: bool,
        mode: HostingMode,
    },
    Scripted {
        driver: SharedDriver,
        steps: Shared<Vec<Step>>,
        query: String,
        mode: HostingMode,
    },
}

fn build(story: &Story, controls: &Controls, system_dark: bool) -> StorySetup {
    match (story.setup)(controls) {
        StorySetup::Connect {
            driver,
            token,
            token_timed_out,
            mode,
        } => StorySetup::Connect {
            driver: driver.with_system_prefers_dark(system_dark),
            token,
            token_timed_out,
            mode,
        },
        StorySetup::Scripted {
            driver,
            steps,
            query,
            mode,
        } => StorySetup::Scripted {
            driver: driver.with_system_prefers_dark(system_dark),
            steps,
            query,
            mode,
        },
    }
}

fn split(setup: StorySetup) -> CanvasParts {
    match setup {
        StorySetup::Connect {
            driver,
            token,
            token_timed_out,
            mode,
        } => CanvasParts::Connect {
            driver: Rc::new(driver),
            token,
            token_timed_out,
            mode,
        },
        StorySetup::Scripted {
            driver,
            steps,
            query,
            mode,
        } => CanvasParts::Scripted {
            driver: Rc::new(driver),
            steps: Shared::new(steps),
            query,
            mode,
        },
    }
}

/// Applies `steps` to a fresh machine (with a token, started), settling every effect the fake
/// driver answers at once. Returns the machine and the effects still running (a hanging
/// OAuth window, for example).
pub fn run_script(
    mode: HostingMode,
    runner: &EffectRunner,
    steps: &[Step],
) -> (ConnectMachine, Vec<PendingInput>) {
    let mut machine = ConnectMachine::new(mode, false, true);
    machine.token = Some(ConnectSessionToken::new(fixtures::TOKEN));
    let mut pending = drive_machine(&mut machine, runner, Input::Start);
    settle(&mut machine, runner, &mut pending);
    for step in steps {
        let inputs = match step {
            Step::Input(input) => vec![input.clone()],
            Step::FillValid => machine
                .form()
                .map(|form| forms::fill(form, true))
                .unwrap_or_default(),
            Step::FillInvalid => machine
                .form()
                .map(|form| forms::fill(form, false))
                .unwrap_or_default(),
            Step::SubmitInvalid => machine
                .form()
                .filter(|form| !form.model.validate(&form.values).is_empty())
                .map(|_| vec![Input::Submit])
                .unwrap_or_default(),
        };
        for input in inputs {
            let more = drive_machine(&mut machine, runner, input);
            pending.extend(more);
            settle(&mut machine, runner, &mut pending);
        }
    }
    (machine, pending)
}

/// Polls pending effects until none makes progress.
fn settle(machine: &mut ConnectMachine, runner: &EffectRunner, pending: &mut Vec<PendingInput>) {
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        let mut progressed = false;
        let mut still = Vec::new();
        for mut future in std::mem::take(pending) {
            match future.as_mut().poll(&mut cx) {
                Poll::Ready(Some(input)) => {
                    progressed = true;
                    still.extend(drive_machine(machine, runner, input));
                }
                Poll::Ready(None) => progressed = true,
                Poll::Pending => still.push(future),
            }
        }
        *pending = still;
        if !progressed {
            break;
        }
    }
}

/// The Connect UI's screens over a state machine advanced by a script, then interactive.
#[component]
fn ScriptedConnect(
    driver: DriverProp,
    steps: Shared<Vec<Step>>,
    query: String,
    mode: HostingMode,
    language: Language,
    theme: ThemeOverride,
    settings: Option<ConnectUiSettings>,
    on_event: EventHandler<ConnectUiEvent>,
) -> Element {
    let driver: SharedDriver = use_hook(|| {
        provide_context(DriverContext(driver.0.clone()));
        driver.0.clone()
    });
    let i18n = use_init_connect_i18n(|| ConnectI18nConfig::new(language.langid()));
    let runner = use_hook(|| {
        Rc::new(EffectRunner {
            driver: driver.clone(),
            language: Rc::new(move || Some(language.tag().to_owned())),
            text: Rc::new(move |key| i18n.text(key)),
            on_event: Rc::new(move |event| on_event.call(event)),
        })
    });
    let leftover: Rc<RefCell<Vec<PendingInput>>> = use_hook(Rc::default);
    let machine = use_signal(|| {
        let (machine, pending) = run_script(mode, &runner, &steps);
        *leftover.borrow_mut() = pending;
        machine
    });
    use_hook(|| {
        for future in leftover.borrow_mut().drain(..) {
            let runner = runner.clone();
            spawn(async move {
                if let Some(next) = future.await {
                    dispatch(machine, runner, next);
                }
            });
        }
    });
    let send = use_callback(move |input: Input| dispatch(machine, runner.clone(), input));
    rsx! {
        ConnectScreens {
            machine,
            send,
            mode,
            theme,
            settings,
            dialog_id: CANVAS_DIALOG_ID.to_string(),
            initial_query: query.clone(),
        }
    }
}
