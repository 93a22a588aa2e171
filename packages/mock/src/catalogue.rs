//! The server's catalogue: provider templates (the official `providers.yaml` or the built-in
//! demo) and the integrations declared over them (key, provider, display name, overrides).

use std::path::Path;

use indexmap::IndexMap;
use nango_core::catalogue::{AuthMode, Provider};
use serde::{Deserialize, Serialize};

/// Why a catalogue or integrations file could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CatalogueError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The YAML is malformed.
    #[error("invalid YAML: {0}")]
    Yaml(String),
    /// The TOML is malformed.
    #[error("invalid TOML: {0}")]
    Toml(String),
    /// An integration names a provider the catalogue does not have.
    #[error("integration {key:?} uses unknown provider {provider:?}")]
    UnknownProvider {
        /// Integration key.
        key: String,
        /// Provider name.
        provider: String,
    },
}

/// One integration (Nango's "provider config"): a key over a provider template.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Integration {
    /// The integration key (`providerConfigKey`).
    pub unique_key: String,
    /// The provider template name.
    pub provider: String,
    /// Display name; the provider's when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Overrides the provider's auth mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_mode: Option<AuthMode>,
    /// Whether credentials are tested (sandbox rule: values starting with `invalid` fail).
    #[serde(default = "default_true")]
    pub credential_test: bool,
    /// OAuth client id (the fake provider accepts it); generated when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// OAuth client secret; generated when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
    /// OAuth scopes requested.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scopes: Vec<String>,
    /// Custom credential labels shown by the Connect UI (`credentials_label`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credentials_label: Option<IndexMap<String, String>>,
    /// Credential fields preconfigured on the integration (not asked from the user).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preconfigured_credentials: Vec<String>,
    /// Whether webhooks are forwarded (reported only).
    #[serde(default)]
    pub forward_webhooks: bool,
}

fn default_true() -> bool {
    true
}

impl Integration {
    /// The OAuth client id the fake provider expects for this integration.
    pub fn oauth_client_id(&self) -> String {
        self.client_id
            .clone()
            .unwrap_or_else(|| format!("mock-client-{}", self.unique_key))
    }

    /// The OAuth client secret the fake provider expects for this integration.
    pub fn oauth_client_secret(&self) -> String {
        self.client_secret
            .clone()
            .unwrap_or_else(|| format!("mock-secret-{}", self.unique_key))
    }
}

#[derive(Deserialize)]
struct IntegrationsFile {
    #[serde(default)]
    integrations: Vec<Integration>,
}

/// Provider templates plus the integrations declared over them.
#[derive(Clone, Debug, Default)]
pub struct Catalogue {
    /// Provider templates by name, aliases resolved.
    pub providers: IndexMap<String, Provider>,
    /// Integrations by key, in declaration order.
    pub integrations: IndexMap<String, Integration>,
}

impl Catalogue {
    /// The built-in demo catalogue (see `demo.rs`).
    pub fn demo() -> Result<Self, CatalogueError> {
        let providers = parse_providers_yaml(crate::demo::DEMO_PROVIDERS_YAML)?;
        let integrations = parse_integrations_yaml(crate::demo::DEMO_INTEGRATIONS_YAML)?;
        Catalogue::assemble(providers, integrations)
    }

    /// Loads from files; each absent file falls back to the demo's part.
    pub fn load(
        providers_path: Option<&Path>,
        integrations_path: Option<&Path>,
    ) -> Result<Self, CatalogueError> {
        let mut providers = parse_providers_yaml(crate::demo::DEMO_PROVIDERS_YAML)?;
        if let Some(path) = providers_path {
            // The official catalogue is added on top: demo providers stay available.
            providers.extend(parse_providers_yaml(&read(path)?)?);
        }
        let integrations = match integrations_path {
            Some(path) => {
                let text = read(path)?;
                let is_toml = path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
                if is_toml {
                    parse_integrations_toml(&text)?
                } else {
                    parse_integrations_yaml(&text)?
                }
            }
            None => parse_integrations_yaml(crate::demo::DEMO_INTEGRATIONS_YAML)?,
        };
        Catalogue::assemble(providers, integrations)
    }

    /// Builds a catalogue, checking that every integration's provider exists.
    pub fn assemble(
        providers: IndexMap<String, Provider>,
        integrations: Vec<Integration>,
    ) -> Result<Self, CatalogueError> {
        let mut by_key = IndexMap::new();
        for integration in integrations {
            if !providers.contains_key(&integration.provider) {
                return Err(CatalogueError::UnknownProvider {
                    key: integration.unique_key,
                    provider: integration.provider,
                });
            }
            by_key.insert(integration.unique_key.clone(), integration);
        }
        Ok(Catalogue {
            providers,
            integrations: by_key,
        })
    }

    /// The integration with this key.
    pub fn integration(&self, key: &str) -> Option<&Integration> {
        self.integrations.get(key)
    }

    /// The provider template with this name.
    pub fn provider(&self, name: &str) -> Option<&Provider> {
        self.providers.get(name)
    }

    /// The effective auth mode of an integration (its override, else the provider's).
    pub fn auth_mode(&self, integration: &Integration) -> Option<AuthMode> {
        integration.auth_mode.clone().or_else(|| {
            self.providers
                .get(&integration.provider)
                .map(|p| p.auth_mode.clone())
        })
    }

    /// The display name of an integration (its own, else the provider's).
    pub fn display_name(&self, integration: &Integration) -> String {
        integration.display_name.clone().unwrap_or_else(|| {
            self.providers
                .get(&integration.provider)
                .map(|p| p.display_name.clone())
                .unwrap_or_else(|| integration.provider.clone())
        })
    }
}

fn read(path: &Path) -> Result<String, CatalogueError> {
    std::fs::read_to_string(path).map_err(|source| CatalogueError::Read {
        path: path.display().to_string(),
        source,
    })
}

/// Parses a `providers.yaml` document with nango-core's loader (aliases resolved).
pub fn parse_providers_yaml(text: &str) -> Result<IndexMap<String, Provider>, CatalogueError> {
    let catalogue = nango_core::catalogue::Catalogue::from_yaml_str(text)
        .map_err(|e| CatalogueError::Yaml(e.to_string()))?;
    Ok(catalogue
        .iter()
        .map(|(name, provider)| (name.to_owned(), provider.clone()))
        .collect())
}

/// Parses our integrations file in YAML (`integrations: [ {unique_key, provider, …} ]`).
pub fn parse_integrations_yaml(text: &str) -> Result<Vec<Integration>, CatalogueError> {
    let file: IntegrationsFile =
        serde_yaml_ng::from_str(text).map_err(|e| CatalogueError::Yaml(e.to_string()))?;
    Ok(file.integrations)
}

/// Parses our integrations file in TOML (`[[integrations]]` tables).
pub fn parse_integrations_toml(text: &str) -> Result<Vec<Integration>, CatalogueError> {
    let file: IntegrationsFile =
        toml::from_str(text).map_err(|e| CatalogueError::Toml(e.to_string()))?;
    Ok(file.integrations)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_has_one_integration_per_connect_ui_mode() {
        let catalogue = Catalogue::demo().unwrap();
        let modes: Vec<String> = catalogue
            .integrations
            .values()
            .filter_map(|i| catalogue.auth_mode(i))
            .map(|m| m.as_str().to_owned())
            .collect();
        for wanted in [
            "OAUTH2",
            "API_KEY",
            "BASIC",
            "TBA",
            "JWT",
            "TWO_STEP",
            "OAUTH2_CC",
            "NONE",
        ] {
            assert!(modes.iter().any(|m| m == wanted), "missing {wanted}");
        }
        assert!(catalogue.integrations.values().any(|i| {
            catalogue
                .provider(&i.provider)
                .is_some_and(|p| p.connection_config.contains_key("subdomain"))
        }));
    }

    #[test]
    fn aliases_merge_shallowly() {
        let yaml = "base:\n  display_name: Base\n  auth_mode: OAUTH2\n  docs: d\nchild:\n  alias: base\n  display_name: Child\n";
        let providers = parse_providers_yaml(yaml).unwrap();
        assert_eq!(providers["child"].display_name, "Child");
        assert_eq!(providers["child"].docs.as_deref(), Some("d"));
    }

    #[test]
    fn integrations_toml_and_unknown_provider() {
        let toml = "[[integrations]]\nunique_key = \"k\"\nprovider = \"nope\"\n";
        let integrations = parse_integrations_toml(toml).unwrap();
        assert!(integrations[0].credential_test);
        let err = Catalogue::assemble(IndexMap::new(), integrations).unwrap_err();
        assert!(matches!(err, CatalogueError::UnknownProvider { .. }));
    }
}
