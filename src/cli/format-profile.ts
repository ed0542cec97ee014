import { hcpDisplayName, type Hcp } from '../domain/hcp.ts';
import type { HcpProfile, ProfileLookup } from '../profile/hcp-profile.ts';
import { quoteData } from '../core/quoting.ts';
import { printable } from './printable.ts';
import { channelName } from '../domain/vocabulary.ts';

/** Pure text formatting for `omni hcp`. */
export function formatProfileLookup(lookup: ProfileLookup): string {
  switch (lookup.status) {
    case 'found':
      return formatProfile(lookup.profile);
    case 'ambiguous':
      return [
        `"${lookup.query}" matches ${lookup.candidates.length === 10 ? 'at least 10' : lookup.candidates.length} HCPs; ask again with an id:`,
        ...lookup.candidates.map(
          (hcp) => `  ${hcp.id.padEnd(16)} ${printable(`${hcpDisplayName(hcp)} · ${hcp.specialty} · ${hcp.institution || hcp.city} · ${hcp.territory}`, 400)}`,
        ),
      ].join('\n');
    case 'not_found':
      return `No HCP you can see matches "${printable(lookup.query, 120)}".`;
    case 'out_of_scope':
      return `${printable(lookup.query, 120)} is outside your territories (${lookup.territories.join(', ') || 'none'}).`;
  }
}

function formatProfile(profile: HcpProfile): string {
  const { hcp } = profile;
  const lines: string[] = [];
  lines.push(`${printable(hcpDisplayName(hcp))}  [${hcp.id}]${hcp.synthetic ? '  (synthetic demo record)' : ''}`);
  lines.push(`  ${printable(identityLine(hcp), 400)}`);
  const details = [
    hcp.segment ? `segment ${hcp.segment}` : '',
    hcp.tier ? `tier ${hcp.tier}` : '',
    hcp.influenceScore !== null ? `influence ${hcp.influenceScore}/100` : '',
    hcp.clinicalTrialInvolvement ? 'clinical-trial investigator' : '',
    hcp.preferredChannel ? `prefers ${channelName(hcp.preferredChannel)}` : '',
    hcp.npi ? `NPI ${hcp.npi}` : '',
  ].filter(Boolean);
  if (details.length > 0) lines.push(`  ${details.join(' · ')}`);
  if (hcp.patientMixTags.length > 0) lines.push(`  patient mix: ${printable(hcp.patientMixTags.join(', '))}`);
  lines.push(`  as of ${profile.asOf.slice(0, 16).replace('T', ' ')} UTC`);

  lines.push('', 'Open signals');
  if (profile.signals.length === 0) lines.push('  none');
  for (const signal of profile.signals) lines.push(`  • ${signal.sentence}`);

  lines.push('', 'Consent (channel / purpose)');
  if (profile.consents.length === 0) lines.push('  no consent records');
  for (const consent of profile.consents) {
    const scope = consent.productId ? ` [${consent.productId}]` : '';
    const expiry = consent.status === 'granted' && consent.expiresAt ? `, expires ${consent.expiresAt.slice(0, 10)}` : '';
    lines.push(
      `  ${`${channelName(consent.channel)} / ${consent.purpose}${scope}`.padEnd(34)} ${consent.status.toUpperCase().padEnd(8)} since ${consent.since.slice(0, 10)} via ${printable(consent.source, 80)}${expiry}`,
    );
  }

  lines.push('', 'Channels (last 90 days / 12 months, last contact)');
  if (profile.channelActivity.length === 0) lines.push('  no interactions in the last 12 months');
  for (const activity of profile.channelActivity) {
    lines.push(`  ${channelName(activity.channel).padEnd(18)} ${String(activity.last90Days).padStart(4)} / ${String(activity.last365Days).padStart(4)}   ${activity.lastAt.slice(0, 10)}`);
  }

  lines.push('', 'Latest interactions');
  if (profile.recentInteractions.length === 0) lines.push('  none');
  for (const interaction of profile.recentInteractions) {
    const topic = interaction.topic ? ` · ${printable(interaction.topic, 80)}` : '';
    const product = interaction.productId ? ` · ${interaction.productId.replace(/^prod-/, '')}` : '';
    const purpose = interaction.purpose === 'promotional' ? '' : ` (${interaction.purpose})`;
    lines.push(`  ${interaction.occurredAt.slice(0, 10)}  ${channelName(interaction.channel).padEnd(18)} ${interaction.outcome.padEnd(10)} ${interaction.actorId}${purpose}${product}${topic}`);
  }

  if (profile.recentNotes.length > 0) {
    lines.push('', 'Latest field notes (quoted as written)');
    for (const note of profile.recentNotes) {
      lines.push(`  ${note.writtenAt.slice(0, 10)} ${note.kind.toUpperCase()} ${note.authorId}: ${quoteData(printable(note.text))}`);
      const flag = profile.adverseEventFlags.find((candidate) => candidate.noteId === note.id);
      if (flag) lines.push(`    ! possible adverse event (${quoteData(printable(flag.phrase, 80))}): report it to Drug Safety within one business day unless already reported ("report an adverse event" in omni ask)`);
    }
  }
  return lines.join('\n');
}

function identityLine(hcp: Hcp): string {
  const specialty = hcp.taxonomyCode ? `${hcp.specialty} (${hcp.taxonomyCode})` : hcp.specialty;
  const focus = hcp.subspecialtyFocus ? `, ${hcp.subspecialtyFocus}` : '';
  const place = [hcp.institution, [hcp.city, hcp.state].filter(Boolean).join(', ')].filter(Boolean).join(', ');
  const territory = hcp.territory ? ` · territory ${hcp.territory}` : '';
  return `${specialty}${focus} · ${place || 'no location'}${territory}`;
}

