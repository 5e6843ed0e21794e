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
