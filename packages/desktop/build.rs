//! Sets `cfg(webkitgtk)` on the targets where dioxus-desktop's webview is WebKitGTK (the same
//! list as the target-specific dependencies in Cargo.toml), so the code names that one cfg
//! instead of repeating the list of operating systems.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(webkitgtk)");
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if matches!(
        target_os.as_str(),
        "linux" | "dragonfly" | "freebsd" | "netbsd" | "openbsd"
    ) {
        println!("cargo::rustc-cfg=webkitgtk");
    }
}
