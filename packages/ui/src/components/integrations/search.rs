//! Instant search over the integrations: case- and diacritic-insensitive substring match on the
//! display name, provider and key, O(n) per keystroke over keys folded once.

use nango_core::session::Integration;

pub(crate) mod case_map;

/// Lower-cases and strips the diacritics of Latin letters (`É` → `e`, `ß` → `ss`, `Ł` → `l`).
/// Other scripts are only lower-cased.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // `case_map::lowercase` is `char::to_lowercase` without the standard library's 12 KB table.
    for c in text.chars().flat_map(case_map::lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => out.push('a'),
            'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => out.push('c'),
            'ď' | 'đ' => out.push('d'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => out.push('e'),
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => out.push('g'),
            'ĥ' | 'ħ' => out.push('h'),
            'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => out.push('i'),
            'ĵ' => out.push('j'),
            'ķ' => out.push('k'),
            'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => out.push('l'),
            'ñ' | 'ń' | 'ņ' | 'ň' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => out.push('o'),
            'ŕ' | 'ŗ' | 'ř' => out.push('r'),
            'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => out.push('s'),
            'ţ' | 'ť' | 'ŧ' | 'ț' => out.push('t'),
            'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => out.push('u'),
            'ŵ' => out.push('w'),
            'ý' | 'ÿ' | 'ŷ' => out.push('y'),
            'ź' | 'ż' | 'ž' => out.push('z'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'þ' => out.push_str("th"),
            other => out.push(other),
        }
    }
    out
}

/// The folded search keys of a list of integrations, built once per list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndex {
    keys: Vec<String>,
}

impl SearchIndex {
    /// Indexes display name, provider and key of each integration.
    pub fn new(integrations: &[Integration]) -> Self {
        SearchIndex {
            keys: integrations
                .iter()
                .map(|i| {
                    fold(&format!(
                        "{}\u{1f}{}\u{1f}{}",
                        i.display_name,
                        i.provider.as_str(),
                        i.unique_key.as_str()
                    ))
                })
                .collect(),
        }
    }

    /// The number of indexed integrations.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Positions (in list order) of the integrations matching every whitespace-separated term
    /// of `query`; all of them for a blank query.
    pub fn filter(&self, query: &str) -> Vec<usize> {
        let folded = fold(query);
        let terms: Vec<&str> = folded.split_whitespace().collect();
        if terms.is_empty() {
            return (0..self.keys.len()).collect();
        }
        self.keys
            .iter()
            .enumerate()
            .filter(|(_, key)| terms.iter().all(|term| key.contains(term)))
            .map(|(index, _)| index)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn integration(key: &str, provider: &str, name: &str) -> Integration {
        serde_json::from_value(serde_json::json!({
            "unique_key": key, "provider": provider, "display_name": name, "logo": ""
        }))
        .unwrap()
    }

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Ça Été Straße ŁÓDŹ"), "ca ete strasse lodz");
        assert_eq!(fold("日本"), "日本");
    }

    #[test]
    fn folds_other_scripts_and_special_cases() {
        // Greek, Cyrillic, Armenian, Georgian capitals and fullwidth Latin lower-case like std.
        assert_eq!(
            fold("ΣΊΣΥΦΟΣ Москва ԱՐՓԻ ᲐᲑᲒ ＡＢＣ"),
            "σίσυφοσ москва արփի აბგ ａｂｃ"
        );
        // Dotted capital I lower-cases to two characters; Kelvin and Ångström signs to letters.
        assert_eq!(fold("İ"), "i\u{307}");
        assert_eq!(fold("\u{212A}\u{212B}"), "ka");
        // Deseret (outside the BMP).
        assert_eq!(fold("\u{10400}"), "\u{10428}");
    }

    #[test]
    fn filters_non_latin_names_case_insensitively() {
        let list = vec![
            integration("ya", "yandex", "Яндекс Диск"),
            integration("gr", "greek", "ΑΘΗΝΑ"),
        ];
        let index = SearchIndex::new(&list);
        assert_eq!(index.filter("ЯНДЕКС"), vec![0]);
        assert_eq!(index.filter("диск"), vec![0]);
        assert_eq!(index.filter("αθηνα"), vec![1]);
    }

    #[test]
    fn filters_by_name_provider_and_key_in_order() {
        let list = vec![
            integration("github-prod", "github", "GitHub"),
            integration("crm", "hubspot", "HubSpot"),
            integration("gh-app", "github-app", "Acme Tools"),
            integration("cafe", "cafe", "Café Society"),
        ];
        let index = SearchIndex::new(&list);
        assert_eq!(index.filter(""), vec![0, 1, 2, 3]);
        assert_eq!(index.filter("  "), vec![0, 1, 2, 3]);
        assert_eq!(index.filter("GITHUB"), vec![0, 2]);
        assert_eq!(index.filter("hub"), vec![0, 1, 2]);
        assert_eq!(index.filter("crm"), vec![1]);
        assert_eq!(index.filter("cafe soc"), vec![3]);
        assert_eq!(index.filter("CAFÉ"), vec![3]);
        assert!(index.filter("zzz").is_empty());
    }
}
