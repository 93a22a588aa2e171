// The `nango` ES module: @nangohq/frontend's API built from the Rust Nango kit.
//
//   import Nango, { AuthError } from './js/nango.js';
//
// Loads the wasm next to this file, points openConnectUI's default baseURL at the Connect UI
// app served next to this module (dist/connect-app), and re-exports the classes.
import init, { Nango, ConnectUI, __authErrorClass, __setDefaultConnectUiUrl } from './nango_wasm.js';

await init({ module_or_path: new URL('./nango_wasm_bg.wasm', import.meta.url) });
__setDefaultConnectUiUrl(new URL('../connect-app/', import.meta.url).href);

/** AuthError: `instanceof Error`, with Nango's `type` and `message`. */
export const AuthError = __authErrorClass();
export { Nango, ConnectUI };
export default Nango;
