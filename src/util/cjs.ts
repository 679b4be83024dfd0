/**
 * Some CommonJS packages (graphology's) type their export as `export default`, which TypeScript
 * under NodeNext reads as `{ default: T }`, while Node's default import is the export itself.
 * This returns the export whichever shape arrives.
 */
export function cjsDefault<T>(mod: { default: T } | T): T {
  const m = mod as { default?: T };
  return m.default !== undefined ? m.default : (mod as T);
}
