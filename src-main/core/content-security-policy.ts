/**
 * The window's Content Security Policy, sent as a response header by browser mode and
 * added to every response by the Electron shell: our own scripts and styles only, and a
 * WebSocket only to the app's own port (Electron talks over IPC and needs none).
 */
export function contentSecurityPolicy(webSocketPort: number | null): string {
  const connect = webSocketPort === null ? "'self'" : `'self' ws://127.0.0.1:${webSocketPort} ws://localhost:${webSocketPort}`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
