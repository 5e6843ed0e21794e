import { Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { MotifError } from '../../../src-main/contract/errors';
import type { RigSummary } from '../../../src-main/contract/requests';
import { useAppStore } from '../../store/use-app-store';
import { ErrorNote } from '../../ui/ErrorNote';
import { CertificatePanel, type CertificateInfo, type TrustChoice } from './CertificatePanel';

/** How the rig's certificate is trusted, and checking it again (a changed one is shown as a warning). */
export function RigTrustSection({ rig }: { rig: RigSummary }) {
  const rigRequest = useAppStore((s) => s.rigRequest);
  const [certificate, setCertificate] = useState<CertificateInfo | null>(null);
  const [error, setError] = useState<MotifError | null>(null);
  const [busy, setBusy] = useState(false);

  const probe = async () => {
    setBusy(true);
    setError(null);
    const r = await rigRequest('rigs.probeCertificate', { host: rig.host, port: rig.port });
    setBusy(false);
    if (r.ok) setCertificate(r.value);
    else setError(r.error);
  };
  const choose = async (choice: TrustChoice) => {
    setBusy(true);
    const r = await rigRequest('rigs.trust', choice.kind === 'fingerprint' ? { rigId: rig.id, fingerprint: choice.sha256 } : { rigId: rig.id, caPath: choice.caPath });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setCertificate(null);
    notifications.show({ color: 'teal', title: 'Certificate trusted', message: `${rig.name} is checked against it from now on.` });
  };

  return (
    <Fieldset legend="Certificate">
      <Stack gap="xs">
        <Text size="sm" data-testid="trust-state">
          {rig.trust === null ? 'Not trusted yet.' : rig.trust.kind === 'fingerprint' ? 'Pinned SHA-256 fingerprint:' : `Checked with the CA file ${rig.trust.caPath}`}
        </Text>
        {rig.trust?.kind === 'fingerprint' && !certificate && <Text className="fingerprint">{rig.trust.sha256}</Text>}
        {certificate ? (
          <CertificatePanel
            certificate={certificate}
            pinnedFingerprint={rig.trust?.kind === 'fingerprint' ? rig.trust.sha256 : undefined}
            busy={busy}
            onChoose={(c) => void choose(c)}
            onCancel={() => setCertificate(null)}
          />
        ) : (
          <Group>
            <Button size="xs" variant="default" loading={busy} onClick={() => void probe()}>
              Check certificate…
            </Button>
          </Group>
        )}
        {error && <ErrorNote error={error} />}
      </Stack>
    </Fieldset>
  );
}
