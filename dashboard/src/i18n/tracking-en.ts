/** English strings of the proposed plan's loop tracking; the same keys as tracking-zh.ts. */
import type { trackingZh } from './tracking-zh.ts';
import { formatFor } from '../../../pipeline/shared/format.ts';

/** Counts grouped by thousands, as every figure of the dashboard (3,399). */
const count = formatFor('en').int;

export const trackingEn: typeof trackingZh = {
  heading: 'How the proposed enrolment plan was followed',
  intro: (year) => `The enrolment plan proposed last year for ${year}, change by change against the actual plans of ${year}.`,
  fromData: 'the adopted plan in the data folder',
  fromArchive: (snapshot, time) => `the plan archived by the platform (snapshot ${snapshot}, proposed ${time})`,
  fromArchiveUnknown: 'the plan archived by the platform',
  none: "No plan from last year to compare yet: every refresh archives the plan it proposes for the next year, compared here once that year's programmes are loaded; an adopted plan can also be put in the data folder (plan_proposals.csv).",
  notYet: (year) => `The plan for ${year} is archived; it is compared once the programmes of ${year} are loaded.`,
  year: 'Plan year',
  proposals: 'Proposed changes', followed: 'Followed', partly: 'Partly followed', notActed: 'Not acted on', opposite: 'Opposite',
  share: (share) => `${share} of them`,
  opened: 'Proposed programmes opened', openedDetail: (n) => `of ${n} proposed`,
  seats: 'Seats actually changed', seatsDetail: (n) => `the plan changed ${n} seats`,
  industriesTitle: (narrowed, withGap) => (withGap
    ? `In ${count(narrowed)} of ${count(withGap)} industries the expected gap of the targeted graduation years came closer to balance`
    : 'Seats proposed and actually changed per industry'),
  seatsTitle: (proposed, changed) => `The plan changed ${proposed} seats; the same programmes actually changed by ${changed}`,
  seatsAxis: 'Seats', seatsProposed: 'Seats proposed', seatsChanged: 'Seats changed',
  noIndustry: 'No key industry',
  noIndustryNote: (n) => `${n} more proposed changes are to majors serving no key industry and are in no industry's row; the seats chart shows them as one bar, "No key industry", so its bars add up to the totals in its title.`,
  industriesNote: "Seats are net (cuts negative), over the programmes the plan changed only. Gaps are summed over the targeted graduation years: the forecast when proposed against today's, with the actual plans and the latest demand outlook, so they move with both.",
  detailTitle: (n) => `How ${count(n)} proposed changes fared`,
  detailTitleSchool: (n, city) => `How your school's ${count(n)} proposed changes fared (${count(city)} city-wide; other schools' are not shown)`,
  detailOutside: (city) => `${count(city)} proposed changes city-wide; how each school's fared is shown to the bureau's accounts and to the school itself only`,
  columns: {
    industry: 'Industry', proposals: 'Changes', followed: 'Followed', partly: 'Partly', notActed: 'Not acted', opposite: 'Opposite',
    share: 'Share followed', newProposed: 'To open', newOpened: 'Opened', seatsProposed: 'Seats proposed', seatsChanged: 'Seats changed',
    gapAtProposal: 'Gap then', gapPlanned: 'Gap with plan', gapNow: 'Gap now', gapNarrowed: 'Closer to balance',
    school: 'School', major: 'Major', plan: 'Base plan', proposed: 'Proposed', actual: 'Actual',
    proposedChange: 'Proposed change', actualChange: 'Actual change', outcome: 'Outcome', newProgramme: 'New',
  },
};
