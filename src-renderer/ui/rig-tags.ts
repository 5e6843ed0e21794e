/** A rig's tags as shown beside its badges: a "simulated" tag says again what the badge says. */
export function tagsBesideBadges(rig: { tags: string[]; simulated: boolean }): string[] {
  return rig.simulated ? rig.tags.filter((t) => t.trim().toLowerCase() !== 'simulated') : rig.tags;
}
