/** The Motif API client: one rig over HTTPS, the operation table, fan-out over many rigs. */
export { MotifClient, DEFAULT_PORT, DEFAULT_TIMEOUT_MS, type MotifClientOptions } from './motif-client';
export type { CallOptions, OperationTarget } from './rig-endpoints';
export { RigCallError, isRigCallError, type RigErrorCode, type RigErrorDetails } from './rig-call-error';
export { trustFrom, type RigTrust } from './tls-trust';
export { fetchPeerCertificate, normalizeFingerprint, sameFingerprint, type PeerCertificateInfo } from './fingerprint';
export { fanOut, toMotifError, type FanOutResult } from './fan-out';
export { isCopyingStatus, isExportingStatus, isRecordingStatus } from './camera-state';
export { readExperimentMetadata } from './experiment-metadata';
export * from './operation-table';
export * from './operation-paths';
