/**
 * GitHub refuses issue and comment bodies over 65,536 characters (422 "body is too long").
 * Our bodies (the summary comment, issue bodies, the dashboard) are measured whole in UTF-16
 * code units (`String.length`), never fewer than the code points GitHub counts, and kept
 * under this budget, with room to spare for a reading that counts otherwise.
 */
export const BODY_BUDGET = 60_000
