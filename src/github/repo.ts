/** Repository coordinates every adapter takes as a parameter (never read from globals). */
export interface RepoRef {
  owner: string;
  repo: string;
}

export function parseRepo(fullName: string): RepoRef {
  const [owner, repo, ...rest] = fullName.split('/');
  if (!owner || !repo || rest.length > 0) throw new Error(`"${fullName}" is not an owner/name repository`);
  return { owner, repo };
}
