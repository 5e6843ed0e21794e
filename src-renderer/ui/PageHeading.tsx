import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** An area's heading: its title, a line on what it holds, and the area's own actions on the right. */
export function PageHeading({ title, hint, children }: { title: string; hint: string; children?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end">
      <div>
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      </div>
      {children}
    </Group>
  );
}
