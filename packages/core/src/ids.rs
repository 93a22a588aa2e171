//! Newtypes for the identifiers and secrets of the Nango protocol.
//!
//! Secrets ([`ConnectSessionToken`], [`SecretKey`]) print `[redacted]` in `Debug`; read them with
//! `expose()` only where they go on the wire.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Declares a transparent string newtype with the usual conversions.
macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps a value.
            pub fn new(value: impl Into<String>) -> Self {
                $name(value.into())
            }

            /// The value as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The owned value.
            pub fn into_inner(self) -> String {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), self.0)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                $name(value.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                $name(value)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

/// Declares a secret string newtype: redacted `Debug`, no `Display`, explicit `expose()`.
macro_rules! secret {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps a secret value.
            pub fn new(value: impl Into<String>) -> Self {
                $name(value.into())
            }

            /// The secret itself, for the wire. Never log it.
            pub fn expose(&self) -> &str {
                &self.0
            }

            /// A loggable form: the first characters of a known prefix, the rest hidden.
            pub fn redacted(&self) -> String {
                redact(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}([redacted])", stringify!($name))
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                $name(value.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                $name(value)
            }
        }
    };
}

string_id! {
    /// The key of an integration (Nango calls it `providerConfigKey` or `unique_key`), e.g. `github`.
    ProviderConfigKey
}

string_id! {
    /// The id of a connection, e.g. the UUID Nango generated when the connection was created.
    ConnectionId
}

string_id! {
    /// A Nango public key (deprecated public-key auth; a UUID v4).
    PublicKey
}

string_id! {
    /// The id the server assigns to one WebSocket client in its `connection_ack` frame.
    WsClientId
}

string_id! {
    /// The name of a provider template in the catalogue (`providers.yaml`), e.g. `github`.
    ProviderName
}

secret! {
    /// A connect session token: `nango_connect_session_` followed by 64 lowercase hex digits.
    ConnectSessionToken
}

secret! {
    /// A Nango environment secret key (server side only: creates connect sessions).
    SecretKey
}

/// The prefix of every connect session token.
pub const CONNECT_SESSION_TOKEN_PREFIX: &str = "nango_connect_session_";

impl ConnectSessionToken {
    /// True when the token has the exact server format `nango_connect_session_[a-f0-9]{64}`.
    pub fn is_well_formed(&self) -> bool {
        self.0
            .strip_prefix(CONNECT_SESSION_TOKEN_PREFIX)
            .is_some_and(|hex| {
                hex.len() == 64
                    && hex
                        .bytes()
                        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
            })
    }
}

/// Redacts a secret for logs: keeps a `nango_connect_session_` prefix and the last four
/// characters of long values, hides everything else.
pub fn redact(secret: &str) -> String {
    let (prefix, rest) = match secret.strip_prefix(CONNECT_SESSION_TOKEN_PREFIX) {
        Some(rest) => (CONNECT_SESSION_TOKEN_PREFIX, rest),
        None => ("", secret),
    };
    let count = rest.chars().count();
    if count >= 16 {
        let tail: String = rest.chars().skip(count - 4).collect();
        format!("{prefix}…{tail}")
    } else {
        format!("{prefix}[redacted]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_print_in_debug() {
        let token =
            ConnectSessionToken::new(format!("{CONNECT_SESSION_TOKEN_PREFIX}{}", "ab".repeat(32)));
        let printed = format!("{token:?}");
        assert!(!printed.contains("abab"), "{printed}");
        assert!(token.redacted().ends_with("abab"));
        assert!(token.redacted().len() < 32);
        assert_eq!(
            format!("{:?}", SecretKey::new("s3cr3t")),
            "SecretKey([redacted])"
        );
    }

    #[test]
    fn token_format_matches_the_server_rule() {
        let good = format!("{CONNECT_SESSION_TOKEN_PREFIX}{}", "0f".repeat(32));
        assert!(ConnectSessionToken::new(good.clone()).is_well_formed());
        assert!(!ConnectSessionToken::new(good.to_uppercase()).is_well_formed());
        assert!(!ConnectSessionToken::new(format!("{good}0")).is_well_formed());
        assert!(!ConnectSessionToken::new("6f1c1d8e-3a4b-4c5d-8e9f-0a1b2c3d4e5f").is_well_formed());
        assert!(
            !ConnectSessionToken::new(format!("{CONNECT_SESSION_TOKEN_PREFIX}{}", "g".repeat(64)))
                .is_well_formed()
        );
    }

    #[test]
    fn ids_are_transparent_in_json() {
        let key: ProviderConfigKey = serde_json::from_str("\"github\"").unwrap();
        assert_eq!(key.as_str(), "github");
        assert_eq!(
            serde_json::to_string(&ConnectionId::new("c-1")).unwrap(),
            "\"c-1\""
        );
    }
}
