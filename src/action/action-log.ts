/** Where the action's messages go: `@actions/core` in a run, a recorder in tests. */
export interface ActionLog {
  info(message: string): void;
  warning(message: string): void;
}
