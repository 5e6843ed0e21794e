import { matchPath } from './operation-paths';

/** A call to a rig as a sentence a lab user recognises, from the operation table's words. */
export function callInWords(endpoint: string, args: Record<string, unknown> = {}): string {
  const match = matchPath(endpoint);
  if (!match) return endpoint;
  return match.spec.words({ serial: match.serial, params: match.params, body: args });
}
