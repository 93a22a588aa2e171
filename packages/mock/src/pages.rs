//! HTML pages: the end-of-OAuth callback page (§6: opener postMessage, BroadcastChannel, ack,
//! self-close), the fake provider's authorize page, and generated SVG logos.

use nango_core::messages::CallbackErrorPayload;
use serde::Serialize;

/// Serialises `value` as JSON safe to embed in a `<script>`: `<`, `>`, `&`, U+2028 and U+2029
/// become `\u` escapes.
pub fn script_json<T: Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned());
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            other => out.push(other),
        }
    }
    out
}

/// Escapes text for HTML element content and attribute values.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;display:flex;min-height:100vh;margin:0;\
align-items:center;justify-content:center;background:#f6f7f9;color:#1d2129}\
main{background:#fff;border-radius:12px;padding:32px 40px;box-shadow:0 2px 12px rgba(0,0,0,.08);\
max-width:420px;text-align:center}h1{font-size:1.25rem;margin:0 0 8px}p{margin:8px 0}\
details{margin-top:12px;text-align:left}pre{white-space:pre-wrap;word-break:break-all;font-size:.8rem}\
button{font-size:1rem;padding:10px 20px;border-radius:8px;border:1px solid #ccd;margin:6px;cursor:pointer}\
button.primary{background:#00b2e3;color:#fff;border-color:#00b2e3}";

/// The end-of-OAuth page. `error` None renders the success page.
pub fn callback_page(error: Option<&CallbackErrorPayload>) -> String {
    let payload = match error {
        Some(e) => script_json(e),
        None => "null".to_owned(),
    };
    let visible = match error {
        None => "<h1>Successful connection ✅</h1><p>You can close this window.</p>".to_owned(),
        Some(e) => format!(
            "<h1>Connection failed ✕</h1><p>You can close this window and try again.</p>\
             <details><summary>Details</summary><pre id=\"error-details\">{}</pre></details>",
            html_escape(&e.message)
        ),
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<title>Nango authorization</title><style>{STYLE}</style></head><body><main>{visible}\
<section id=\"debug\" hidden><h2>Debug</h2><pre id=\"debug-payload\"></pre></section></main>\
<script>\n\
window.nangoOAuthError = {payload};\n\
(function () {{\n\
  var error = window.nangoOAuthError;\n\
  var message = error ? {{ type: 'nango_oauth_callback_error', payload: error }} : {{ type: 'nango_oauth_callback_success' }};\n\
  function closeSelf() {{\n\
    try {{ window.close(); }} catch (e) {{}}\n\
    try {{ window.open('', '_self').close(); }} catch (e) {{}}\n\
  }}\n\
  window.addEventListener('message', function (event) {{\n\
    if (event && event.data && event.data.type === 'nango_oauth_callback_ack') {{ closeSelf(); }}\n\
  }});\n\
  try {{ if (window.opener) {{ window.opener.postMessage(message, '*'); }} }} catch (e) {{}}\n\
  try {{ new BroadcastChannel('nango-oauth-callback').postMessage(message); }} catch (e) {{}}\n\
  if (/[?&]nango_debug=1(&|$)/.test(window.location.search)) {{\n\
    document.getElementById('debug').hidden = false;\n\
    document.getElementById('debug-payload').textContent = JSON.stringify(message, null, 2);\n\
  }}\n\
  if (!error) {{ setTimeout(closeSelf, 500); }}\n\
}})();\n\
</script></body></html>\n"
    )
}

/// The fake provider's consent page: Approve and Deny post back with the request id.
pub fn authorize_page(app_name: &str, scopes: &str, request_id: &str) -> String {
    let scopes = if scopes.trim().is_empty() {
        "<p>No scopes requested.</p>".to_owned()
    } else {
        format!("<p>Scopes: <code>{}</code></p>", html_escape(scopes))
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<title>Mock provider — authorize</title><style>{STYLE}</style></head><body><main>\
<h1>Authorize {app}</h1><p>The nango-mock fake provider asks you to grant access.</p>{scopes}\
<form method=\"post\" action=\"/_mock/provider/decide\">\
<input type=\"hidden\" name=\"request\" value=\"{request}\">\
<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\">Deny</button>\
<button type=\"submit\" name=\"decision\" value=\"approve\" id=\"approve\" class=\"primary\">Approve</button>\
</form></main></body></html>\n",
        app = html_escape(app_name),
        request = html_escape(request_id),
    )
}

/// The fake GitHub-App install page: Install goes to `/app-auth/connect` with the installation
/// id, the state and `setup_action=install` (a GET form, as GitHub redirects).
pub fn app_install_page(app_name: &str, installation_id: &str, state: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<title>Mock provider — install app</title><style>{STYLE}</style></head><body><main>\
<h1>Install {app}</h1><p>The nango-mock fake GitHub App asks to be installed on your account.</p>\
<form method=\"get\" action=\"/app-auth/connect\">\
<input type=\"hidden\" name=\"installation_id\" value=\"{installation}\">\
<input type=\"hidden\" name=\"state\" value=\"{state}\">\
<input type=\"hidden\" name=\"setup_action\" value=\"install\">\
<button type=\"submit\" id=\"install\" class=\"primary\">Install</button>\
</form></main></body></html>\n",
        app = html_escape(app_name),
        installation = html_escape(installation_id),
        state = html_escape(state),
    )
}

/// A generated logo: the first letter of `name` (after the demo catalogue's `mock-` prefix) on a
/// colour derived from the name.
pub fn logo_svg(name: &str) -> String {
    let hash = name.bytes().fold(2166136261u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(16777619)
    });
    let hue = hash % 360;
    let letter = name
        .strip_prefix("mock-")
        .unwrap_or(name)
        .chars()
        .find(|c| c.is_alphanumeric())
        .map(|c| c.to_uppercase().to_string())
        .unwrap_or_else(|| "?".to_owned());
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\" viewBox=\"0 0 64 64\">\
<rect width=\"64\" height=\"64\" rx=\"14\" fill=\"hsl({hue},60%,45%)\"/>\
<text x=\"32\" y=\"42\" font-family=\"system-ui,sans-serif\" font-size=\"30\" font-weight=\"700\" \
fill=\"#fff\" text-anchor=\"middle\">{}</text></svg>",
        html_escape(&letter)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_escapes_markup_and_line_separators() {
        let e = CallbackErrorPayload {
            message: "</script><b>&\u{2028}\u{2029}".into(),
            error_type: nango_core::AuthErrorKind::ConnectionValidationFailed,
        };
        let s = script_json(&e);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
        assert!(s.contains("\\u2028") && s.contains("\\u2029"));
        let page = callback_page(Some(&e));
        assert!(!page.contains("</script><b>"));
        assert!(page.contains("Connection failed ✕"));
    }

    #[test]
    fn demo_logos_use_the_letter_after_the_mock_prefix() {
        assert!(logo_svg("mock-api-key").contains(">A</text>"));
        assert!(logo_svg("github").contains(">G</text>"));
        assert!(logo_svg("mock-").contains(">?</text>"));
        assert_ne!(logo_svg("mock-basic"), logo_svg("mock-bill"));
    }

    #[test]
    fn success_page_self_closes() {
        let page = callback_page(None);
        assert!(page.contains("Successful connection ✅"));
        assert!(page.contains("window.nangoOAuthError = null;"));
        assert!(page.contains("setTimeout(closeSelf, 500)"));
        assert!(page.contains("BroadcastChannel('nango-oauth-callback')"));
    }
}
