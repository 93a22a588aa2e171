// Type declarations of the `nango` ES module (nango.js), mirroring @nangohq/frontend's public API.

/** Nango's error types. The set is open: servers send more codes than these. */
export type AuthErrorType =
    | 'missing_auth_token'
    | 'blocked_by_browser'
    | 'invalid_host_url'
    | 'missing_credentials'
    | 'window_closed'
    | 'connection_test_failed'
    | 'missing_connect_session_token'
    | 'connection_validation_failed'
    | 'resource_capped'
    | 'unknown_error'
    // Kit additions (documented fixes of hangs in the JS SDK).
    | 'websocket_failed'
    | 'timeout'
    | 'cancelled'
    | 'request_failed'
    | 'invalid_response'
    | 'unroutable_credentials'
    | (string & {});

/** An error of a Nango operation: an `Error` with Nango's `type` string. */
export declare class AuthError extends Error {
    constructor(message: string, type: AuthErrorType);
    type: AuthErrorType;
}

/** What `auth`, `reconnect` and `create` resolve with. */
export interface AuthResult {
    providerConfigKey: string;
    connectionId: string;
    /** Present (boolean) on the OAuth popup path, absent on credential requests. */
    isPending?: boolean;
}

/** The constructor's options; at most one of `connectSessionToken` / `publicKey`. */
export type ConstructorOptions = {
    host?: string;
    websocketsPath?: string;
    width?: number;
    height?: number;
    debug?: boolean;
} & ({ connectSessionToken: string; publicKey?: never } | { publicKey: string; connectSessionToken?: never } | { connectSessionToken?: undefined; publicKey?: undefined });

/** Credentials of a non-popup `auth` (API key, basic, TBA, JWT, two-step, ...). */
export type AuthCredentials = Record<string, unknown> & {
    type?: string;
    apiKey?: string;
    username?: string;
    password?: string;
    oauth_client_id_override?: string;
    oauth_client_secret_override?: string;
    oauth_refresh_token_override?: string;
    token_id?: string;
    token_secret?: string;
};

/** The query part of an `auth`/`create` call. */
export interface ConnectionConfig {
    params?: Record<string, string>;
    hmac?: string;
    user_scope?: string[];
    /** `undefined` values are sent as the text `undefined` (the server deletes that parameter). */
    authorization_params?: Record<string, string | undefined>;
    credentials?: AuthCredentials;
}

/** The options of `auth` and `reconnect`. */
export interface AuthOptions extends ConnectionConfig {
    /** Reject with `window_closed` when the user closes the popup. */
    detectClosedAuthWindow?: boolean;
    installation?: 'outbound';
    assertionOption?: Record<string, unknown>;
}

/** An event of the Connect UI, as its iframe posts it. */
export type ConnectUIEvent =
    | { type: 'ready' }
    | { type: 'close' }
    | { type: 'connect'; payload: AuthResult }
    | { type: 'error'; payload: { errorType: AuthErrorType; errorMessage: string } }
    | { type: 'settings_changed'; payload: Record<string, unknown> }
    | { type: string; [key: string]: unknown };

/** The props of `openConnectUI`. */
export interface ConnectUIProps {
    /** Default: the instance's `connectSessionToken` (a present `undefined` overrides it). */
    sessionToken?: string;
    /** Default: the Connect UI app served next to this module (`../connect-app/`). */
    baseURL?: string;
    /** Default: `https://api.nango.dev` (never the instance's `host`, as in @nangohq/frontend). */
    apiURL?: string;
    onEvent?: (event: ConnectUIEvent) => unknown;
    detectClosedAuthWindow?: boolean;
    lang?: string;
    themeOverride?: 'light' | 'dark' | 'system';
}

/** The Connect UI iframe `openConnectUI` returns. */
export declare class ConnectUI {
    private constructor();
    /** Opens it again after `close()`; no-op while open. */
    open(): void;
    /** Removes the iframe and restores page scrolling; safe to repeat. */
    close(): void;
    /** Posts the token now if the UI is ready, else on its `ready` message. */
    setSessionToken(sessionToken: string): void;
    /** True while the iframe is in the document (addition). */
    readonly isOpen: boolean;
}

/** The Nango frontend SDK. */
export default class Nango {
    /** Throws `AuthError` `invalid_host_url` for a host that is not an absolute URL. */
    constructor(options?: ConstructorOptions);
    /**
     * Connects an integration: the OAuth popup (opened synchronously: call it inside a click
     * handler) or a credential request. Throws `missing_auth_token` / `missing_credentials`
     * synchronously; otherwise returns a promise rejecting with an `AuthError`.
     */
    auth(providerConfigKey: string, options?: AuthOptions): Promise<AuthResult>;
    auth(providerConfigKey: string, connectionId: string, options?: AuthOptions): Promise<AuthResult>;
    /** `auth` for a reconnect session; throws `missing_connect_session_token` without a session token. */
    reconnect(providerConfigKey: string, options?: AuthOptions): Promise<AuthResult>;
    /** Creates a connection for an integration without credentials (`NONE` auth mode). */
    create(providerConfigKey: string, options?: ConnectionConfig): Promise<AuthResult>;
    create(providerConfigKey: string, connectionId: string, options?: ConnectionConfig): Promise<AuthResult>;
    /** Ends the pending popup flow (its promise rejects with `cancelled`). */
    clear(): void;
    /** Opens the Connect UI in a full-viewport iframe. */
    openConnectUI(props?: ConnectUIProps): ConnectUI;
}
export { Nango };
