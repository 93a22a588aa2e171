//! JavaScript regular expressions from `providers.yaml` (`pattern`), translated to Rust syntax and
//! run with a bounded backtracking engine so a hostile pattern errors instead of freezing.
//!
//! Native builds use fancy-regex (look-around is needed by the salesforce hostname patterns) with
//! a backtrack limit. In the browser (wasm32) the page's own `RegExp` runs the original source,
//! with values longer than [`MAX_BROWSER_INPUT`] left unchecked (`RegExp` has no step limit).

use std::fmt;

/// How many backtracking steps one match may take before it is abandoned.
pub const BACKTRACK_LIMIT: usize = 200_000;

/// The longest value the browser's `RegExp` is asked to check. Catalogue patterns describe
/// hostnames, account ids and keys; a longer value is reported as
/// [`PatternError::BacktrackLimit`] ("cannot validate") instead of risking a frozen page.
pub const MAX_BROWSER_INPUT: usize = 4_096;

/// Why a pattern cannot be used to validate a value. The Connect UI treats every case as
/// "cannot validate": the field is not blocked, the error is reported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PatternError {
    /// The source uses JavaScript syntax this translator does not support.
    #[error("unsupported JavaScript regex syntax in /{pattern}/: {reason}")]
    Unsupported {
        /// The JavaScript pattern source.
        pattern: String,
        /// What is unsupported.
        reason: String,
    },
    /// The translated pattern does not compile.
    #[error("invalid regex /{pattern}/: {reason}")]
    Invalid {
        /// The JavaScript pattern source.
        pattern: String,
        /// The engine's message.
        reason: String,
    },
    /// Matching took more than [`BACKTRACK_LIMIT`] backtracking steps (in the browser: the value
    /// is longer than [`MAX_BROWSER_INPUT`]).
    #[error("regex /{pattern}/ exceeded its backtracking limit")]
    BacktrackLimit {
        /// The JavaScript pattern source.
        pattern: String,
    },
}

/// A compiled JavaScript regular expression (no flags), matched with search semantics.
#[derive(Clone)]
pub struct JsPattern {
    source: String,
    engine: engine::Compiled,
}

impl JsPattern {
    /// Translates and compiles a JavaScript pattern source (the text between the slashes).
    pub fn compile(source: &str) -> Result<Self, PatternError> {
        let translated = translate(source)?;
        let engine = engine::Compiled::build(source, &translated)?;
        Ok(JsPattern {
            source: source.to_owned(),
            engine,
        })
    }

    /// The JavaScript source this pattern was compiled from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// True when the pattern matches anywhere in `haystack` (JavaScript `RegExp.test`).
    pub fn is_match(&self, haystack: &str) -> Result<bool, PatternError> {
        self.engine.is_match(&self.source, haystack)
    }
}

impl fmt::Debug for JsPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "JsPattern(/{}/)", self.source)
    }
}

impl PartialEq for JsPattern {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod engine {
    //! The native engine: fancy-regex with a backtrack limit.
    use super::{BACKTRACK_LIMIT, PatternError};

    /// A compiled fancy-regex.
    #[derive(Clone)]
    pub(super) struct Compiled(fancy_regex::Regex);

    impl Compiled {
        pub(super) fn build(source: &str, translated: &str) -> Result<Self, PatternError> {
            fancy_regex::RegexBuilder::new(translated)
                .backtrack_limit(BACKTRACK_LIMIT)
                .delegate_size_limit(4 * 1024 * 1024)
                .build()
                .map(Compiled)
                .map_err(|e| PatternError::Invalid {
                    pattern: source.to_owned(),
                    reason: e.to_string(),
                })
        }

        pub(super) fn is_match(&self, source: &str, haystack: &str) -> Result<bool, PatternError> {
            self.0.is_match(haystack).map_err(|e| match e {
                fancy_regex::Error::RuntimeError(
                    fancy_regex::RuntimeError::BacktrackLimitExceeded,
                ) => PatternError::BacktrackLimit {
                    pattern: source.to_owned(),
                },
                other => PatternError::Invalid {
                    pattern: source.to_owned(),
                    reason: other.to_string(),
                },
            })
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod engine {
    //! The browser engine: the page's own `RegExp`, i.e. exactly the JavaScript semantics the
    //! catalogue's patterns are written for. `RegExp` has no backtracking limit, so the value is
    //! capped at [`MAX_BROWSER_INPUT`](super::MAX_BROWSER_INPUT) characters: longer values are not
    //! checked (a typed error, which the form treats as "cannot validate").
    use js_sys::wasm_bindgen::{JsCast, JsValue};
    use js_sys::{Array, Function, Reflect, RegExp};

    use super::{MAX_BROWSER_INPUT, PatternError};

    /// The pattern's JavaScript source, checked to compile; a `RegExp` is made per match
    /// (JS values are not `Send`, and the engine caches compiled sources itself).
    #[derive(Clone)]
    pub(super) struct Compiled;

    impl Compiled {
        pub(super) fn build(source: &str, _translated: &str) -> Result<Self, PatternError> {
            regexp(source)?;
            Ok(Compiled)
        }

        pub(super) fn is_match(&self, source: &str, haystack: &str) -> Result<bool, PatternError> {
            if haystack.chars().count() > MAX_BROWSER_INPUT {
                return Err(PatternError::BacktrackLimit {
                    pattern: source.to_owned(),
                });
            }
            Ok(regexp(source)?.test(haystack))
        }
    }

    /// `new RegExp(source)`, with the `SyntaxError` it may throw as a typed error.
    fn regexp(source: &str) -> Result<RegExp, PatternError> {
        let invalid = |reason: String| PatternError::Invalid {
            pattern: source.to_owned(),
            reason,
        };
        let constructor = Reflect::get(&js_sys::global(), &JsValue::from_str("RegExp"))
            .ok()
            .and_then(|value| value.dyn_into::<Function>().ok())
            .ok_or_else(|| invalid("this environment has no RegExp".to_owned()))?;
        let arguments = Array::of1(&JsValue::from_str(source));
        Reflect::construct(&constructor, &arguments)
            .map_err(|error| {
                invalid(
                    error
                        .dyn_ref::<js_sys::Error>()
                        .map(|error| String::from(error.message()))
                        .unwrap_or_else(|| "RegExp rejected the pattern".to_owned()),
                )
            })?
            .dyn_into::<RegExp>()
            .map_err(|_| invalid("RegExp did not construct a RegExp".to_owned()))
    }
}

/// Rewrites a JavaScript (non-unicode, no flags) pattern into the Rust regex dialect:
/// `\d`/`\w` become ASCII classes, `.` excludes JS line terminators, escaped punctuation such as
/// `\/` becomes a literal, and class-literal `-`, `[`, `&`, `~` are escaped.
pub fn translate(source: &str) -> Result<String, PatternError> {
    let unsupported = |reason: &str| PatternError::Unsupported {
        pattern: source.to_owned(),
        reason: reason.to_owned(),
    };
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                let next = *chars
                    .get(i + 1)
                    .ok_or_else(|| unsupported("trailing backslash"))?;
                i += 2;
                match next {
                    'd' => out.push_str("[0-9]"),
                    'D' => out.push_str("[^0-9]"),
                    'w' => out.push_str("[A-Za-z0-9_]"),
                    'W' => out.push_str("[^A-Za-z0-9_]"),
                    'u' | 'x' | 'c' => {
                        let (text, used) = escape_code(&chars[i..], next)
                            .ok_or_else(|| unsupported("malformed \\u, \\x or \\c escape"))?;
                        push_literal(&mut out, text, false);
                        i += used;
                    }
                    '0' if !chars.get(i).is_some_and(char::is_ascii_digit) => out.push_str("\\x00"),
                    n if n.is_ascii_alphanumeric() => {
                        out.push('\\');
                        out.push(n);
                    }
                    other => push_literal(&mut out, other, false),
                }
            }
            '[' => {
                i = translate_class(&chars, i, &mut out).map_err(|reason| {
                    if reason == RANGE_OUT_OF_ORDER {
                        // JavaScript rejects this too (`SyntaxError`).
                        PatternError::Invalid {
                            pattern: source.to_owned(),
                            reason: reason.to_owned(),
                        }
                    } else {
                        unsupported(reason)
                    }
                })?;
            }
            '.' => {
                out.push_str("[^\\n\\r\\u{2028}\\u{2029}]");
                i += 1;
            }
            '{' => {
                if let Some(len) = quantifier_len(&chars[i..]) {
                    out.extend(&chars[i..i + len]);
                    i += len;
                } else {
                    out.push_str("\\{");
                    i += 1;
                }
            }
            '}' => {
                out.push_str("\\}");
                i += 1;
            }
            ']' => {
                out.push_str("\\]");
                i += 1;
            }
            other => {
                out.push(other);
                i += 1;
            }
        }
    }
    Ok(out)
}

/// Length of a valid `{n}`, `{n,}` or `{n,m}` quantifier at the start of `rest`.
fn quantifier_len(rest: &[char]) -> Option<usize> {
    let mut j = 1;
    let digits_start = j;
    while rest.get(j).is_some_and(char::is_ascii_digit) {
        j += 1;
    }
    if j == digits_start {
        return None;
    }
    if rest.get(j) == Some(&',') {
        j += 1;
        while rest.get(j).is_some_and(char::is_ascii_digit) {
            j += 1;
        }
    }
    (rest.get(j) == Some(&'}')).then_some(j + 1)
}

/// Decodes `\uXXXX`, `\u{X…}`, `\xXX` or `\cX` (after the letter); returns the char and how many
/// characters were consumed after the letter.
fn escape_code(rest: &[char], letter: char) -> Option<(char, usize)> {
    let hex = |s: &[char]| -> Option<u32> {
        let text: String = s.iter().collect();
        u32::from_str_radix(&text, 16).ok()
    };
    match letter {
        'x' => Some((char::from_u32(hex(rest.get(..2)?)?)?, 2)),
        'u' if rest.first() == Some(&'{') => {
            let end = rest.iter().position(|c| *c == '}')?;
            Some((char::from_u32(hex(rest.get(1..end)?)?)?, end + 1))
        }
        'u' => Some((char::from_u32(hex(rest.get(..4)?)?)?, 4)),
        'c' => {
            let l = rest.first()?;
            l.is_ascii_alphabetic()
                .then(|| (char::from_u32(u32::from(*l) % 32), 1))
                .and_then(|(c, n)| c.map(|c| (c, n)))
        }
        _ => None,
    }
}

/// Appends a literal character, escaped when it is meaningful to the Rust regex parser.
fn push_literal(out: &mut String, c: char, in_class: bool) {
    let special = if in_class {
        matches!(c, '\\' | ']' | '[' | '-' | '^' | '&' | '~')
    } else {
        matches!(
            c,
            '\\' | '.'
                | '+'
                | '*'
                | '?'
                | '('
                | ')'
                | '|'
                | '['
                | ']'
                | '{'
                | '}'
                | '^'
                | '$'
                | '#'
                | '&'
                | '-'
                | '~'
        )
    };
    if special {
        out.push('\\');
        out.push(c);
    } else if c.is_control() || c.is_whitespace() {
        out.push_str(&format!("\\x{{{:X}}}", u32::from(c)));
    } else {
        out.push(c);
    }
}

/// A class range whose start is after its end (a `SyntaxError` in JavaScript as well).
const RANGE_OUT_OF_ORDER: &str = "range out of order in character class";

/// One element of a JavaScript character class.
enum ClassAtom {
    /// A single character (may start or end a range).
    Char(char),
    /// A class escape such as `\d` (already translated, never a range end).
    Set(&'static str),
}

/// Translates the class starting at `chars[start] == '['`; returns the index after its `]`.
fn translate_class(chars: &[char], start: usize, out: &mut String) -> Result<usize, &'static str> {
    let mut i = start + 1;
    let negated = chars.get(i) == Some(&'^');
    if negated {
        i += 1;
    }
    if chars.get(i) == Some(&']') {
        // `[]` matches nothing, `[^]` matches everything.
        out.push_str(if negated { "[\\s\\S]" } else { "(?:[^\\s\\S])" });
        return Ok(i + 1);
    }
    let mut atoms: Vec<ClassAtom> = Vec::new();
    loop {
        let c = *chars.get(i).ok_or("unterminated character class")?;
        if c == ']' {
            i += 1;
            break;
        }
        if c == '\\' {
            let n = *chars.get(i + 1).ok_or("trailing backslash")?;
            i += 2;
            atoms.push(match n {
                'd' => ClassAtom::Set("0-9"),
                'D' => ClassAtom::Set("\\x00-/:-\\x{10FFFF}"),
                'w' => ClassAtom::Set("A-Za-z0-9_"),
                'W' => ClassAtom::Set("\\x00-/:-@\\[-\\^`{-\\x{10FFFF}"),
                's' => ClassAtom::Set("\\s"),
                'S' => ClassAtom::Set("\\S"),
                'b' => ClassAtom::Char('\u{8}'),
                'n' => ClassAtom::Char('\n'),
                'r' => ClassAtom::Char('\r'),
                't' => ClassAtom::Char('\t'),
                'f' => ClassAtom::Char('\u{c}'),
                'v' => ClassAtom::Char('\u{b}'),
                '0' => ClassAtom::Char('\0'),
                'u' | 'x' | 'c' => {
                    let (ch, used) =
                        escape_code(&chars[i..], n).ok_or("malformed escape in class")?;
                    i += used;
                    ClassAtom::Char(ch)
                }
                other => ClassAtom::Char(other),
            });
        } else {
            atoms.push(ClassAtom::Char(c));
            i += 1;
        }
    }
    out.push('[');
    if negated {
        out.push('^');
    }
    let mut k = 0;
    while k < atoms.len() {
        let is_range = matches!(atoms[k], ClassAtom::Char(_))
            && matches!(atoms.get(k + 1), Some(ClassAtom::Char('-')))
            && matches!(atoms.get(k + 2), Some(ClassAtom::Char(_)));
        match (&atoms[k], is_range) {
            (ClassAtom::Char(a), true) => {
                let ClassAtom::Char(b) = atoms[k + 2] else {
                    return Err("broken range");
                };
                if *a > b {
                    return Err(RANGE_OUT_OF_ORDER);
                }
                push_literal(out, *a, true);
                out.push('-');
                push_literal(out, b, true);
                k += 3;
            }
            (ClassAtom::Char(a), false) => {
                push_literal(out, *a, true);
                k += 1;
            }
            (ClassAtom::Set(s), _) => {
                out.push_str(s);
                k += 1;
            }
        }
    }
    out.push(']');
    Ok(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn js_only_syntax_is_translated() {
        assert_eq!(
            translate(r"^r1\/[A-Za-z0-9\-]+$").unwrap(),
            r"^r1/[A-Za-z0-9\-]+$"
        );
        assert_eq!(translate(r"[A-Za-z0-9-_]").unwrap(), r"[A-Za-z0-9\-_]");
        assert_eq!(translate(r"\d{4}").unwrap(), "[0-9]{4}");
        assert_eq!(translate(r"a{").unwrap(), r"a\{");
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn search_semantics_and_ascii_classes() {
        let p = JsPattern::compile("xai-[A-Za-z0-9]+$").unwrap();
        assert!(p.is_match("my xai-abc").unwrap());
        assert!(!p.is_match("xai-").unwrap());
        let d = JsPattern::compile(r"^\d+$").unwrap();
        assert!(d.is_match("123").unwrap());
        assert!(!d.is_match("١٢٣").unwrap(), "JS \\d is ASCII only");
        let slash = JsPattern::compile(r"^acct_[A-Za-z0-9]{16}(\/acct_[A-Za-z0-9]{16})?$").unwrap();
        assert!(
            slash
                .is_match("acct_0123456789abcdef/acct_0123456789abcdef")
                .unwrap()
        );
        let dash = JsPattern::compile(r"^ord_[A-Za-z0-9-_]+$").unwrap();
        assert!(dash.is_match("ord_a-b_c").unwrap());
        assert!(!dash.is_match("ord_a.b").unwrap());
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn salesforce_negative_lookahead_compiles_and_matches() {
        let p = JsPattern::compile(r"^(?!(?:.*\.)?[Ll][Ii][Gg][Hh][Tt][Nn][Ii][Nn][Gg]\.([Ff][Oo][Rr][Cc][Ee]|[Ss][Aa][Ll][Ee][Ss][Ff][Oo][Rr][Cc][Ee])\.[Cc][Oo][Mm]$)[a-zA-Z0-9]([a-zA-Z0-9\-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9\-]{0,61}[a-zA-Z0-9])?)*$").unwrap();
        assert!(p.is_match("acme.my.salesforce.com").unwrap());
        assert!(!p.is_match("acme.lightning.force.com").unwrap());
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn hostile_patterns_return_promptly() {
        let started = std::time::Instant::now();
        let evil = "aaaaaaaaaaaaaaaaaaaaaaaaaaaa!";
        // Delegated to the linear-time engine: a prompt "no match".
        let plain = JsPattern::compile("(a+)+$").unwrap();
        assert_eq!(plain.is_match(evil), Ok(false));
        // Forced onto the backtracking engine by a look-ahead: the limit trips.
        let fancy = JsPattern::compile(r"^(a|aa)+(?!x)$").unwrap();
        assert!(matches!(
            fancy.is_match(evil),
            Err(PatternError::BacktrackLimit { .. })
        ));
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn malformed_patterns_are_typed_errors() {
        assert!(matches!(
            JsPattern::compile("[abc"),
            Err(PatternError::Unsupported { .. })
        ));
        assert!(matches!(
            JsPattern::compile("\\"),
            Err(PatternError::Unsupported { .. })
        ));
        #[cfg(not(target_arch = "wasm32"))]
        assert!(matches!(
            JsPattern::compile("(a"),
            Err(PatternError::Invalid { .. })
        ));
    }
}
