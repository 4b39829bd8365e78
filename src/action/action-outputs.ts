/** The output names, exactly as action.yml declares them. */
export const OUTPUT = {
  conclusion: 'conclusion',
  maxSeverity: 'max-severity',
  findings: 'findings',
  coverageBefore: 'coverage-before',
  coverageAfter: 'coverage-after',
  reportFile: 'report-file',
  commentUrl: 'comment-url',
  artifactDir: 'artifact-dir',
} as const;
