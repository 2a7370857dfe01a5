/** GitHub's hard limits that renderers respect (see shared GITHUB-FACTS). */
export const GITHUB_LIMITS = {
  /** Check run output.summary and output.text, PR comment body. */
  summaryChars: 65_535,
  /** Job summary per step. */
  jobSummaryBytes: 1024 * 1024,
  annotationsPerRequest: 50,
  annotationMessageBytes: 64 * 1024,
  annotationTitleChars: 255,
  issueBodyChars: 65_536,
  issueTitleChars: 256,
} as const;
