/** The read-only hooks the explorer exposes for its end-to-end tests (viewer/src/main.ts). */
export {};
declare global {
  interface Window {
    __diplograph: {
      ready: boolean;
      error: string | null;
      visibleEdges(): string[];
      visibleNodes(): string[];
      state(): Record<string, unknown>;
    };
  }
}
