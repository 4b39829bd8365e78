/** GitHub rejects an issue comment longer than this many characters (the API answers 422). */
export const COMMENT_MAX_CHARS = 65_536;

/** The comment budget the report is rendered to: a margin under the hard limit leaves room for markers and bytes. */
export const COMMENT_BUDGET_CHARS = 60_000;

/** The budget of the one retry after GitHub refused a comment as too large. */
export const COMMENT_RETRY_BUDGET_CHARS = 20_000;

/** A check run's `output.summary` holds at most this many characters. */
export const CHECK_SUMMARY_MAX_CHARS = 65_535;

/** A check run's `output.title` is a short line; longer titles are cut to this. */
export const CHECK_TITLE_MAX_CHARS = 255;

/** GitHub takes at most this many annotations per check-run create or update request. */
export const ANNOTATIONS_PER_REQUEST = 50;

/** A commit status description holds at most this many characters. */
export const STATUS_DESCRIPTION_MAX_CHARS = 140;

/** The job summary of one step holds at most this many bytes. */
export const JOB_SUMMARY_MAX_BYTES = 1024 * 1024;
