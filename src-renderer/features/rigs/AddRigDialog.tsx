import { Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import type { MotifError } from '../../../src-main/contract/errors';
import { findRigClash } from '../../../src-shared/rig-identity';
import { useAppStore } from '../../store/use-app-store';
import { ErrorNote } from '../../ui/ErrorNote';
import { ApiKeyField } from './ApiKeyField';
import { CertificatePanel, type CertificateInfo, type TrustChoice } from './CertificatePanel';
import { KeychainProblem } from './KeychainProblem';
import { useKeyKeeping } from './use-key-keeping';
import { emptyRigForm, presetProblem, rigFieldsFromForm, type RigFormValues } from './rig-form-model';
import { RigFormFields } from './RigFormFields';
import { testRigConnection } from './test-connection';

/**
 * New rig: fields and key, then the certificate the rig presents (pin it or name a CA
 * file), then add. A rig that cannot be reached now can be added untrusted.
 */
export function AddRigDialog({ onClose }: { onClose(): void }) {
  const rigs = useAppStore((s) => s.rigs);
  const rigRequest = useAppStore((s) => s.rigRequest);
  const findRigByName = useAppStore((s) => s.findRigByName);
  const knownTags = useMemo(() => [...new Set(rigs.flatMap((r) => r.tags))], [rigs]);
  const [values, setValues] = useState<RigFormValues>(emptyRigForm);
  const [apiKey, setApiKey] = useState('');
  const { sessionOnly, setSessionOnly, keychainProblem } = useKeyKeeping();
  const [certificate, setCertificate] = useState<CertificateInfo | null>(null);
  const [error, setError] = useState<MotifError | null>(null);
  const [unreachable, setUnreachable] = useState(false);
  const [keychainError, setKeychainError] = useState<{ error: MotifError; trust: TrustChoice | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = rigFieldsFromForm(values);
  // Said at the field as it is typed, and checked again by the core when the rig is added.
  const clash = findRigClash(rigs, fields);

  const checkCertificate = async () => {
    if (clash) return;
    setBusy(true);
    setError(null);
    const r = await rigRequest('rigs.probeCertificate', { host: fields.host, port: fields.port });
    setBusy(false);
    if (r.ok) setCertificate(r.value);
    else {
      setError(r.error);
      setUnreachable(r.error.code === 'rig-unreachable' || r.error.code === 'rig-timeout');
    }
  };

  const finish = async (name: string) => {
    onClose();
    const added = await findRigByName(name);
    // With a key and trust the connection test says more than "added" would.
    if (added && (added.keyState === 'keychain' || added.keyState === 'session') && added.trust) await testRigConnection(added, rigRequest);
    else notifications.show({ color: 'teal', title: 'Rig added', message: `${name} is on the dashboard.` });
  };

  const add = async (trust: TrustChoice | null, keyOnlyForSession = sessionOnly) => {
    setBusy(true);
    setError(null);
    const key = apiKey.trim() ? { apiKey, sessionOnly: keyOnlyForSession } : {};
    const r = await rigRequest('rigs.add', { ...fields, trust, ...key });
    setBusy(false);
    if (r.ok) return finish(r.value.name);
    setCertificate(null);
    if (r.error.code === 'keychain-unavailable') setKeychainError({ error: r.error, trust });
    else setError(r.error);
  };

  // The user chose it explicitly; the add may have saved the rig before the keychain refused.
  const keepKeyForSession = async () => {
    if (!keychainError) return;
    setSessionOnly(true);
    const saved = await findRigByName(fields.name);
    if (!saved) return add(keychainError.trust, true);
    setBusy(true);
    const r = await rigRequest('rigs.setKey', { rigId: saved.id, apiKey, sessionOnly: true });
    setBusy(false);
    if (r.ok) return finish(saved.name);
    setError(r.error);
  };

  return (
    <Modal opened onClose={onClose} title={certificate ? "Check the rig's certificate" : 'Add rig'} size="lg">
      {certificate ? (
        <CertificatePanel certificate={certificate} busy={busy} onChoose={(trust) => void add(trust)} onCancel={() => setCertificate(null)} />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void checkCertificate();
          }}
        >
          <Stack gap="md">
            <RigFormFields
              values={values}
              onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
              knownTags={knownTags}
              errors={clash ? { [clash.field]: clash.message } : undefined}
              afterAddress={<ApiKeyField apiKey={apiKey} onApiKey={setApiKey} sessionOnly={sessionOnly} onSessionOnly={setSessionOnly} keychainProblem={keychainProblem} />}
            />
            {keychainError && <KeychainProblem error={keychainError.error} busy={busy} onSessionOnly={() => void keepKeyForSession()} />}
            {error && <ErrorNote error={error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              {unreachable && (
                <Button variant="default" loading={busy} disabled={clash !== null || presetProblem(values) !== null} onClick={() => void add(null)}>
                  Add without checking
                </Button>
              )}
              <Button type="submit" loading={busy} disabled={!fields.name || !fields.host || clash !== null || presetProblem(values) !== null}>
                Check certificate…
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
