//! The built-in fake OAuth 2 provider: an authorize step (consent page with Approve and Deny,
//! or auto-approve), single-use authorization codes bound to client, redirect URI and PKCE
//! S256 challenge, and a token endpoint that verifies all three.

use std::collections::HashMap;
use std::sync::Mutex;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// How long an authorization code stays valid, in milliseconds.
pub const CODE_TTL_MS: i64 = 10 * 60 * 1000;

/// A pending authorization request, waiting for Approve or Deny.
#[derive(Clone, Debug, PartialEq)]
pub struct AuthorizationRequest {
    /// The client asking.
    pub client_id: String,
    /// Where to send the user back.
    pub redirect_uri: String,
    /// The client's state, echoed back.
    pub state: String,
    /// PKCE S256 challenge, if any.
    pub code_challenge: Option<String>,
    /// Requested scopes.
    pub scope: String,
}

#[derive(Clone, Debug)]
struct IssuedCode {
    client_id: String,
    redirect_uri: String,
    code_challenge: Option<String>,
    scope: String,
    issued_at_ms: i64,
}

/// The token endpoint's answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TokenResponse {
    /// Bearer token.
    pub access_token: String,
    /// Always `bearer`.
    pub token_type: String,
    /// Lifetime in seconds.
    pub expires_in: u64,
    /// Refresh token.
    pub refresh_token: String,
    /// Granted scopes.
    pub scope: String,
}

/// An OAuth 2 token error (`error` per RFC 6749 §5.2).
#[derive(Clone, Debug, PartialEq, Serialize, thiserror::Error)]
#[error("{error}: {error_description}")]
pub struct TokenError {
    /// `invalid_grant`, `invalid_client`, `invalid_request`, `unsupported_grant_type`.
    pub error: String,
    /// Why.
    pub error_description: String,
}

impl TokenError {
    fn new(error: &str, description: &str) -> Self {
        TokenError {
            error: error.to_owned(),
            error_description: description.to_owned(),
        }
    }
}

/// An authorization-code exchange request.
#[derive(Clone, Debug, Default)]
pub struct CodeExchange {
    /// The code.
    pub code: String,
    /// Client id.
    pub client_id: String,
    /// Client secret.
    pub client_secret: String,
    /// Must equal the authorize request's.
    pub redirect_uri: String,
    /// PKCE verifier.
    pub code_verifier: Option<String>,
}

/// The fake provider's state: pending requests and issued codes (in memory).
#[derive(Debug, Default)]
pub struct FakeProvider {
    requests: Mutex<HashMap<String, AuthorizationRequest>>,
    codes: Mutex<HashMap<String, IssuedCode>>,
}

/// The S256 PKCE challenge of a verifier.
pub fn pkce_challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

impl FakeProvider {
    /// An empty provider.
    pub fn new() -> Self {
        FakeProvider::default()
    }

    /// Parks a request for the consent page under `request_id`.
    pub fn park(&self, request_id: &str, request: AuthorizationRequest) {
        if let Ok(mut requests) = self.requests.lock() {
            if requests.len() > 10_000 {
                requests.clear();
            }
            requests.insert(request_id.to_owned(), request);
        }
    }

    /// Takes a parked request (single use).
    pub fn take(&self, request_id: &str) -> Option<AuthorizationRequest> {
        self.requests.lock().ok()?.remove(request_id)
    }

    /// Issues a code for an approved request.
    pub fn issue_code(&self, code: &str, request: &AuthorizationRequest, now_ms: i64) {
        if let Ok(mut codes) = self.codes.lock() {
            codes.retain(|_, c| now_ms - c.issued_at_ms < CODE_TTL_MS);
            codes.insert(
                code.to_owned(),
                IssuedCode {
                    client_id: request.client_id.clone(),
                    redirect_uri: request.redirect_uri.clone(),
                    code_challenge: request.code_challenge.clone(),
                    scope: request.scope.clone(),
                    issued_at_ms: now_ms,
                },
            );
        }
    }

    /// Exchanges a code: checks client, secret, redirect URI and PKCE; the code is consumed even
    /// when a check fails (like real providers).
    pub fn exchange(
        &self,
        request: &CodeExchange,
        expected_secret: Option<&str>,
        now_ms: i64,
        access_token: String,
        refresh_token: String,
    ) -> Result<TokenResponse, TokenError> {
        let issued = self
            .codes
            .lock()
            .map_err(|_| TokenError::new("server_error", "lock poisoned"))?
            .remove(&request.code)
            .ok_or_else(|| TokenError::new("invalid_grant", "unknown or already used code"))?;
        if now_ms - issued.issued_at_ms >= CODE_TTL_MS {
            return Err(TokenError::new("invalid_grant", "code expired"));
        }
        if issued.client_id != request.client_id {
            return Err(TokenError::new(
                "invalid_grant",
                "code was issued to another client",
            ));
        }
        if expected_secret.is_some_and(|s| s != request.client_secret) {
            return Err(TokenError::new("invalid_client", "bad client secret"));
        }
        if issued.redirect_uri != request.redirect_uri {
            return Err(TokenError::new("invalid_grant", "redirect_uri mismatch"));
        }
        if let Some(challenge) = &issued.code_challenge {
            let Some(verifier) = &request.code_verifier else {
                return Err(TokenError::new("invalid_grant", "code_verifier required"));
            };
            if &pkce_challenge(verifier) != challenge {
                return Err(TokenError::new("invalid_grant", "PKCE verification failed"));
            }
        }
        Ok(TokenResponse {
            access_token,
            token_type: "bearer".to_owned(),
            expires_in: 3600,
            refresh_token,
            scope: issued.scope,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> AuthorizationRequest {
        AuthorizationRequest {
            client_id: "c".into(),
            redirect_uri: "http://x/cb".into(),
            state: "s".into(),
            code_challenge: Some(pkce_challenge("verifier-123")),
            scope: "read".into(),
        }
    }

    fn exchange(verifier: &str) -> CodeExchange {
        CodeExchange {
            code: "code".into(),
            client_id: "c".into(),
            client_secret: "sec".into(),
            redirect_uri: "http://x/cb".into(),
            code_verifier: Some(verifier.into()),
        }
    }

    #[test]
    fn rfc7636_example_challenge() {
        assert_eq!(
            pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn pkce_mismatch_and_reuse_are_rejected() {
        let p = FakeProvider::new();
        p.issue_code("code", &request(), 0);
        let err = p
            .exchange(&exchange("wrong"), Some("sec"), 1, "a".into(), "r".into())
            .unwrap_err();
        assert_eq!(err.error, "invalid_grant");
        // Consumed even on failure.
        p.issue_code("code", &request(), 0);
        assert!(
            p.exchange(
                &exchange("verifier-123"),
                Some("sec"),
                1,
                "a".into(),
                "r".into()
            )
            .is_ok()
        );
        assert!(
            p.exchange(
                &exchange("verifier-123"),
                Some("sec"),
                1,
                "a".into(),
                "r".into()
            )
            .is_err()
        );
    }
}
