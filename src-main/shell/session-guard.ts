import type { Session } from 'electron';
import { contentSecurityPolicy } from '../core/content-security-policy';

/**
 * The window's session asks for nothing and grants nothing: every permission request
 * (camera, microphone, notifications from the page, geolocation...) and check is denied,
 * and every response carries the app's Content Security Policy as a header.
 */
export function hardenSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  const policy = contentSecurityPolicy(null);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
}
