/**
 * Sourcing Guard custom functions (namespace GUARD).
 */

/**
 * Placeholder until the engine lands.
 * @customfunction
 * @returns The add-in version.
 */
export function version(): string {
  return "0.1.0";
}
