import { z } from 'zod';
import { NoArgs } from './shared';

/** A SHA-256 certificate fingerprint as stored and shown: "AB:CD:..." (Node's fingerprint256). */
export const Fingerprint256 = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

/** How a rig's certificate is trusted: a pinned fingerprint or a CA file on this computer. */
export const RigTrust = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fingerprint'), sha256: Fingerprint256 }).strict(),
  z.object({ kind: z.literal('ca'), caPath: z.string().min(1) }).strict(),
]);
export type RigTrust = z.infer<typeof RigTrust>;

/** Trust as a user gives it: the fingerprint in any common spelling (checked and normalised in core). */
export const RigTrustInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fingerprint'), sha256: z.string() }).strict(),
  z.object({ kind: z.literal('ca'), caPath: z.string() }).strict(),
]);

/** What a new recording on this rig starts with unless told otherwise. */
export const RecordingPreset = z
  .object({
    codec: z.string().min(1).optional(),
    durationSeconds: z.number().positive().optional(),
    /** The rig's `filename` argument; may hold placeholders the recording feature fills in. */
    filenamePattern: z.string().min(1).optional(),
    metadataTemplate: z.record(z.string(), z.string()).optional(),
    recordToStore: z.boolean().optional(),
  })
  .strict();
export type RecordingPreset = z.infer<typeof RecordingPreset>;

/** Where a rig's API key is: the OS keychain, this session's memory, or nowhere. Never the key. */
// 'keychain-unavailable': the keychain could not be asked, so whether a key is stored is unknown.
// 'checking': not read from the keychain yet; the list is sent again (rigs.changed) once it is.
export const KeyState = z.enum(['keychain', 'session', 'none', 'keychain-unavailable', 'checking']);
export type KeyState = z.infer<typeof KeyState>;

export const RigSummary = z.object({
  id: z.string(),
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  tags: z.array(z.string()),
  simulated: z.boolean(),
  notes: z.string(),
  trust: RigTrust.nullable(),
  preset: RecordingPreset,
  keyState: KeyState,
  createdAt: z.string(),
});
export type RigSummary = z.infer<typeof RigSummary>;

/** Editable fields of a rig; hosts, ports and names are checked in core with sentences. */
export const RigFields = {
  name: z.string(),
  host: z.string(),
  port: z.number().optional(),
  trust: RigTrustInput.nullable().optional(),
  tags: z.array(z.string()).optional(),
  notes: z.string().optional(),
  preset: RecordingPreset.optional(),
  simulated: z.boolean().optional(),
};

const RigId = z.object({ rigId: z.string().min(1) }).strict();

export const CertificateInfo = z.object({
  host: z.string(),
  port: z.number().int(),
  fingerprint256: z.string(),
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  trustedBySystem: z.boolean(),
});

/** The rig list as a file for another lab PC: never holds API keys. */
export const RigExportDocument = z.object({
  format: z.literal('motif-control-rigs'),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  rigs: z.array(
    z.object({
      name: z.string(),
      host: z.string(),
      port: z.number(),
      trust: RigTrust.nullable(),
      tags: z.array(z.string()),
      notes: z.string(),
      preset: RecordingPreset,
      simulated: z.boolean(),
    }),
  ),
});
export type RigExportDocument = z.infer<typeof RigExportDocument>;

export const RigImportReport = z.object({
  added: z.array(z.object({ id: z.string(), name: z.string() })),
  updated: z.array(z.object({ id: z.string(), name: z.string() })),
  skipped: z.array(z.object({ index: z.number().int(), name: z.string().optional(), reason: z.string() })),
});
export type RigImportReport = z.infer<typeof RigImportReport>;

/** Keys travel in an HTTP header: printable ASCII only, so a pasted key with a stray character is refused here, not at every call. */
const ApiKey = z.string().regex(/^\s*[\x21-\x7e]*\s*$/, 'An API key is printable ASCII without spaces, as recnode-apikey prints it on the rig.');

export const rigRequests = {
  'rigs.list': { args: NoArgs, result: z.array(RigSummary) },
  'rigs.add': {
    args: z
      .object({ ...RigFields, apiKey: ApiKey.optional(), sessionOnly: z.boolean().optional() })
      .strict(),
    result: RigSummary,
  },
  'rigs.update': {
    args: z
      .object({
        rigId: z.string().min(1),
        patch: z.object({ ...RigFields, name: RigFields.name.optional(), host: RigFields.host.optional() }).strict(),
      })
      .strict(),
    result: RigSummary,
  },
  /** Also deletes the rig's key. */
  'rigs.remove': { args: RigId, result: z.object({ rigId: z.string() }) },
  'rigs.setKey': {
    args: z.object({ rigId: z.string().min(1), apiKey: ApiKey, sessionOnly: z.boolean().optional() }).strict(),
    result: z.object({ rigId: z.string(), keyState: KeyState }),
  },
  /**
   * Whether the OS keychain answers now (asked for no key, so no secret is read): before a key
   * is typed, the window can offer keeping it for this session only.
   */
  'rigs.keychain': { args: NoArgs, result: z.object({ available: z.boolean(), problem: z.string().nullable() }) },
  'rigs.clearKey': { args: RigId, result: z.object({ rigId: z.string(), keyState: KeyState }) },
  /** Read a certificate without trusting it (trust on first use); sends no key. */
  'rigs.probeCertificate': {
    args: z.object({ host: z.string(), port: z.number().optional() }).strict(),
    result: CertificateInfo,
  },
  /** Pin a fingerprint or set a CA file (one of them). */
  'rigs.trust': {
    args: z.object({ rigId: z.string().min(1), fingerprint: z.string().optional(), caPath: z.string().optional() }).strict(),
    result: RigSummary,
  },
  'rigs.testConnection': {
    args: RigId,
    result: z.object({
      rigId: z.string(),
      version: z.record(z.string(), z.unknown()),
      cameras: z.array(z.record(z.string(), z.unknown())),
      elapsedMs: z.number(),
    }),
  },
  'rigs.export': { args: NoArgs, result: RigExportDocument },
  /** Adds and updates rigs by name; never removes one. `document` is checked in core, entry by entry. */
  'rigs.import': {
    args: z.object({ document: z.unknown(), dryRun: z.boolean().optional() }).strict(),
    result: RigImportReport,
  },
} as const;
