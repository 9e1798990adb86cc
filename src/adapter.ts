/** What the composition root knows of a chat platform: start it, stop it, ask whether it is connected. */
export interface ChatAdapter {
  readonly name: string;
  start(): Promise<void>;
  /** Stops taking new work; checks in flight are the composition root's to drain. */
  stop(): Promise<void>;
  isReady(): boolean;
}
