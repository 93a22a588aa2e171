//! A stand-in for the system browser in end-to-end tests: `fake-browser URL` (set
//! `NANGO_DESKTOP_BROWSER=fake-browser`) loads Nango's OAuth URL, follows the redirects to
//! nango-mock's fake provider, presses its Approve button (a form post) and follows the redirect
//! to Nango's callback page, like a user in a browser would. It never reads or prints the URL's
//! query (it carries the session token).
//!
//! `FAKE_BROWSER_DELAY_MS` waits before loading (so a test can see the app's waiting state);
//! `FAKE_BROWSER_DECISION=deny` presses Deny instead.

use std::process::ExitCode;
use std::time::Duration;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let Some(url) = std::env::args().nth(1) else {
        eprintln!("usage: fake-browser URL");
        return ExitCode::FAILURE;
    };
    match browse(&url).await {
        Ok(status) => {
            println!("browser: callback page {status}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            println!("browser: failed: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Loads the page, approves (or denies) on the consent page, returns the callback's status.
async fn browse(url: &str) -> Result<u16, String> {
    let delay = std::env::var("FAKE_BROWSER_DELAY_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    tokio::time::sleep(Duration::from_millis(delay)).await;
    let decision = match std::env::var("FAKE_BROWSER_DECISION").as_deref() {
        Ok("deny") => "deny",
        _ => "approve",
    };
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .map_err(|e| e.to_string())?;
    let page = client.get(url).send().await.map_err(|e| e.to_string())?;
    let consent_url = page.url().clone();
    println!("browser: loaded {}", consent_url.path());
    let html = page.text().await.map_err(|e| e.to_string())?;
    let request_id = hidden_input(&html, "request")
        .ok_or("the page has no consent form (is the provider nango-mock's?)")?;
    let action = form_action(&html).ok_or("the consent form has no action")?;
    let target = consent_url.join(&action).map_err(|e| e.to_string())?;
    let body = format!("request={}&decision={decision}", form_encode(&request_id));
    println!("browser: pressing {decision}");
    let callback = client
        .post(target)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    println!("browser: redirected to {}", callback.url().path());
    Ok(callback.status().as_u16())
}

/// The value of `<input type="hidden" name="NAME" value="…">`.
fn hidden_input(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find('"')?;
    Some(html_unescape(&html[start..start + end]))
}

/// The `action` of the page's first form.
fn form_action(html: &str) -> Option<String> {
    let form = html.find("<form")?;
    let marker = "action=\"";
    let start = form + html[form..].find(marker)? + marker.len();
    let end = html[start..].find('"')?;
    Some(html_unescape(&html[start..start + end]))
}

/// Undoes the HTML escapes nango-mock writes.
fn html_unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// `application/x-www-form-urlencoded` encoding of one value.
fn form_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                (b as char).to_string()
            }
            b' ' => "+".to_owned(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_nango_mocks_consent_form() {
        let html = nango_mock::pages::authorize_page("Demo", "read", "req-1&2");
        assert_eq!(hidden_input(&html, "request").as_deref(), Some("req-1&2"));
        assert_eq!(
            form_action(&html).as_deref(),
            Some("/_mock/provider/decide")
        );
        assert_eq!(form_encode("a b&c"), "a+b%26c");
    }
}
