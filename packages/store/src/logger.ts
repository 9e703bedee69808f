/** Where the store reports what it does: lost folders, new problems, rebuilds. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Logs to the console (info to stdout, warnings and errors to stderr). */
export const consoleLogger: Logger = {
  info: (message) => console.info(message),
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
};

/** Logs nothing: for callers that show problems themselves, such as `briefing validate`. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
