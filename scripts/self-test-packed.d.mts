/** The unpacked app's executable electron-builder makes for `platform` and `arch` under `releaseDir`, or null. */
export function packedExecutable(platform: NodeJS.Platform, arch: string, releaseDir: string): string | null;

/** Arguments and environment for one --self-test run in the throwaway folder `base`. */
export function selfTestLaunch(
  base: string,
  env: Record<string, string | undefined>,
): { args: string[]; env: Record<string, string | undefined> };
