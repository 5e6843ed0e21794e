/**
 * A result line names the rig before the message, so a message that starts with the
 * rig's name says "The rig" instead: never "rig-1: rig-1 is offline".
 */
export function withoutLeadingRigName(message: string, rigName: string): string {
  if (rigName === '' || !message.startsWith(rigName)) return message;
  const rest = message.slice(rigName.length);
  if (rest.startsWith("'s ") || rest.startsWith(' ')) return `The rig${rest}`;
  if (rest.startsWith(': ')) return rest.charAt(2).toUpperCase() + rest.slice(3);
  return message;
}

/** "rig-1, rig-2 and rig-3", or past `shown` names "rig-1, rig-2, rig-3 and 194 others": a sentence about 200 rigs stays a sentence. */
export function namesInWords(names: readonly string[], shown = 3): string {
  if (names.length <= 1) return names.join('');
  if (names.length <= shown) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} others`;
}
