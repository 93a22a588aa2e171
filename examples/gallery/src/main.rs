//! Starts the gallery: in the browser (wasm32, dioxus-web) or as a desktop app (`--features
//! desktop`, dioxus-desktop).

#[cfg(target_arch = "wasm32")]
fn main() {
    dioxus_web::launch::launch_cfg(gallery::Gallery, dioxus_web::Config::new());
}

#[cfg(all(not(target_arch = "wasm32"), feature = "desktop"))]
fn main() {
    use dioxus_desktop::{Config, LogicalPosition, LogicalSize, WindowBuilder};
    let window = WindowBuilder::new()
        .with_title("Nango Connect UI · Gallery")
        .with_inner_size(LogicalSize::new(1280.0, 800.0))
        // Top-left: without a window manager (Xvfb screenshots) the window stays where placed.
        .with_position(LogicalPosition::new(0.0, 0.0));
    let config = Config::new().with_window(window).with_menu(None);
    dioxus_desktop::launch::launch(gallery::Gallery, Vec::new(), vec![Box::new(config)]);
}

#[cfg(all(not(target_arch = "wasm32"), not(feature = "desktop")))]
fn main() {
    eprintln!(
        "The gallery runs in a browser (`cargo xtask demo`) or as a desktop app \
         (`cargo run -p gallery --features desktop`)."
    );
    std::process::exit(2);
}
