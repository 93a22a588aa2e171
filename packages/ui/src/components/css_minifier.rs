//! A small, conservative CSS minifier used at build time (`build.rs`) for the components'
//! stylesheet: comments go, whitespace runs shrink to one space and disappear next to `{ } ; , :`,
//! and the last `;` of a block goes. Strings are copied as they are; whitespace that separates
//! selectors or value tokens (`.a .b`, `a :hover`, `calc(1px + 2px)`) stays.

/// Characters next to which whitespace carries no meaning.
const TIGHT_AFTER: &[char] = &['{', '}', ';', ',', ':'];
/// Characters before which whitespace carries no meaning.
const TIGHT_BEFORE: &[char] = &['{', '}', ';', ','];

/// Minifies a stylesheet (see the module documentation for what changes).
pub fn minify_css(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut previous = ' ';
            for inside in chars.by_ref() {
                if previous == '*' && inside == '/' {
                    break;
                }
                previous = inside;
            }
            continue;
        }
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        let space_needed = pending_space
            && !out.is_empty()
            && !out.ends_with(TIGHT_AFTER)
            && !TIGHT_BEFORE.contains(&c);
        if space_needed {
            out.push(' ');
        }
        pending_space = false;
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
        if c == '"' || c == '\'' {
            let mut escaped = false;
            for inside in chars.by_ref() {
                out.push(inside);
                if escaped {
                    escaped = false;
                } else if inside == '\\' {
                    escaped = true;
                } else if inside == c {
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::minify_css;

    #[test]
    fn comments_and_layout_whitespace_go() {
        let source = "/* tokens */\n:root {\n  --a: 1px; /* note */\n  --b: red;\n}\n\n.x,\n.y > .z {\n  color : var(--b) ;\n}\n";
        assert_eq!(
            minify_css(source),
            ":root{--a:1px;--b:red}.x,.y > .z{color :var(--b)}"
        );
    }

    #[test]
    fn meaningful_whitespace_and_strings_stay() {
        let source = ".a .b:hover, .c :focus { width: calc(1px + 2px); }\n[data-x=\"a  /* b */  c\"] { content: 'x ; }'; }\n@media (max-width: 600px) { .d { margin: 0 auto } }";
        assert_eq!(
            minify_css(source),
            ".a .b:hover,.c :focus{width:calc(1px + 2px)}[data-x=\"a  /* b */  c\"]{content:'x ; }'}@media (max-width:600px){.d{margin:0 auto}}"
        );
    }

    #[test]
    fn escaped_quotes_do_not_end_a_string() {
        assert_eq!(
            minify_css(".a { content: \"x\\\" ; y\" ; }"),
            ".a{content:\"x\\\" ; y\"}"
        );
    }

    #[test]
    fn the_components_stylesheet_is_the_minified_sources_in_cascade_order() {
        let sources = [
            include_str!("../../../../assets/tokens.css"),
            include_str!("shell/style.css"),
            include_str!("icons/style.css"),
            include_str!("logo/style.css"),
            include_str!("loading/style.css"),
            include_str!("fallback/style.css"),
            include_str!("integrations/style.css"),
            include_str!("form/style.css"),
            include_str!("waiting/style.css"),
            include_str!("result/style.css"),
        ];
        let styles = crate::components::STYLES;
        assert_eq!(styles, sources.map(minify_css).concat());
        assert!(!styles.contains("/*"));
        assert_eq!(styles.matches('{').count(), styles.matches('}').count());
        assert!(styles.len() < sources.map(str::len).iter().sum::<usize>() * 9 / 10);
    }
}
