//! The provider catalogue: every template of `providers.yaml` (or a JSON map of them), aliases
//! resolved, in file order.

use indexmap::IndexMap;
use serde_json::{Map, Value};

use super::provider::Provider;

/// Why a catalogue could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CatalogueError {
    /// The YAML text is malformed.
    #[error("providers.yaml is not valid YAML: {0}")]
    Yaml(String),
    /// The document is not a mapping of provider names to templates.
    #[error("the catalogue must be a mapping of provider names to templates")]
    NotAMapping,
    /// A provider entry is not a mapping.
    #[error("provider `{provider}` is not a mapping")]
    EntryNotAMapping {
        /// The provider name.
        provider: String,
    },
    /// `alias` is not a string.
    #[error("provider `{provider}` has a non-string `alias`")]
    AliasNotAString {
        /// The provider name.
        provider: String,
    },
    /// `alias` names a provider that does not exist.
    #[error("provider `{provider}` aliases unknown provider `{target}`")]
    MissingAliasTarget {
        /// The provider name.
        provider: String,
        /// The missing target.
        target: String,
    },
    /// Aliases form a cycle.
    #[error("provider `{provider}` is part of an alias cycle: {}", chain.join(" -> "))]
    AliasCycle {
        /// The provider name.
        provider: String,
        /// The chain of names, ending with the repeated one.
        chain: Vec<String>,
    },
    /// A resolved template does not have the expected shape.
    #[error("provider `{provider}` is malformed: {message}")]
    InvalidProvider {
        /// The provider name.
        provider: String,
        /// What is wrong.
        message: String,
    },
    /// The same provider name appears twice.
    #[error("provider `{provider}` appears twice")]
    DuplicateProvider {
        /// The provider name.
        provider: String,
    },
}

/// Provider templates by name, in file order, aliases resolved.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalogue {
    providers: IndexMap<String, Provider>,
    alias_count: usize,
}

impl Catalogue {
    /// A catalogue from already-typed providers (names must be unique; aliases are not resolved).
    pub fn from_providers(providers: Vec<(String, Provider)>) -> Result<Catalogue, CatalogueError> {
        let mut map = IndexMap::with_capacity(providers.len());
        let mut alias_count = 0;
        for (name, mut provider) in providers {
            if map.contains_key(&name) {
                return Err(CatalogueError::DuplicateProvider { provider: name });
            }
            alias_count += usize::from(provider.alias.is_some());
            provider.name.get_or_insert_with(|| name.clone());
            map.insert(name, provider);
        }
        Ok(Catalogue {
            providers: map,
            alias_count,
        })
    }

    /// A catalogue from the JSON form of `providers.yaml` (a map of name → raw template),
    /// resolving aliases like [`Catalogue::from_yaml_str`].
    pub fn from_json_map(raw: &Map<String, Value>) -> Result<Catalogue, CatalogueError> {
        let mut entries: IndexMap<String, Map<String, Value>> = IndexMap::new();
        for (name, value) in raw {
            let Value::Object(map) = value else {
                return Err(CatalogueError::EntryNotAMapping {
                    provider: name.clone(),
                });
            };
            entries.insert(name.clone(), map.clone());
        }
        let resolved = resolve_aliases(&entries)?;
        let mut alias_count = 0;
        let mut providers = IndexMap::with_capacity(resolved.len());
        for (name, map) in resolved {
            alias_count += usize::from(entries.get(&name).is_some_and(|e| e.contains_key("alias")));
            let mut provider: Provider =
                serde_json::from_value(Value::Object(map)).map_err(|e| {
                    CatalogueError::InvalidProvider {
                        provider: name.clone(),
                        message: e.to_string(),
                    }
                })?;
            provider.name.get_or_insert_with(|| name.clone());
            providers.insert(name, provider);
        }
        Ok(Catalogue {
            providers,
            alias_count,
        })
    }

    /// Parses the official `providers.yaml` and resolves its aliases.
    #[cfg(feature = "yaml")]
    pub fn from_yaml_str(yaml: &str) -> Result<Catalogue, CatalogueError> {
        let value: Value =
            serde_yaml_ng::from_str(yaml).map_err(|e| CatalogueError::Yaml(e.to_string()))?;
        match value {
            Value::Object(map) => Catalogue::from_json_map(&map),
            _ => Err(CatalogueError::NotAMapping),
        }
    }

    /// The provider with this name.
    pub fn get(&self, name: &str) -> Option<&Provider> {
        self.providers.get(name)
    }

    /// Every provider in file order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Provider)> {
        self.providers.iter().map(|(n, p)| (n.as_str(), p))
    }

    /// Number of providers (aliases included).
    pub fn len(&self) -> usize {
        self.providers.len()
    }

    /// True when there are no providers.
    pub fn is_empty(&self) -> bool {
        self.providers.is_empty()
    }

    /// How many entries were aliases.
    pub fn alias_count(&self) -> usize {
        self.alias_count
    }
}

/// Resolves every entry in file order: an alias is the resolved target's top-level keys
/// overlaid by the alias's own keys. Chains are followed; cycles and missing targets are errors.
fn resolve_aliases(
    entries: &IndexMap<String, Map<String, Value>>,
) -> Result<IndexMap<String, Map<String, Value>>, CatalogueError> {
    let mut resolved: IndexMap<String, Map<String, Value>> = IndexMap::with_capacity(entries.len());
    for start in entries.keys() {
        if resolved.contains_key(start) {
            continue;
        }
        // Walk the chain down to a resolved or non-alias entry.
        let mut chain: Vec<&str> = vec![start.as_str()];
        while let Some(current) = chain.last().copied() {
            if resolved.contains_key(current) {
                break;
            }
            let entry = entries
                .get(current)
                .ok_or_else(|| CatalogueError::EntryNotAMapping {
                    provider: current.to_owned(),
                })?;
            let Some(alias) = entry.get("alias") else {
                break;
            };
            let Value::String(target) = alias else {
                return Err(CatalogueError::AliasNotAString {
                    provider: current.to_owned(),
                });
            };
            let Some((target_name, _)) = entries.get_key_value(target.as_str()) else {
                return Err(CatalogueError::MissingAliasTarget {
                    provider: current.to_owned(),
                    target: target.clone(),
                });
            };
            if chain.contains(&target_name.as_str()) {
                let mut names: Vec<String> = chain.iter().map(|s| (*s).to_owned()).collect();
                names.push(target_name.clone());
                return Err(CatalogueError::AliasCycle {
                    provider: start.clone(),
                    chain: names,
                });
            }
            chain.push(target_name.as_str());
        }
        // Fold back up: the deepest entry is resolved already or is not an alias.
        let mut base: Map<String, Value> = Map::new();
        for (depth, name) in chain.iter().rev().enumerate() {
            if depth == 0 {
                base = match resolved.get(*name) {
                    Some(done) => done.clone(),
                    None => entries.get(*name).cloned().unwrap_or_default(),
                };
            } else {
                for (key, value) in entries.get(*name).into_iter().flatten() {
                    base.insert(key.clone(), value.clone());
                }
            }
            resolved.insert((*name).to_owned(), base.clone());
        }
    }
    // Restore file order (chains may have resolved targets out of order).
    let mut ordered = IndexMap::with_capacity(entries.len());
    for name in entries.keys() {
        if let Some(map) = resolved.swap_remove(name) {
            ordered.insert(name.clone(), map);
        }
    }
    Ok(ordered)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::AuthMode;
    use serde_json::json;

    fn catalogue(v: Value) -> Result<Catalogue, CatalogueError> {
        let Value::Object(map) = v else {
            panic!("not a map")
        };
        Catalogue::from_json_map(&map)
    }

    #[test]
    fn aliases_chain_and_merge_shallowly_in_file_order() {
        let c = catalogue(json!({
            "google-calendar-mcp": {"alias": "google-calendar", "display_name": "GCal MCP", "auth_mode": "MCP_OAUTH2"},
            "google": {"display_name": "Google", "auth_mode": "OAUTH2", "docs": "g",
                       "connection_config": {"a": {"title": "A"}, "b": {"title": "B"}}},
            "google-calendar": {"alias": "google", "display_name": "Google Calendar",
                                "connection_config": {"c": {"title": "C"}}},
        }))
        .unwrap();
        let names: Vec<&str> = c.iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["google-calendar-mcp", "google", "google-calendar"]);
        assert_eq!(c.len(), 3);
        assert_eq!(c.alias_count(), 2);
        let cal = c.get("google-calendar").unwrap();
        assert_eq!(cal.auth_mode, AuthMode::OAuth2);
        assert_eq!(cal.docs.as_deref(), Some("g"));
        assert_eq!(cal.connection_config.keys().collect::<Vec<_>>(), ["c"]);
        let mcp = c.get("google-calendar-mcp").unwrap();
        assert_eq!(mcp.auth_mode, AuthMode::McpOAuth2);
        assert_eq!(mcp.display_name, "GCal MCP");
        assert_eq!(mcp.connection_config.keys().collect::<Vec<_>>(), ["c"]);
        assert_eq!(mcp.name.as_deref(), Some("google-calendar-mcp"));
    }

    #[test]
    fn alias_cycles_and_missing_targets_are_errors() {
        let err = catalogue(json!({"a": {"alias": "b"}, "b": {"alias": "a"}})).unwrap_err();
        assert!(matches!(err, CatalogueError::AliasCycle { .. }), "{err}");
        let err = catalogue(json!({"a": {"alias": "a"}})).unwrap_err();
        assert!(matches!(err, CatalogueError::AliasCycle { .. }));
        let err = catalogue(json!({"a": {"alias": "zzz"}})).unwrap_err();
        assert_eq!(
            err,
            CatalogueError::MissingAliasTarget {
                provider: "a".into(),
                target: "zzz".into()
            }
        );
        let err = catalogue(json!({"a": {"alias": 3}})).unwrap_err();
        assert!(matches!(err, CatalogueError::AliasNotAString { .. }));
    }

    #[test]
    fn wrong_shapes_name_the_provider() {
        let err = catalogue(json!({"x": []})).unwrap_err();
        assert_eq!(
            err,
            CatalogueError::EntryNotAMapping {
                provider: "x".into()
            }
        );
        let err = catalogue(json!({"y": {"auth_mode": "API_KEY"}})).unwrap_err();
        assert!(
            matches!(&err, CatalogueError::InvalidProvider { provider, .. } if provider == "y"),
            "{err}"
        );
    }

    #[test]
    fn duplicate_typed_providers_are_rejected() {
        let p: Provider =
            serde_json::from_value(json!({"display_name": "X", "auth_mode": "NONE"})).unwrap();
        let err =
            Catalogue::from_providers(vec![("x".into(), p.clone()), ("x".into(), p)]).unwrap_err();
        assert!(matches!(err, CatalogueError::DuplicateProvider { .. }));
    }

    #[cfg(feature = "yaml")]
    #[test]
    fn yaml_errors_are_typed() {
        assert!(matches!(
            Catalogue::from_yaml_str("a: [b"),
            Err(CatalogueError::Yaml(_))
        ));
        assert!(matches!(
            Catalogue::from_yaml_str("- 1"),
            Err(CatalogueError::NotAMapping)
        ));
        let c = Catalogue::from_yaml_str("p:\n  display_name: P\n  auth_mode: API_KEY\n").unwrap();
        assert_eq!(c.get("p").unwrap().auth_mode, AuthMode::ApiKey);
    }
}
