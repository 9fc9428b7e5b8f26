/** What the CLI decides about the terminal it writes to. */

/** Colours on a terminal (no-color.org: a non-empty NO_COLOR turns them off; FORCE_COLOR turns them on, 0 or false off). */
export function colorEnabled(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !/^(0|false)$/i.test(force);
  if (env.NO_COLOR) return false;
  return isTTY && env.TERM !== "dumb";
}
