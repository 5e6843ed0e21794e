/**
 * When two rig entries are the same rig: the same name (case and surrounding spaces aside)
 * or the same address. The core refuses such an entry; the window says so before it
 * contacts the rig.
 */
export interface RigIdentity {
  id?: string;
  name: string;
  host: string;
  port: number;
}

export interface RigClash {
  field: 'name' | 'host';
  message: string;
}

export const rigNameKey = (name: string): string => name.trim().toLowerCase();

/** Host names are case-blind and may end in a dot; IPv6 may come in brackets. */
export function rigHostKey(host: string): string {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
}

/** host:port as a URL writes it (IPv6 in brackets). */
export function formatRigAddress(host: string, port: number): string {
  const h = rigHostKey(host);
  return `${h.includes(':') ? `[${h}]` : h}:${port}`;
}

/** The entry in `rigs` (other than `candidate.id` itself) that already has `candidate`'s name, in a sentence. */
export function findNameClash(rigs: readonly RigIdentity[], candidate: RigIdentity): RigClash | null {
  if (candidate.name.trim() === '') return null;
  const same = rigs.find((r) => r.id !== candidate.id && rigNameKey(r.name) === rigNameKey(candidate.name));
  return same ? { field: 'name', message: `There is already a rig named "${same.name}"; rig names must be unique.` } : null;
}

/** The entry in `rigs` (other than `candidate.id` itself) at `candidate`'s host and port, in a sentence. */
export function findAddressClash(rigs: readonly RigIdentity[], candidate: RigIdentity): RigClash | null {
  if (candidate.host.trim() === '') return null;
  const same = rigs.find((r) => r.id !== candidate.id && r.port === candidate.port && rigHostKey(r.host) === rigHostKey(candidate.host));
  if (!same) return null;
  const address = formatRigAddress(candidate.host, candidate.port);
  return { field: 'host', message: `${address} is already configured as rig "${same.name}"; each rig is added once.` };
}

export function findRigClash(rigs: readonly RigIdentity[], candidate: RigIdentity): RigClash | null {
  return findNameClash(rigs, candidate) ?? findAddressClash(rigs, candidate);
}
