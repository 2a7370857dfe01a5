/** GitHub's limits that the roadmap sync respects (see GITHUB-FACTS.md). */
export const ISSUE_BODY_MAX = 65_536;
/** The managed region's cap, below the body limit so human text beside it still fits. */
export const ISSUE_BODY_MANAGED_MAX = 60_000;
export const ISSUE_TITLE_MAX = 256;
export const LABEL_NAME_MAX = 50;
