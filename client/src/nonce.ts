// A nonce for a webview's Content-Security-Policy: 16 random bytes, base64. Web Crypto, so the
// same code runs in the desktop extension host and in VS Code for the Web.
export function nonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
