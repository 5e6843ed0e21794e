import { Alert, Button, Checkbox, Code, Divider, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Res } from '../../../src-main/contract/requests';

export type CertificateInfo = Res<'rigs.probeCertificate'>;
export type TrustChoice = { kind: 'fingerprint'; sha256: string } | { kind: 'ca'; caPath: string };

interface CertificatePanelProps {
  certificate: CertificateInfo;
  /** The fingerprint pinned so far, when it differs from the presented one: possible impostor. */
  pinnedFingerprint?: string;
  busy: boolean;
  onChoose(choice: TrustChoice): void;
  onCancel(): void;
}

export const sameFingerprint = (a: string, b: string) => a.replace(/[^0-9a-f]/gi, '').toUpperCase() === b.replace(/[^0-9a-f]/gi, '').toUpperCase();

/** Trust on first use: the rig's certificate, to pin by fingerprint or to check with a CA file instead. */
export function CertificatePanel({ certificate, pinnedFingerprint, busy, onChoose, onCancel }: CertificatePanelProps) {
  const [caPath, setCaPath] = useState('');
  const [confirmedReplacement, setConfirmedReplacement] = useState(false);
  const changed = pinnedFingerprint !== undefined && !sameFingerprint(pinnedFingerprint, certificate.fingerprint256);
  return (
    <Stack gap="sm" data-testid="certificate-panel">
      {changed ? (
        <Alert color="red" variant="filled" title="The rig's certificate has changed: possible impostor" role="alert">
          The machine at {certificate.host}:{certificate.port} presents a different certificate than the one pinned. Another machine may be
          posing as the rig. Trust the new certificate only if you know the rig's certificate was replaced (e.g. Motif was reinstalled).
        </Alert>
      ) : (
        <Text size="sm">
          First contact with {certificate.host}:{certificate.port}. Compare this fingerprint with the rig's own (on the rig:{' '}
          <Code>openssl x509 -noout -fingerprint -sha256 -in server.crt</Code>) before you trust it.
        </Text>
      )}
      <Table withRowBorders={false} verticalSpacing={2} fz="sm">
        <Table.Tbody>
          {changed && (
            <Table.Tr>
              <Table.Th w={150}>Pinned fingerprint</Table.Th>
              <Table.Td className="fingerprint" data-testid="pinned-fingerprint">
                {pinnedFingerprint}
              </Table.Td>
            </Table.Tr>
          )}
          <Table.Tr>
            <Table.Th w={150}>{changed ? 'Presented now' : 'SHA-256 fingerprint'}</Table.Th>
            <Table.Td className="fingerprint" data-testid="presented-fingerprint">
              {certificate.fingerprint256}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Subject</Table.Th>
            <Table.Td>{certificate.subject}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Issuer</Table.Th>
            <Table.Td>{certificate.issuer}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Valid</Table.Th>
            <Table.Td>
              {certificate.validFrom} – {certificate.validTo}
            </Table.Td>
          </Table.Tr>
          {certificate.trustedBySystem && (
            <Table.Tr>
              <Table.Th>System trust</Table.Th>
              <Table.Td>This computer's certificate store trusts it already.</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {changed && (
        <Checkbox
          label="I know this rig's certificate was replaced"
          checked={confirmedReplacement}
          onChange={(e) => setConfirmedReplacement(e.currentTarget.checked)}
        />
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={onCancel}>
          {changed ? 'Keep the old pin' : 'Cancel'}
        </Button>
        <Button
          color={changed ? 'red' : undefined}
          disabled={changed && !confirmedReplacement}
          loading={busy}
          onClick={() => onChoose({ kind: 'fingerprint', sha256: certificate.fingerprint256 })}
        >
          {changed ? 'Trust the new certificate' : 'Trust this certificate'}
        </Button>
      </Group>
      <Divider label="or check it with the rig's CA file" labelPosition="center" />
      <Group align="flex-end" gap="xs">
        <TextInput
          label="CA certificate file"
          description="Path on this computer, e.g. the rig's server.crt"
          value={caPath}
          onChange={(e) => setCaPath(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button variant="default" disabled={caPath.trim() === ''} loading={busy} onClick={() => onChoose({ kind: 'ca', caPath: caPath.trim() })}>
          Use CA file
        </Button>
      </Group>
    </Stack>
  );
}
