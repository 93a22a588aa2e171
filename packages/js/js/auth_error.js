// The AuthError class of the `nango` ES module: an Error subclass with Nango's `type` string,
// exactly like @nangohq/frontend's (its `name` stays the default "Error").
export class AuthError extends Error {
    constructor(message, type) {
        super(message);
        this.type = type;
    }
}

// The class itself, so the Rust side can hand the same constructor to the module's exports.
export function authErrorClass() {
    return AuthError;
}
