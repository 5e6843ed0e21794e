/** The plan's window: from now for this many days, as the plan and check requests take it. */
export function planWindow(days: number, now = Date.now()): { from: string; until: string } {
  return { from: new Date(now).toISOString(), until: new Date(now + days * 86_400_000).toISOString() };
}
