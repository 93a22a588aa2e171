//! Bundles the components' stylesheets (design tokens first) into one minified file in `OUT_DIR`,
//! which `components::STYLES` embeds.

#[path = "src/components/css_minifier.rs"]
mod css_minifier;

use std::path::PathBuf;

/// The stylesheets, in cascade order, relative to this crate.
const STYLESHEETS: &[&str] = &[
    "../../assets/tokens.css",
    "src/components/shell/style.css",
    "src/components/icons/style.css",
    "src/components/logo/style.css",
    "src/components/loading/style.css",
    "src/components/fallback/style.css",
    "src/components/integrations/style.css",
    "src/components/form/style.css",
    "src/components/waiting/style.css",
    "src/components/result/style.css",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed=src/components/css_minifier.rs");
    let mut bundle = String::new();
    for path in STYLESHEETS {
        println!("cargo::rerun-if-changed={path}");
        let source = std::fs::read_to_string(path).map_err(|error| format!("{path}: {error}"))?;
        bundle.push_str(&css_minifier::minify_css(&source));
    }
    let out_dir = PathBuf::from(std::env::var("OUT_DIR")?);
    std::fs::write(out_dir.join("connect-ui.min.css"), bundle)?;
    Ok(())
}
