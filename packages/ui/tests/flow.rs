//! Screen state machine and event sequences with the FakeDriver (spec §2–§4, §7.3 and the
//! behaviours it lists as untested).

mod common;

use common::{Harness, every_mode_driver};
use nango_core::catalogue::{FieldGroup, FieldId};
use nango_core::credentials::Credentials;
use nango_core::messages::ConnectUiEvent;
use nango_core::session::TelemetryEvent;
use nango_core::{AuthError, AuthErrorKind, ConnectSessionToken};
use nango_ui::connect::{
    CloseTrigger, FailureDetails, Fallback, FormAlert, FormPhase, HostingMode, Input, Screen,
};
use nango_ui::fake::{DriverCall, FakeDriver, Outcome, fixtures};
use nango_ui::i18n::MessageKey;

fn api_key_field() -> FieldId {
    FieldId::new(FieldGroup::Credentials, "apiKey")
}

#[test]
fn bootstrap_emits_ready_then_loads_the_list() {
    let h = Harness::started(FakeDriver::new());
    assert_eq!(h.event_types(), ["ready"]);
    assert_eq!(h.machine.screen, Screen::List);
    assert_eq!(h.machine.integrations.len(), 2);
    let calls = h.driver.calls();
    assert!(calls.contains(&DriverCall::Session) && calls.contains(&DriverCall::Integrations));
    assert_eq!(h.driver.telemetry_events(), [TelemetryEvent::ViewList]);
    assert!(h.machine.show_watermark());
}

#[test]
fn top_level_without_token_shows_opened_directly_at_once() {
    let mut h = Harness::new(FakeDriver::new(), HostingMode::ConnectLink, false);
    h.send(Input::Start);
    assert_eq!(h.machine.screen, Screen::Fallback(Fallback::OpenedDirectly));
    assert!(h.driver.calls().is_empty());
}

#[test]
fn overlay_waits_for_a_token_until_the_host_times_out() {
    let mut h = Harness::new(FakeDriver::new(), HostingMode::Overlay, false);
    h.send(Input::Start);
    assert_eq!(h.machine.screen, Screen::Loading);
    h.send(Input::TokenTimedOut);
    assert_eq!(h.machine.screen, Screen::Fallback(Fallback::OpenedDirectly));
}

#[test]
fn token_arriving_later_loads_the_session() {
    let mut h = Harness::new(FakeDriver::new(), HostingMode::Overlay, false);
    h.send(Input::Start);
    h.send(Input::TokenReceived(ConnectSessionToken::new(
        fixtures::TOKEN,
    )));
    assert_eq!(h.machine.screen, Screen::List);
    // A timeout after the token arrived changes nothing.
    h.send(Input::TokenTimedOut);
    assert_eq!(h.machine.screen, Screen::List);
}

#[test]
fn expired_session_shows_the_401_message() {
    let driver = FakeDriver::new().with_session(Err(AuthError::new(
        AuthErrorKind::UnknownConnectSessionToken,
        "Authentication failed",
    )));
    let h = Harness::started(driver);
    assert_eq!(h.machine.screen, Screen::Fallback(Fallback::SessionExpired));
    assert_eq!(
        Fallback::SessionExpired.message_key(),
        MessageKey::ErrorSessionExpired
    );
    assert_eq!(
        h.driver.telemetry_events(),
        [TelemetryEvent::ViewUnknownError]
    );
}

#[test]
fn other_load_errors_show_the_generic_fallback() {
    let driver = FakeDriver::new()
        .with_integrations(Err(AuthError::new(AuthErrorKind::ServerError, "boom")));
    let h = Harness::started(driver);
    assert_eq!(h.machine.screen, Screen::Fallback(Fallback::Generic));
}

#[test]
fn single_integration_skips_the_list_without_back_or_list_telemetry() {
    let driver = FakeDriver::new()
        .with_session(Ok(fixtures::single_session("github")))
        .with_integrations(Ok(vec![fixtures::integration(
            "github",
            "github-api-key",
            "GitHub",
        )]));
    let h = Harness::started(driver);
    assert!(h.machine.single_integration);
    assert_eq!(h.form().integration.unique_key.as_str(), "github");
    assert_eq!(
        h.driver.telemetry_events(),
        [TelemetryEvent::ViewIntegration]
    );
    let mut h = h;
    h.send(Input::BackToList);
    assert!(
        matches!(h.machine.screen, Screen::Form(_)),
        "no Back in single mode"
    );
}

#[test]
fn one_integration_without_allowed_list_still_shows_the_list() {
    let driver = FakeDriver::new().with_integrations(Ok(vec![fixtures::integration(
        "github",
        "github-api-key",
        "GitHub",
    )]));
    let h = Harness::started(driver);
    assert_eq!(h.machine.screen, Screen::List);
}

#[test]
fn single_integration_provider_failure_is_an_error_not_an_endless_skeleton() {
    let driver = FakeDriver::new()
        .with_session(Ok(fixtures::single_session("github")))
        .with_integrations(Ok(vec![fixtures::integration(
            "github",
            "github-api-key",
            "GitHub",
        )]))
        .with_provider(
            "github-api-key",
            Err(AuthError::new(AuthErrorKind::RequestFailed, "offline")),
        );
    let h = Harness::started(driver);
    assert_eq!(h.machine.screen, Screen::Fallback(Fallback::Generic));
}

#[test]
fn tv04_card_activation_fetches_the_provider_in_the_ui_language() {
    let mut h = Harness::started(FakeDriver::new());
    h.open("github");
    assert!(h.driver.calls().contains(&DriverCall::Provider {
        provider: "github-api-key".to_owned(),
        language: Some("en".to_owned()),
    }));
    assert_eq!(
        h.driver.telemetry_events()[1..],
        [
            TelemetryEvent::ClickIntegration,
            TelemetryEvent::ViewIntegration
        ]
    );
}

#[test]
fn card_network_error_is_inline_and_api_errors_bubble() {
    let driver = FakeDriver::new().with_provider(
        "github-api-key",
        Err(AuthError::new(AuthErrorKind::RequestFailed, "offline")),
    );
    let mut h = Harness::started(driver);
    h.open("github");
    assert_eq!(h.machine.screen, Screen::List);
    assert_eq!(
        h.machine.card_error.as_ref().map(|k| k.as_str()),
        Some("github")
    );
    // A second attempt is allowed and clears the error when it works.
    let driver = FakeDriver::new().with_provider(
        "slack",
        Err(AuthError::new(AuthErrorKind::NotFound, "no such provider")),
    );
    let mut h = Harness::started(driver);
    h.open("slack");
    assert_eq!(h.machine.screen, Screen::Fallback(Fallback::Generic));
}

#[test]
fn tv07_typing_a_key_and_submitting_calls_auth_with_the_api_key() {
    let mut h =
        Harness::started(FakeDriver::new().with_outcome(Outcome::success("github", "conn-1")));
    h.open("github");
    h.send(Input::Edit {
        field: api_key_field(),
        value: "sk-123".to_owned(),
    });
    assert!(h.machine.dirty);
    h.send(Input::Submit);
    let auth = h
        .driver
        .calls()
        .into_iter()
        .find_map(|c| match c {
            DriverCall::Auth { key, options } => Some((key, options)),
            _ => None,
        })
        .expect("auth called");
    assert_eq!(auth.0, "github");
    assert_eq!(
        auth.1.credentials,
        Some(Credentials::ApiKey {
            api_key: "sk-123".to_owned()
        })
    );
    assert!(auth.1.detect_closed_auth_window);
}

#[test]
fn tv08_connect_event_carries_connection_id_and_key() {
    let mut h =
        Harness::started(FakeDriver::new().with_outcome(Outcome::success("github", "conn-1")));
    h.open("github");
    h.send(Input::Edit {
        field: api_key_field(),
        value: "sk-123".to_owned(),
    });
    h.send(Input::Submit);
    assert!(matches!(h.form().phase, FormPhase::Success(_)));
    assert!(!h.machine.dirty, "success clears dirty");
    let events = h.events.borrow();
    let ConnectUiEvent::Connect(payload) = events.last().expect("event") else {
        panic!("expected connect, got {events:?}");
    };
    assert_eq!(payload.connection_id.as_str(), "conn-1");
    assert_eq!(payload.provider_config_key.as_str(), "github");
    assert!(
        h.driver
            .telemetry_events()
            .ends_with(&[TelemetryEvent::ClickConnect, TelemetryEvent::ViewSuccess])
    );
}

#[test]
fn tv09_finish_runs_the_close_routine_with_click_finish() {
    let mut h =
        Harness::started(FakeDriver::new().with_outcome(Outcome::success("github", "conn-1")));
    h.open("github");
    h.send(Input::Edit {
        field: api_key_field(),
        value: "sk".to_owned(),
    });
    h.send(Input::Submit);
    h.send(Input::Close(CloseTrigger::Finish));
    assert_eq!(h.event_types().last().map(String::as_str), Some("close"));
    assert!(h.driver.calls().contains(&DriverCall::Close));
    assert_eq!(
        h.driver.telemetry_events().last(),
        Some(&TelemetryEvent::ClickFinish)
    );
}

#[test]
fn invalid_form_does_not_submit_and_shows_every_error() {
    let mut h = Harness::started(FakeDriver::new());
    h.open("github");
    h.send(Input::Submit);
    assert!(h.form().submit_attempted);
    assert!(
        !h.driver
            .calls()
            .iter()
            .any(|c| matches!(c, DriverCall::Auth { .. }))
    );
}

fn failing(kind: AuthErrorKind, message: &str) -> Harness {
    let mut h = Harness::started(FakeDriver::new().with_outcome(Outcome::error(kind, message)));
    h.open("github");
    h.send(Input::Edit {
        field: api_key_field(),
        value: "sk".to_owned(),
    });
    h.send(Input::Submit);
    h
}

fn last_error(h: &Harness) -> AuthError {
    match h.events.borrow().last() {
        Some(ConnectUiEvent::Error(error)) => error.clone(),
        other => panic!("expected an error event, got {other:?}"),
    }
}

#[test]
fn tv11_connection_test_failed_shows_the_failure_screen() {
    let h = failing(AuthErrorKind::ConnectionTestFailed, "test failed");
    let FormPhase::Failed { details, expanded } = &h.form().phase else {
        panic!("{:?}", h.form().phase);
    };
    assert!(!expanded);
    assert_eq!(
        details,
        &FailureDetails::Translated {
            key: MessageKey::GoInvalidCredentials,
            provider: Some("GitHub".to_owned())
        }
    );
    let error = last_error(&h);
    assert_eq!(error.kind, AuthErrorKind::ConnectionTestFailed);
    assert_eq!(error.message, "test failed");
    assert_eq!(
        h.driver.telemetry_events().last(),
        Some(&TelemetryEvent::ViewCredentialsError)
    );
}

#[test]
fn tv12_tv13_details_toggle_and_back_to_the_form_keeping_values() {
    let mut h = failing(AuthErrorKind::ConnectionTestFailed, "x");
    h.send(Input::ToggleDetails);
    assert!(matches!(
        h.form().phase,
        FormPhase::Failed { expanded: true, .. }
    ));
    h.send(Input::RetryForm);
    assert_eq!(h.form().phase, FormPhase::Editing { alert: None });
    assert_eq!(h.form().values.get(&api_key_field()), Some("sk"));
}

#[test]
fn error_rows_of_2_5_8() {
    // connection_validation_failed: the server message, or the invalid-credentials text.
    let h = failing(AuthErrorKind::ConnectionValidationFailed, "{ \"a\": 1 }");
    assert!(
        matches!(&h.form().phase, FormPhase::Failed { details: FailureDetails::Raw(text), .. } if text == "{\"a\":1}")
    );
    let h = failing(AuthErrorKind::ConnectionValidationFailed, "");
    assert!(matches!(
        &h.form().phase,
        FormPhase::Failed {
            details: FailureDetails::Translated {
                key: MessageKey::GoInvalidCredentials,
                ..
            },
            ..
        }
    ));
    // resource_capped: fixed text.
    let h = failing(AuthErrorKind::ResourceCapped, "capped");
    assert!(matches!(
        &h.form().phase,
        FormPhase::Failed {
            details: FailureDetails::Translated {
                key: MessageKey::GoResourceCapped,
                ..
            },
            ..
        }
    ));
    assert_eq!(last_error(&h).kind, AuthErrorKind::ResourceCapped);
    // Any other code: its message, its code.
    let h = failing(AuthErrorKind::from_wire("invalid_credentials"), "Bad key");
    assert!(
        matches!(&h.form().phase, FormPhase::Failed { details: FailureDetails::Raw(t), .. } if t == "Bad key")
    );
    assert_eq!(last_error(&h).kind.as_str(), "invalid_credentials");
    // Non-AuthError failure: unknown_error, "Unknown error" when it has no message.
    let h = failing(AuthErrorKind::UnknownError, "");
    assert!(matches!(
        &h.form().phase,
        FormPhase::Failed {
            details: FailureDetails::Translated {
                key: MessageKey::GoUnknownError,
                ..
            },
            ..
        }
    ));
    assert_eq!(last_error(&h).kind, AuthErrorKind::UnknownError);
}

fn oauth_harness(outcome: Outcome) -> Harness {
    let mut h = Harness::started(every_mode_driver().with_outcome(outcome));
    h.open("slack");
    h.send(Input::Submit);
    h
}

#[test]
fn blocked_popup_stays_on_the_form_with_an_alert_and_a_translated_event() {
    let h = oauth_harness(Outcome::Error(AuthError::blocked_by_browser()));
    assert_eq!(
        h.form().phase,
        FormPhase::Editing {
            alert: Some(FormAlert::PopupBlocked)
        }
    );
    let error = last_error(&h);
    assert_eq!(error.kind, AuthErrorKind::BlockedByBrowser);
    assert_eq!(error.message, common::en(MessageKey::GoPopupBlocked));
    assert_eq!(
        h.driver.telemetry_events().last(),
        Some(&TelemetryEvent::PopupBlockedByBrowser)
    );
}

#[test]
fn closed_popup_stays_on_the_form_with_an_alert() {
    let h = oauth_harness(Outcome::Error(AuthError::window_closed()));
    assert_eq!(
        h.form().phase,
        FormPhase::Editing {
            alert: Some(FormAlert::PopupClosed)
        }
    );
    assert_eq!(last_error(&h).kind, AuthErrorKind::WindowClosed);
    assert_eq!(
        h.driver.telemetry_events().last(),
        Some(&TelemetryEvent::PopupClosedEarly)
    );
}

#[test]
fn oauth_submission_waits_and_cancel_ends_with_a_cancelled_error() {
    let mut h = oauth_harness(Outcome::Hang);
    assert_eq!(h.form().phase, FormPhase::Waiting);
    let auth = h.driver.calls().into_iter().find_map(|c| match c {
        DriverCall::Auth { options, .. } => Some(options),
        _ => None,
    });
    assert_eq!(
        auth.map(|o| o.credentials),
        Some(None),
        "popup without overrides"
    );
    h.send(Input::CancelWaiting);
    assert_eq!(h.form().phase, FormPhase::Editing { alert: None });
    assert!(h.driver.calls().contains(&DriverCall::Cancel));
    let error = last_error(&h);
    assert_eq!(error.kind, AuthErrorKind::Cancelled);
    // The driver's own `cancelled` rejection that follows is not reported twice.
    h.settle();
    let cancelled = h
        .events
        .borrow()
        .iter()
        .filter(|e| matches!(e, ConnectUiEvent::Error(err) if err.kind == AuthErrorKind::Cancelled))
        .count();
    assert_eq!(cancelled, 1);
}

#[test]
fn a_success_after_cancel_is_still_reported_once() {
    let mut h = oauth_harness(Outcome::Hang);
    h.send(Input::CancelWaiting);
    h.send(Input::AuthFinished {
        attempt: 1,
        result: Ok(nango_core::AuthSuccess {
            provider_config_key: "slack".into(),
            connection_id: "late".into(),
            is_pending: None,
        }),
    });
    let connects = h
        .events
        .borrow()
        .iter()
        .filter(|e| matches!(e, ConnectUiEvent::Connect(_)))
        .count();
    assert_eq!(connects, 1);
}

#[test]
fn close_with_a_clean_form_closes_at_once() {
    let mut h = Harness::started(FakeDriver::new());
    h.send(Input::Close(CloseTrigger::CloseButton));
    assert_eq!(h.event_types(), ["ready", "close"]);
    assert!(!h.driver.calls().contains(&DriverCall::ConfirmLeave));
    assert_eq!(
        h.driver.telemetry_events().last(),
        Some(&TelemetryEvent::ClickClose)
    );
}

#[test]
fn dirty_form_asks_before_closing_and_respects_no() {
    let mut h = Harness::started(FakeDriver::new().with_confirm_leave(false));
    h.open("github");
    h.send(Input::Edit {
        field: api_key_field(),
        value: "x".to_owned(),
    });
    h.send(Input::Close(CloseTrigger::Outside));
    assert!(h.driver.calls().contains(&DriverCall::ConfirmLeave));
    assert!(!h.event_types().contains(&"close".to_owned()));
    assert!(!h.driver.calls().contains(&DriverCall::Close));
}

#[test]
fn dirty_form_closes_after_yes_with_click_outside() {
    let mut h = Harness::started(FakeDriver::new().with_confirm_leave(true));
    h.open("github");
    h.send(Input::Edit {
        field: api_key_field(),
        value: "x".to_owned(),
    });
    h.send(Input::Close(CloseTrigger::Outside));
    assert_eq!(h.event_types().last().map(String::as_str), Some("close"));
    assert_eq!(
        h.driver.telemetry_events().last(),
        Some(&TelemetryEvent::ClickOutside)
    );
}

#[test]
fn back_to_list_clears_dirty() {
    let mut h = Harness::started(FakeDriver::new());
    h.open("github");
    h.send(Input::Edit {
        field: api_key_field(),
        value: "x".to_owned(),
    });
    h.send(Input::BackToList);
    assert_eq!(h.machine.screen, Screen::List);
    assert!(!h.machine.dirty);
}

#[test]
fn preview_mode_ignores_close_and_submit_and_sends_no_telemetry() {
    let mut h = Harness::new(
        FakeDriver::new().with_outcome(Outcome::success("github", "c")),
        HostingMode::Embedded,
        true,
    );
    h.machine.token = Some(ConnectSessionToken::new(fixtures::TOKEN));
    h.send(Input::Start);
    h.open("github");
    h.send(Input::Edit {
        field: api_key_field(),
        value: "x".to_owned(),
    });
    h.send(Input::Submit);
    h.send(Input::Close(CloseTrigger::CloseButton));
    assert_eq!(h.event_types(), ["ready"]);
    assert!(h.driver.telemetry_events().is_empty());
    assert!(
        !h.driver
            .calls()
            .iter()
            .any(|c| matches!(c, DriverCall::Auth { .. } | DriverCall::Close))
    );
}

#[test]
fn tv15_preconfigured_client_id_is_not_asked() {
    let mut integration = fixtures::integration("sage", "sage-intacct", "Sage Intacct");
    integration.preconfigured_credentials = Some(vec!["clientId".to_owned()]);
    let mut h = Harness::started(FakeDriver::new().with_integrations(Ok(vec![integration])));
    h.open("sage");
    let names: Vec<&str> = h
        .form()
        .model
        .fields
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(names, ["username"]);
}

#[test]
fn tv16_tv17_two_step_fields_without_schema_leakage() {
    let mut h = Harness::started(every_mode_driver());
    h.open("sage-intacct");
    let names: Vec<String> = h
        .form()
        .model
        .fields
        .iter()
        .map(|f| f.name.clone())
        .collect();
    assert_eq!(names, ["username", "clientId"]);
    h.send(Input::BackToList);
    h.open("tableau");
    let names: Vec<String> = h
        .form()
        .model
        .fields
        .iter()
        .map(|f| f.name.clone())
        .collect();
    assert_eq!(names, ["pat_name", "pat_secret"]);
}

#[test]
fn preconfigured_params_are_hidden_and_prefilled() {
    let driver = every_mode_driver().with_session(Ok(fixtures::preconfigured_session(
        "zendesk",
        &[("subdomain", "acme")],
    )));
    let mut h = Harness::started(driver);
    h.open("zendesk");
    let field = &h.form().model.fields[0];
    assert!(field.hidden);
    assert_eq!(
        h.form()
            .values
            .get(&FieldId::new(FieldGroup::Params, "subdomain")),
        Some("acme")
    );
    assert!(h.form().model.nothing_to_ask());
}

#[test]
fn docs_override_drops_field_anchors() {
    let driver = every_mode_driver().with_session(Ok(fixtures::docs_override_session(
        "zendesk",
        "https://example.com/help",
    )));
    let mut h = Harness::started(driver);
    h.open("zendesk");
    let docs = h.form().docs.clone().expect("docs");
    assert!(docs.overridden);
    let link = nango_core::catalogue::FormModel::field_doc_link(&h.form().model.fields[0], &docs);
    assert_eq!(link, "https://example.com/help");
}

#[test]
fn aws_external_id_is_sent_and_hidden_on_reconnect() {
    let mut h =
        Harness::started(every_mode_driver().with_outcome(Outcome::success("aws-sigv4", "c")));
    h.open("aws-sigv4");
    let id = h.form().external_id.clone().expect("external id box");
    assert_eq!(id, "00000000-0000-4000-8000-000000000000");
    h.send(Input::Edit {
        field: FieldId::new(FieldGroup::Credentials, "role_arn"),
        value: "arn:aws:iam::1:role/x".to_owned(),
    });
    h.send(Input::Submit);
    let options = h
        .driver
        .calls()
        .into_iter()
        .find_map(|c| match c {
            DriverCall::Auth { options, .. } => Some(options),
            _ => None,
        })
        .expect("auth");
    assert_eq!(
        options
            .connection_config
            .params
            .get("external_id")
            .map(String::as_str),
        Some(id.as_str())
    );
    assert!(matches!(
        options.credentials,
        Some(Credentials::AwsSigv4 { .. })
    ));

    let driver = FakeDriver::new()
        .with_session(Ok(fixtures::reconnect_session("aws-sigv4")))
        .with_integrations(Ok(vec![fixtures::integration(
            "aws-sigv4",
            "aws-sigv4",
            "AWS",
        )]));
    let h = Harness::started(driver);
    assert!(h.machine.single_integration, "reconnect skips the list");
    assert_eq!(h.form().external_id, None);
}

#[test]
fn none_mode_calls_create_with_params() {
    let mut h = Harness::started(
        every_mode_driver().with_outcome(Outcome::success("unauthenticated", "c")),
    );
    h.open("unauthenticated");
    assert!(h.form().model.nothing_to_ask());
    h.send(Input::Submit);
    assert!(
        h.driver
            .calls()
            .iter()
            .any(|c| matches!(c, DriverCall::Create { key, .. } if key == "unauthenticated"))
    );
    assert!(matches!(h.form().phase, FormPhase::Success(_)));
}

#[test]
fn two_step_and_outbound_route_by_auth_mode() {
    let mut h =
        Harness::started(every_mode_driver().with_outcome(Outcome::success("tableau", "c")));
    h.open("tableau");
    for (name, value) in [("pat_name", "n"), ("pat_secret", "s")] {
        h.send(Input::Edit {
            field: FieldId::new(FieldGroup::Credentials, name),
            value: value.to_owned(),
        });
    }
    h.send(Input::Submit);
    let credentials = h.driver.calls().into_iter().find_map(|c| match c {
        DriverCall::Auth { options, .. } => options.credentials,
        _ => None,
    });
    let Some(Credentials::TwoStep(map)) = credentials else {
        panic!("{credentials:?}");
    };
    assert_eq!(map.get("type").and_then(|v| v.as_str()), Some("TWO_STEP"));

    let mut h =
        Harness::started(every_mode_driver().with_outcome(Outcome::success("sentry-oauth", "c")));
    h.open("sentry-oauth");
    h.send(Input::Edit {
        field: FieldId::new(FieldGroup::Params, "hostname"),
        value: "sentry.io".to_owned(),
    });
    h.send(Input::Submit);
    let credentials = h.driver.calls().into_iter().find_map(|c| match c {
        DriverCall::Auth { options, .. } => options.credentials,
        _ => None,
    });
    assert_eq!(credentials, Some(Credentials::Outbound));
}

#[test]
fn docs_clicks_send_telemetry() {
    let mut h = Harness::started(FakeDriver::new());
    h.open("github");
    h.send(Input::DocsOpened { section: false });
    h.send(Input::DocsOpened { section: true });
    assert!(
        h.driver
            .telemetry_events()
            .ends_with(&[TelemetryEvent::ClickDoc, TelemetryEvent::ClickDocSection])
    );
}

#[test]
fn activations_while_a_card_is_loading_are_ignored() {
    let mut h = Harness::started(FakeDriver::new());
    h.machine.pending_card = Some("slack".into());
    h.send(Input::SelectIntegration("github".into()));
    assert!(
        !h.driver
            .calls()
            .iter()
            .any(|c| matches!(c, DriverCall::Provider { .. }))
    );
}
