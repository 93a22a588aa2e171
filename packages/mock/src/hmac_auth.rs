//! Environment HMAC for public-key auth (§4.1 step 2, §5.4 step 5): the key, the digest
//! (lowercase hex HMAC-SHA256 over `providerConfigKey[:connectionId]`) and its check.

use std::fmt;

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The environment HMAC key; its `Debug` never shows the value.
#[derive(Clone, PartialEq, Eq)]
pub struct HmacKey(String);

impl HmacKey {
    /// Wraps a key.
    pub fn new(key: impl Into<String>) -> Self {
        HmacKey(key.into())
    }

    /// The lowercase hex digest over `provider_config_key`, or
    /// `provider_config_key:connection_id` when a connection id was received.
    pub fn digest(&self, provider_config_key: &str, connection_id: Option<&str>) -> String {
        let message = match connection_id {
            Some(id) => format!("{provider_config_key}:{id}"),
            None => provider_config_key.to_owned(),
        };
        // HMAC accepts keys of any length, so this never fails.
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(self.0.as_bytes()) else {
            return String::new();
        };
        mac.update(message.as_bytes());
        mac.finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// Checks a received digest (in constant time over its bytes).
    pub fn check(
        &self,
        received: Option<&str>,
        provider_config_key: &str,
        connection_id: Option<&str>,
    ) -> HmacOutcome {
        let Some(received) = received.filter(|s| !s.is_empty()) else {
            return HmacOutcome::Missing;
        };
        let expected = self.digest(provider_config_key, connection_id);
        let same_length = received.len() == expected.len();
        let difference = received
            .bytes()
            .zip(expected.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b));
        if same_length && difference == 0 && !expected.is_empty() {
            HmacOutcome::Valid
        } else {
            HmacOutcome::Invalid
        }
    }
}

impl fmt::Debug for HmacKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HmacKey(<redacted>)")
    }
}

/// The result of an HMAC check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HmacOutcome {
    /// The digest matches.
    Valid,
    /// No `hmac` was sent.
    Missing,
    /// The digest does not match.
    Invalid,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4231_case_2_and_key_forms() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        let key = HmacKey::new("Jefe");
        assert_eq!(
            key.digest("what do ya want for nothing?", None),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        let with_id = key.digest("github", Some("user 1"));
        assert_eq!(with_id, HmacKey::new("Jefe").digest("github:user 1", None));
        assert_eq!(
            key.check(Some(&with_id), "github", Some("user 1")),
            HmacOutcome::Valid
        );
        assert_eq!(key.check(None, "github", None), HmacOutcome::Missing);
        assert_eq!(
            key.check(Some(&with_id.to_uppercase()), "github", Some("user 1")),
            HmacOutcome::Invalid
        );
        assert_eq!(
            key.check(Some(&with_id), "github", None),
            HmacOutcome::Invalid
        );
        assert!(!format!("{key:?}").contains("Jefe"));
    }
}
