//! Native OAuth windows inside a dioxus-desktop app: a second window, sized and centred like the
//! web popup, showing Nango's OAuth pages in a bare wry webview (no IPC, no initialization script,
//! no custom protocol, nothing evaluated or read). The app registers them once with
//! [`use_native_auth_windows`]; flows on any thread send commands to a task on the main thread.
//!
//! How: the window is created with `DesktopContext::new_window` (an empty dioxus page, hidden),
//! and our own webview is added to it. Dioxus' own webview cannot show the pages itself: its
//! navigation handler sends every `http(s)` navigation to the system browser and it carries the
//! dioxus IPC bridge. Owning a dioxus window gives us its events: a wry event handler registered
//! on that window sees `CloseRequested` before dioxus closes it, so a user close is reported
//! exactly (not polled), and dioxus closes the window on `ctx.close()`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::rc::{Rc, Weak};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use dioxus::prelude::{Element, VNode, VirtualDom, provide_context, spawn, use_hook};
use dioxus_desktop::tao::dpi::{LogicalPosition, LogicalSize};
use dioxus_desktop::tao::event::{Event, WindowEvent};
use dioxus_desktop::wry::{WebView, WebViewBuilder};
use dioxus_desktop::{
    Config, DesktopContext, WindowBuilder, WindowCloseBehaviour, WryEventHandler, use_window,
};
use nango_core::messages::ConnectUiEvent;
use nango_core::{AuthError, ConnectSessionToken, PopupLayout};
use tokio::sync::{mpsc, watch};

use crate::client::Nango;
use crate::connect_window::{
    CONNECT_UI_SIZE, ConnectUiPresentation, ConnectUiRoot, ConnectUiRootProps, ConnectUiShared,
    ConnectUiWindow, ConnectUiWindowOptions, OverlaySlot, SharedConnectUi,
};
use crate::webview_tuning::{WebviewIpcBridge, apply_lean_webview_settings, isolate_dioxus_scheme};

use crate::window::{AuthWindow, AuthWindowError, PopupSize, WindowClosedNotifier};

/// The page the OAuth webview shows until the WebSocket acknowledges.
const BLANK_PAGE: &str = "about:blank";

/// The title of native OAuth windows.
const WINDOW_TITLE: &str = "Sign in";

/// The title of Connect UI windows.
const CONNECT_UI_TITLE: &str = "Connect";

/// The Connect UI window's background before and around the dialog (RGBA): the dialog's light
/// surface colour, so a window taller than the dialog shows no band of another colour.
const CONNECT_UI_BACKGROUND: (u8, u8, u8, u8) = (255, 255, 255, 255);

/// The Connect UI window's document head: the window is the dialog, so the dialog fills it at
/// any size (no border, radius or size cap: a window resized beyond 500×700 shows no band around
/// it), the page behind has the dialog's surface colour (nango-ui's light or dark palette,
/// whichever theme the UI resolved), and the page never scrolls itself (the dialog scrolls inside).
const CONNECT_UI_HEAD: &str = "<style>html,body{margin:0;height:100%;overflow:hidden;\
background:#fff}html:has(.nango-connect[data-theme=dark]),\
html:has(.nango-connect[data-theme=dark]) body{background:#0b0b0c}\
#main>.nango-connect[data-mode=embedded] .nc-dialog{width:100%;height:100%;max-width:none;\
max-height:none;border:0;border-radius:0}</style>";

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
    /// A new, closed Connect UI window for `nango` (open it with [`ConnectUiWindow::open`]).
    pub(crate) fn connect_ui(
        &self,
        nango: Nango,
        token: Option<ConnectSessionToken>,
        options: ConnectUiWindowOptions,
    ) -> ConnectUiWindow {
        ConnectUiWindow {
            shared: Arc::new(ConnectUiShared {
                id: self.next_id.fetch_add(1, Ordering::Relaxed),
                open: AtomicBool::new(false),
                token: watch::Sender::new(token),
                nango,
                options,
                commands: self.commands.clone(),
            }),
        }
    }

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

/// What the main thread does for a flow or a Connect UI window.
pub(crate) enum NativeCommand {
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
    /// Close the window (flow settled or cancelled).
    Close {
        /// The window number.
        id: u64,
    },
    /// The user closed the window (sent by its event handler): forget it.
    Forget {
        /// The window number.
        id: u64,
    },
    /// Open (or reopen) a Connect UI window.
    OpenConnectUi {
        /// Its shared state.
        shared: Arc<ConnectUiShared>,
    },
    /// Close a Connect UI window (its `close` event is delivered once).
    CloseConnectUi {
        /// The window number.
        id: u64,
    },
}

/// An open Connect UI window.
struct OpenConnectUi {
    /// The dioxus window.
    context: DesktopContext,
    /// Its webview's IPC bridge, released when it closes.
    bridge: Rc<WebviewIpcBridge>,
    /// The event handler registered on it.
    handler: WryEventHandler,
    /// Its shared state.
    shared: Arc<ConnectUiShared>,
}

/// One open OAuth window, owned by the main-thread task.
struct OpenWindow {
    /// The dioxus window (its own webview is hidden).
    context: DesktopContext,
    /// The IPC bridges of the hidden dioxus webview and of ours, released when it closes.
    bridges: Rc<[WebviewIpcBridge; 2]>,
    /// Our bare webview; taken (dropped) when the window closes.
    webview: Rc<RefCell<Option<WebView>>>,
    /// The event handler registered on the window.
    handler: WryEventHandler,
    /// Set when the window is gone.
    gone: Arc<AtomicBool>,
}

/// The main-thread side: carries out commands for the open windows.
struct NativeWindowRunner {
    /// The app's main window (for its monitor and to open windows).
    main: DesktopContext,
    /// Commands back to this runner (used by the windows' event handlers).
    commands: mpsc::UnboundedSender<NativeCommand>,
    /// The open OAuth windows by number.
    windows: HashMap<u64, OpenWindow>,
    /// The open Connect UI windows by number.
    connect_windows: HashMap<u64, OpenConnectUi>,
    /// The Connect UI shown as an overlay over the main window.
    overlay: OverlaySlot,
}

impl NativeWindowRunner {
    /// Carries out one command.
    async fn execute(&mut self, command: NativeCommand) {
        match command {
            NativeCommand::Open {
                id,
                size,
                closed,
                gone,
            } => match self.open(id, size, closed, Arc::clone(&gone)).await {
                Ok(open) => {
                    self.windows.insert(id, open);
                }
                // The flow learns at navigation time (`blocked_by_browser`).
                Err(_) => gone.store(true, Ordering::SeqCst),
            },
            NativeCommand::Navigate { id, url } => {
                let failed = self.windows.get(&id).is_some_and(|open| {
                    open.webview
                        .borrow()
                        .as_ref()
                        .is_none_or(|webview| webview.load_url(&url).is_err())
                });
                if failed {
                    self.close(id);
                }
            }
            NativeCommand::Close { id } => self.close(id),
            NativeCommand::Forget { id } => {
                if let Some(open) = self.windows.remove(&id) {
                    open.context.remove_wry_event_handler(open.handler);
                }
                if let Some(open) = self.connect_windows.remove(&id) {
                    open.context.remove_wry_event_handler(open.handler);
                }
            }
            NativeCommand::OpenConnectUi { shared }
                if shared.options.presentation == ConnectUiPresentation::Overlay =>
            {
                if !self.overlay.is_mounted() {
                    shared.deliver(ConnectUiEvent::Error(AuthError::new(
                        nango_core::AuthErrorKind::UnknownError,
                        "the Connect UI overlay needs a ConnectUiOverlay component in the app's window",
                    )));
                    shared.deliver(ConnectUiEvent::Close);
                    return;
                }
                let id = shared.id;
                // One overlay at a time: another client's Connect UI there is closed.
                if let Some(previous) = self.overlay.replace(shared)
                    && previous.id != id
                {
                    previous.deliver(ConnectUiEvent::Close);
                }
            }
            NativeCommand::OpenConnectUi { shared } => {
                if self.connect_windows.contains_key(&shared.id) {
                    return;
                }
                match self.open_connect_ui(Arc::clone(&shared)).await {
                    Ok(open) => {
                        self.connect_windows.insert(shared.id, open);
                    }
                    Err(error) => {
                        shared.deliver(ConnectUiEvent::Error(error));
                        shared.deliver(ConnectUiEvent::Close);
                    }
                }
            }
            NativeCommand::CloseConnectUi { id } => {
                if let Some(shared) = self.overlay.hide(id) {
                    shared.deliver(ConnectUiEvent::Close);
                }
                if let Some(open) = self.connect_windows.remove(&id) {
                    open.context.remove_wry_event_handler(open.handler);
                    open.bridge.release();
                    open.context.close();
                    open.shared.deliver(ConnectUiEvent::Close);
                }
            }
        }
    }

    /// Opens a Connect UI window centred like the OAuth window, rendering nango-ui's
    /// `ConnectUi`; a user close delivers `close` and clears a pending OAuth flow.
    async fn open_connect_ui(
        &self,
        shared: Arc<ConnectUiShared>,
    ) -> Result<OpenConnectUi, AuthError> {
        let (width, height) = CONNECT_UI_SIZE;
        let builder = self
            .window_builder(PopupSize { width, height })
            .with_title(CONNECT_UI_TITLE);
        let config = Config::new()
            .with_window(builder)
            .with_menu(None)
            .with_close_behaviour(WindowCloseBehaviour::WindowCloses)
            .with_disable_context_menu(!cfg!(debug_assertions))
            // The page behind the dialog, painted before the first frame (no white flash, and
            // no white band when the window is taller than the dialog).
            .with_background_color(CONNECT_UI_BACKGROUND)
            .with_custom_head(CONNECT_UI_HEAD.to_owned());
        let dom = VirtualDom::new_with_props(
            ConnectUiRoot,
            ConnectUiRootProps {
                shared: SharedConnectUi(Arc::clone(&shared)),
            },
        );
        let context = self
            .main
            .new_window(dom, config)
            .try_resolve()
            .await
            .map_err(|_| {
                AuthError::new(
                    nango_core::AuthErrorKind::UnknownError,
                    "the Connect UI window was not created",
                )
            })?;
        apply_lean_webview_settings(&context);
        let bridge = Rc::new(WebviewIpcBridge::of(&context.webview));
        let commands = self.commands.clone();
        let watched = Arc::clone(&shared);
        let closing = Rc::clone(&bridge);
        let handler = context.create_wry_event_handler(move |event, _target| {
            if let Event::WindowEvent {
                event: WindowEvent::CloseRequested | WindowEvent::Destroyed,
                ..
            } = event
            {
                // The window closes (`WindowCloses`): free its webview, context and processes.
                closing.release();
                if watched.open.load(Ordering::SeqCst) {
                    watched.nango.clear();
                }
                watched.deliver(ConnectUiEvent::Close);
                let _ = commands.send(NativeCommand::Forget { id: watched.id });
            }
        });
        Ok(OpenConnectUi {
            context,
            bridge,
            handler,
            shared,
        })
    }

    /// Opens a window centred on the main window's monitor with a bare webview in it.
    async fn open(
        &self,
        id: u64,
        size: PopupSize,
        closed: WindowClosedNotifier,
        gone: Arc<AtomicBool>,
    ) -> Result<OpenWindow, AuthWindowError> {
        let config = Config::new()
            .with_window(self.window_builder(size))
            .with_menu(None)
            .with_close_behaviour(WindowCloseBehaviour::WindowCloses);
        let context = self
            .main
            .new_window(VirtualDom::new(hidden_page), config)
            .try_resolve()
            .await
            .map_err(|_| AuthWindowError("the window was not created".to_owned()))?;
        let _ = context.webview.set_visible(false);
        // Our webview joins the hidden dioxus page's WebKit context (see `build_bare_webview`):
        // the provider's pages must not reach dioxus' scheme there.
        isolate_dioxus_scheme(&context);
        let bare = build_bare_webview(&context)?;
        let bridges = Rc::new([
            WebviewIpcBridge::of(&context.webview),
            WebviewIpcBridge::of(&bare),
        ]);
        let webview = Rc::new(RefCell::new(Some(bare)));
        let handler = context.create_wry_event_handler(window_event_handler(
            id,
            Rc::downgrade(&webview),
            Rc::clone(&bridges),
            closed,
            Arc::clone(&gone),
            self.commands.clone(),
        ));
        Ok(OpenWindow {
            context,
            bridges,
            webview,
            handler,
            gone,
        })
    }

    /// The window's title, size and position: `PopupLayout` on the main window's monitor.
    fn window_builder(&self, size: PopupSize) -> WindowBuilder {
        let builder = WindowBuilder::new()
            .with_title(WINDOW_TITLE)
            .with_inner_size(LogicalSize::new(size.width, size.height));
        let monitor = self
            .main
            .window
            .current_monitor()
            .or_else(|| self.main.window.primary_monitor());
        let Some(monitor) = monitor else {
            return builder;
        };
        let scale = monitor.scale_factor();
        let screen: LogicalSize<f64> = monitor.size().to_logical(scale);
        let origin: LogicalPosition<f64> = monitor.position().to_logical(scale);
        let layout = PopupLayout::compute(
            f64::from(size.width),
            f64::from(size.height),
            screen.width,
            screen.height,
        );
        builder
            .with_inner_size(LogicalSize::new(layout.width, layout.height))
            .with_position(LogicalPosition::new(
                origin.x + layout.left,
                origin.y + layout.top,
            ))
    }

    /// Closes a window ourselves (not a user close: nothing is reported).
    fn close(&mut self, id: u64) {
        if let Some(open) = self.windows.remove(&id) {
            open.gone.store(true, Ordering::SeqCst);
            open.context.remove_wry_event_handler(open.handler);
            // Our webview goes before its window; both webviews are freed with their context.
            for bridge in open.bridges.iter() {
                bridge.release();
            }
            drop(open.webview.borrow_mut().take());
            open.context.close();
        }
    }
}

/// The (hidden) dioxus page of an OAuth window.
fn hidden_page() -> Element {
    VNode::empty()
}

/// Watches one OAuth window: on a user close, drops our webview before dioxus closes the window,
/// reports the close to the flow once, and tells the runner to forget the window.
fn window_event_handler<T: 'static>(
    id: u64,
    webview: Weak<RefCell<Option<WebView>>>,
    bridges: Rc<[WebviewIpcBridge; 2]>,
    closed: WindowClosedNotifier,
    gone: Arc<AtomicBool>,
    commands: mpsc::UnboundedSender<NativeCommand>,
) -> impl FnMut(&Event<'_, T>, &dioxus_desktop::tao::event_loop::EventLoopWindowTarget<T>) + 'static
{
    move |event, _target| {
        let Event::WindowEvent { event, .. } = event else {
            return;
        };
        match event {
            WindowEvent::CloseRequested | WindowEvent::Destroyed => {
                for bridge in bridges.iter() {
                    bridge.release();
                }
                if let Some(webview) = webview.upgrade()
                    && let Ok(mut webview) = webview.try_borrow_mut()
                {
                    drop(webview.take());
                }
                if !gone.swap(true, Ordering::SeqCst) {
                    closed.notify();
                }
                let _ = commands.send(NativeCommand::Forget { id });
            }
            #[cfg(not(webkitgtk))]
            WindowEvent::Resized(size) => {
                if let Some(webview) = webview.upgrade()
                    && let Ok(webview) = webview.try_borrow()
                    && let Some(webview) = webview.as_ref()
                {
                    let _ = webview.set_bounds(full_window_bounds(*size));
                }
            }
            _ => {}
        }
    }
}

/// A webview with no IPC handler, no initialization script and no custom protocol, filling the
/// window (GTK: packed into the window's vertical box after the hidden dioxus webview).
///
/// WebKitGTK: it is created as a related view of the window's hidden dioxus webview, so it runs
/// in that webview's WebKit context (and network process, and web process until WebKit swaps
/// processes for a cross-site navigation) instead of a context of its own: one WebKit web and
/// network process pair less while the window is open (`cargo xtask bench desktop`, `oauth`).
/// The two views still share nothing the pages can reach: each has its own user content manager
/// (ours has no IPC handler and no script), and the dioxus page (`dioxus://`) and the provider's
/// pages are different origins, and `dioxus://` is display-isolated in that context
/// ([`isolate_dioxus_scheme`], before this view exists), so the provider's pages cannot load
/// anything from dioxus' handler. The context is the window's, not the main window's, so the
/// provider's cookies stay out of the app's own webview.
#[cfg(webkitgtk)]
fn build_bare_webview(context: &DesktopContext) -> Result<WebView, AuthWindowError> {
    use dioxus_desktop::tao::platform::unix::WindowExtUnix;
    use dioxus_desktop::wry::{WebViewBuilderExtUnix, WebViewExtUnix};
    let vbox = context
        .window
        .default_vbox()
        .ok_or_else(|| AuthWindowError("the window has no GTK container".to_owned()))?;
    WebViewBuilder::new()
        .with_related_view(context.webview.webview())
        .with_url(BLANK_PAGE)
        .build_gtk(vbox)
        .map_err(|error| AuthWindowError(format!("could not create the webview: {error}")))
}

/// A webview with no IPC handler, no initialization script and no custom protocol, as a child
/// covering the whole window (resized with it by the window's event handler).
#[cfg(not(webkitgtk))]
fn build_bare_webview(context: &DesktopContext) -> Result<WebView, AuthWindowError> {
    WebViewBuilder::new()
        .with_url(BLANK_PAGE)
        .with_bounds(full_window_bounds(context.window.inner_size()))
        .build_as_child(&*context.window)
        .map_err(|error| AuthWindowError(format!("could not create the webview: {error}")))
}

/// Bounds covering a whole window of `size` physical pixels.
#[cfg(not(webkitgtk))]
fn full_window_bounds(
    size: dioxus_desktop::tao::dpi::PhysicalSize<u32>,
) -> dioxus_desktop::wry::Rect {
    dioxus_desktop::wry::Rect {
        position: dioxus_desktop::wry::dpi::Position::Logical(
            dioxus_desktop::wry::dpi::LogicalPosition::new(0.0, 0.0),
        ),
        size: dioxus_desktop::wry::dpi::Size::Physical(
            dioxus_desktop::wry::dpi::PhysicalSize::new(size.width, size.height),
        ),
    }
}

/// Registers native OAuth windows in a dioxus-desktop app and returns the handle to pass to
/// `Nango::with_native_windows`. Call it in a component of the main window that lives as long
/// as OAuth flows may run (typically the root).
pub fn use_native_auth_windows() -> NativeWindowHost {
    let main = use_window();
    use_hook(move || {
        let (commands, mut received) = mpsc::unbounded_channel();
        let overlay = provide_context(OverlaySlot::new());
        let mut runner = NativeWindowRunner {
            main,
            commands: commands.clone(),
            windows: HashMap::new(),
            connect_windows: HashMap::new(),
            overlay,
        };
        // Runs on the main thread (dioxus tasks do), woken by the flows' commands.
        spawn(async move {
            while let Some(command) = received.recv().await {
                runner.execute(command).await;
            }
        });
        NativeWindowHost {
            commands,
            next_id: Arc::new(AtomicU64::new(1)),
        }
    })
}
