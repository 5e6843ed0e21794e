import { createTheme, localStorageColorSchemeManager } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
});

/** Light or dark as the user last chose, else the OS's ('auto' in MantineProvider). */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'motif-control-color-scheme' });
