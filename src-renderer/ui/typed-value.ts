/** "12" -> 12, "true" -> true, anything else stays text: how a lab types values. */
export function parseTypedValue(text: string): number | boolean | string {
  const t = text.trim();
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (t !== '' && Number.isFinite(Number(t))) return Number(t);
  return text;
}
