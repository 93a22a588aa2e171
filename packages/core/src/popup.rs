//! Popup window geometry (`computeLayout`, §3.5 of the protocol spec): centring on the screen and
//! the `window.open` features string, with numbers printed exactly like JavaScript prints them.

/// Where and how large the OAuth popup window opens, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PopupLayout {
    /// Distance from the screen's left edge (may be fractional).
    pub left: f64,
    /// Distance from the screen's top edge (may be fractional).
    pub top: f64,
    /// Window width, never wider than the screen.
    pub width: f64,
    /// Window height, never taller than the screen.
    pub height: f64,
}

/// The fixed `window.open` features that follow the geometry, in the SDK's order.
const FIXED_FEATURES: &str = "scrollbars=yes,resizable=yes,status=no,toolbar=no,location=no,copyhistory=no,menubar=no,directories=no";

impl PopupLayout {
    /// Centres a `width` × `height` window on a `screen_width` × `screen_height` screen:
    /// left = max(SW/2 − W/2, 0), top = max(SH/2 − H/2, 0), width = min(W, SW),
    /// height = min(H, SH).
    pub fn compute(width: f64, height: f64, screen_width: f64, screen_height: f64) -> PopupLayout {
        PopupLayout {
            left: (screen_width / 2.0 - width / 2.0).max(0.0),
            top: (screen_height / 2.0 - height / 2.0).max(0.0),
            width: width.min(screen_width),
            height: height.min(screen_height),
        }
    }

    /// The `window.open` features string:
    /// `left=…,top=…,width=…,height=…,scrollbars=yes,…,directories=no`.
    pub fn features(&self) -> String {
        format!(
            "left={},top={},width={},height={},{FIXED_FEATURES}",
            js_number(self.left),
            js_number(self.top),
            js_number(self.width),
            js_number(self.height),
        )
    }
}

/// Formats a number the way JavaScript's `String(number)` does. In the browser this is
/// JavaScript's own `Number.prototype.toString`, which keeps Rust's float formatting machinery
/// (~15 KB) out of the wasm.
#[cfg(target_arch = "wasm32")]
fn js_number(value: f64) -> String {
    js_sys::Number::from(value)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// Formats a number the way JavaScript's `String(number)` does: integers without a decimal point,
/// shortest round-trip digits otherwise, exponent form below 1e-6 and from 1e21 on.
#[cfg(not(target_arch = "wasm32"))]
fn js_number(value: f64) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    if value == 0.0 {
        // Also covers -0, which JavaScript prints as "0".
        return "0".to_owned();
    }
    let magnitude = value.abs();
    if (1e-6..1e21).contains(&magnitude) {
        // Rust's shortest round-trip `Display` prints integral values without a fraction here.
        return format!("{value}");
    }
    // Exponent form: Rust prints `1e21` / `1.5e-7`, JavaScript `1e+21` / `1.5e-7`.
    let exponent_form = format!("{value:e}");
    match exponent_form.split_once('e') {
        Some((mantissa, exponent)) if !exponent.starts_with('-') => {
            format!("{mantissa}e+{exponent}")
        }
        _ => exponent_form,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXED: &str = "scrollbars=yes,resizable=yes,status=no,toolbar=no,location=no,copyhistory=no,menubar=no,directories=no";

    #[test]
    fn tv08_full_hd_screen() {
        let layout = PopupLayout::compute(500.0, 600.0, 1920.0, 1080.0);
        assert_eq!(
            layout.features(),
            format!("left=710,top=240,width=500,height=600,{FIXED}")
        );
    }

    #[test]
    fn tv08_laptop_screen() {
        let layout = PopupLayout::compute(500.0, 600.0, 1366.0, 768.0);
        assert_eq!(
            layout.features(),
            format!("left=433,top=84,width=500,height=600,{FIXED}")
        );
    }

    #[test]
    fn tv08_phone_screen_clamps_and_keeps_halves() {
        let layout = PopupLayout::compute(500.0, 600.0, 375.0, 667.0);
        assert_eq!(
            layout,
            PopupLayout {
                left: 0.0,
                top: 33.5,
                width: 375.0,
                height: 600.0
            }
        );
        assert_eq!(
            layout.features(),
            format!("left=0,top=33.5,width=375,height=600,{FIXED}")
        );
    }

    #[test]
    fn numbers_print_like_javascript() {
        assert_eq!(js_number(710.0), "710");
        assert_eq!(js_number(-0.0), "0");
        assert_eq!(js_number(33.5), "33.5");
        assert_eq!(js_number(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(js_number(1e21), "1e+21");
        assert_eq!(js_number(1.5e-7), "1.5e-7");
        assert_eq!(js_number(123456789012345680000.0), "123456789012345680000");
        assert_eq!(js_number(f64::NAN), "NaN");
        assert_eq!(js_number(f64::NEG_INFINITY), "-Infinity");
    }
}
