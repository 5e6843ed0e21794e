import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** The list reporter names a skipped test but not why; this prints the reason under it. */
export default class SkipReasonsReporter implements Reporter {
  printsToStdio(): boolean {
    return false;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reasons = new Set(
      [...test.annotations, ...result.annotations].filter((a) => a.type === 'skip' && a.description).map((a) => a.description),
    );
    for (const reason of reasons) console.log(`     skipped: ${reason}`);
  }
}
