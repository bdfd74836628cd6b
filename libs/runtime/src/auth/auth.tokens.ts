/** The signing secret (a SigningSecret) of this process. */
export const SIGNING_SECRET = Symbol('SigningSecret');
/** The ApiKeyStore port. */
export const API_KEY_STORE = Symbol('ApiKeyStore');
