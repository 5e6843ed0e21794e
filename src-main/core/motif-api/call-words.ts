import { matchPath } from './operation-paths';

/** A call to a rig as a sentence a lab user recognises, from the operation table's words. */
export function callInWords(endpoint: string, args: Record<string, unknown> = {}): string {
  const match = matchPath(endpoint);
  if (!match) return endpoint;
  return match.spec.words({ serial: match.serial, params: match.params, body: args });
}

/** The same words mid-sentence: "start recording on camera FAKE1". */
export function callPhrase(endpoint: string, args: Record<string, unknown> = {}): string {
  const words = callInWords(endpoint, args);
  return words === endpoint ? `"${endpoint}"` : words.charAt(0).toLowerCase() + words.slice(1);
}

/** "the request to start recording on camera FAKE1" (an unknown path stays quoted as it is). */
export function requestInWords(endpoint: string, args: Record<string, unknown> = {}): string {
  return matchPath(endpoint) ? `the request to ${callPhrase(endpoint, args)}` : `the request "${endpoint}"`;
}

const DISCONNECTED = /\bcameras? ([\w.-]+(?:\s*,\s*[\w.-]+)*) (?:is|are) (?:not connected|disconnected)\b/i;
/** A path the rig names in its words, e.g. "multicam/connect_camera". */
const PATH_IN_TEXT = /\b[a-z_]+(?:\/[\w.-]+)+/gi;

/**
 * What a rig said, for people: a disconnected camera says where to connect it, and any
 * endpoint path it names becomes that operation's summary from the table.
 */
export function rigMessageInWords(message: string): string {
  const disconnected = DISCONNECTED.exec(message);
  if (disconnected) {
    const serials = disconnected[1]!.split(/\s*,\s*/);
    return serials.length === 1
      ? `camera ${serials[0]} is disconnected: connect it in Multicam`
      : `cameras ${serials.join(', ')} are disconnected: connect them in Multicam`;
  }
  return message.replace(PATH_IN_TEXT, (path) => {
    const match = matchPath(path);
    return match ? `"${match.spec.summary}"` : path;
  });
}
