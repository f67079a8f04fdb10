/** @module The prose of docs/scale.md, above the plans bench/scale-report.ts writes under it. */
export const SCALE_PROSE = `# Roster at scale

(prose to come)`;
