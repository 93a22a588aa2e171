//! Native OAuth windows inside a dioxus-desktop app: a plain tao window with a bare wry webview
//! (no IPC, no initialization script, no custom protocol, nothing evaluated), centred like the web
//! popup. The app registers them once with [`use_native_auth_windows`]; flows on any thread send
//! commands that the main thread carries out inside a wry event handler.
//!
//! Why not `DesktopContext::new_window`: a dioxus window runs the dioxus page with its IPC bridge,
//! and its navigation handler sends every `http(s)` navigation to the system browser, so it cannot
//! show Nango's OAuth pages. A window we build ourselves is one we fully own: its close request
//! (dioxus ignores close requests of windows it does not know) is reported exactly, not polled.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc as std_mpsc;

use dioxus::prelude::{spawn, use_hook};
use dioxus_desktop::tao::dpi::{LogicalPosition, LogicalSize};
use dioxus_desktop::tao::event::{Event, WindowEvent};
use dioxus_desktop::tao::event_loop::EventLoopWindowTarget;
use dioxus_desktop::tao::window::{Window, WindowBuilder, WindowId};
use dioxus_desktop::wry::{WebView, WebViewBuilder};
use dioxus_desktop::{use_window, use_wry_event_handler};
use nango_core::PopupLayout;
use tokio::sync::mpsc;

use crate::window::{AuthWindow, AuthWindowError, PopupSize, WindowClosedNotifier};

/// The page a native OAuth window shows until the WebSocket acknowledges.
const BLANK_PAGE: &str = "about:blank";

/// The title of native OAuth windows.
const WINDOW_TITLE: &str = "Sign in";

/// A `Send + Sync` handle to the app's native OAuth windows; give it to
/// `Nango::with_native_windows`. Cheap to clone.
#[derive(Clone)]
pub struct NativeWindowHost {
    /// Commands to the main thread.
    commands: mpsc::UnboundedSender<NativeCommand>,
    /// The next window number.
    next_id: Arc<AtomicU64>,
}

impl fmt::Debug for NativeWindowHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NativeWindowHost")
            .field("running", &!self.commands.is_closed())
            .finish()
    }
}

impl NativeWindowHost {
    /// A new (not yet opened) native OAuth window.
    pub fn window(&self) -> NativeAuthWindow {
        NativeAuthWindow {
            id: self.next_id.fetch_add(1, Ordering::Relaxed),
            commands: self.commands.clone(),
            gone: Arc::new(AtomicBool::new(false)),
        }
    }
}

/// One native OAuth window, driven from any thread.
#[derive(Debug)]
pub struct NativeAuthWindow {
    /// The window number.
    id: u64,
    /// Commands to the main thread.
    commands: mpsc::UnboundedSender<NativeCommand>,
    /// Set by the main thread once the window is closed or could not be built.
    gone: Arc<AtomicBool>,
}

impl AuthWindow for NativeAuthWindow {
    fn open(
        &mut self,
        size: PopupSize,
        closed: WindowClosedNotifier,
    ) -> Result<(), AuthWindowError> {
        self.commands
            .send(NativeCommand::Open {
                id: self.id,
                size,
                closed,
                gone: Arc::clone(&self.gone),
            })
            .map_err(|_| host_gone())
    }

    fn navigate(&mut self, url: &str) -> Result<(), AuthWindowError> {
        if self.gone.load(Ordering::SeqCst) {
            return Err(AuthWindowError(
                "the OAuth window is already closed".to_owned(),
            ));
        }
        self.commands
            .send(NativeCommand::Navigate {
                id: self.id,
                url: url.to_owned(),
            })
            .map_err(|_| host_gone())
    }

    fn close(&mut self) {
        let _ = self.commands.send(NativeCommand::Close { id: self.id });
    }
}

/// The error of a window whose host (the app's component) is gone.
fn host_gone() -> AuthWindowError {
    AuthWindowError("the app's native OAuth window host is gone".to_owned())
}

/// What the main thread does for a flow.
enum NativeCommand {
    /// Build the window, blank and centred.
    Open {
        /// The window number.
        id: u64,
        /// The requested size.
        size: PopupSize,
        /// Reports a user close.
        closed: WindowClosedNotifier,
        /// Set when the window is gone.
        gone: Arc<AtomicBool>,
    },
    /// Load Nango's OAuth URL.
    Navigate {
        /// The window number.
        id: u64,
        /// The URL (carries the session token: never logged).
        url: String,
    },
    /// Close the window.
    Close {
        /// The window number.
        id: u64,
    },
}

/// A window we built. The webview is declared first so it is dropped before its window.
struct OpenWindow {
    /// The bare webview.
    webview: WebView,
    /// The tao window.
    window: Window,
    /// The window number.
    id: u64,
    /// Reports a user close.
    closed: WindowClosedNotifier,
    /// Set when the window is gone.
    gone: Arc<AtomicBool>,
}

/// The main-thread side: queued commands and the open windows.
struct NativeWindowRunner {
    /// Commands received but not yet carried out (they need the event loop target).
    queue: std_mpsc::Receiver<NativeCommand>,
    /// The open windows.
    windows: Vec<OpenWindow>,
}

impl NativeWindowRunner {
    /// Carries out queued commands and reports close requests of our windows.
    fn handle_event<T: 'static>(
        &mut self,
        event: &Event<'_, T>,
        target: &EventLoopWindowTarget<T>,
    ) {
        while let Ok(command) = self.queue.try_recv() {
            self.execute(command, target);
        }
        if let Event::WindowEvent {
            window_id,
            event: WindowEvent::CloseRequested | WindowEvent::Destroyed,
            ..
        } = event
        {
            self.user_closed(*window_id);
        }
    }

    /// Carries out one command.
    fn execute<T: 'static>(&mut self, command: NativeCommand, target: &EventLoopWindowTarget<T>) {
        match command {
            NativeCommand::Open {
                id,
                size,
                closed,
                gone,
            } => match build_window(size, target) {
                Ok((window, webview)) => self.windows.push(OpenWindow {
                    webview,
                    window,
                    id,
                    closed,
                    gone,
                }),
                // The flow learns at navigation time (`blocked_by_browser`).
                Err(_) => gone.store(true, Ordering::SeqCst),
            },
            NativeCommand::Navigate { id, url } => {
                if let Some(open) = self.windows.iter().find(|open| open.id == id)
                    && open.webview.load_url(&url).is_err()
                {
                    self.remove(id);
                }
            }
            NativeCommand::Close { id } => self.remove(id),
        }
    }

    /// Drops a window we close ourselves (not a user close: nothing is reported).
    fn remove(&mut self, id: u64) {
        if let Some(position) = self.windows.iter().position(|open| open.id == id) {
            let open = self.windows.remove(position);
            open.gone.store(true, Ordering::SeqCst);
        }
    }

    /// Drops a window the user closed and reports it to its flow.
    fn user_closed(&mut self, window_id: WindowId) {
        if let Some(position) = self
            .windows
            .iter()
            .position(|open| open.window.id() == window_id)
        {
            let open = self.windows.remove(position);
            open.gone.store(true, Ordering::SeqCst);
            open.closed.notify();
        }
    }
}

/// Builds a window centred on the primary monitor like the web popup, with a bare webview.
fn build_window<T: 'static>(
    size: PopupSize,
    target: &EventLoopWindowTarget<T>,
) -> Result<(Window, WebView), AuthWindowError> {
    let mut builder = WindowBuilder::new()
        .with_title(WINDOW_TITLE)
        .with_inner_size(LogicalSize::new(size.width, size.height));
    if let Some(monitor) = target.primary_monitor() {
        let scale = monitor.scale_factor();
        let screen: LogicalSize<f64> = monitor.size().to_logical(scale);
        let origin: LogicalPosition<f64> = monitor.position().to_logical(scale);
        let layout = PopupLayout::compute(
            f64::from(size.width),
            f64::from(size.height),
            screen.width,
            screen.height,
        );
        builder = builder
            .with_inner_size(LogicalSize::new(layout.width, layout.height))
            .with_position(LogicalPosition::new(
                origin.x + layout.left,
                origin.y + layout.top,
            ));
    }
    let window = builder
        .build(target)
        .map_err(|error| AuthWindowError(format!("could not create the window: {error}")))?;
    let webview = build_bare_webview(&window)
        .map_err(|error| AuthWindowError(format!("could not create the webview: {error}")))?;
    Ok((window, webview))
}

/// A webview with no IPC handler, no initialization script and no custom protocol.
#[cfg(any(
    target_os = "linux",
    target_os = "dragonfly",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd",
))]
fn build_bare_webview(window: &Window) -> Result<WebView, AuthWindowError> {
    use dioxus_desktop::tao::platform::unix::WindowExtUnix;
    use dioxus_desktop::wry::WebViewBuilderExtUnix;
    let vbox = window
        .default_vbox()
        .ok_or_else(|| AuthWindowError("the window has no GTK container".to_owned()))?;
    WebViewBuilder::new()
        .with_url(BLANK_PAGE)
        .build_gtk(vbox)
        .map_err(|error| AuthWindowError(error.to_string()))
}

/// A webview with no IPC handler, no initialization script and no custom protocol.
#[cfg(not(any(
    target_os = "linux",
    target_os = "dragonfly",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd",
)))]
fn build_bare_webview(window: &Window) -> Result<WebView, AuthWindowError> {
    WebViewBuilder::new()
        .with_url(BLANK_PAGE)
        .build(window)
        .map_err(|error| AuthWindowError(error.to_string()))
}

/// Registers native OAuth windows in a dioxus-desktop app and returns the handle to pass to
/// `Nango::with_native_windows`. Call it in a component of the main window that lives as long
/// as OAuth flows may run (typically the root); the windows close when it unmounts.
pub fn use_native_auth_windows() -> NativeWindowHost {
    let desktop = use_window();
    let (host, runner) = use_hook(move || {
        let (commands, mut received) = mpsc::unbounded_channel();
        let (queue, queued) = std_mpsc::channel();
        let runner = Rc::new(RefCell::new(NativeWindowRunner {
            queue: queued,
            windows: Vec::new(),
        }));
        let main_window = Arc::clone(&desktop.window);
        // Runs on the main thread, woken by the flows' commands: queue each command, then wake
        // the event loop so the wry event handler (which has the event loop target) carries it
        // out.
        spawn(async move {
            while let Some(command) = received.recv().await {
                if queue.send(command).is_err() {
                    break;
                }
                main_window.request_redraw();
            }
        });
        let host = NativeWindowHost {
            commands,
            next_id: Arc::new(AtomicU64::new(1)),
        };
        (host, runner)
    });
    use_wry_event_handler(move |event, target| {
        if let Ok(mut runner) = runner.try_borrow_mut() {
            runner.handle_event(event, target);
        }
    });
    host
}
