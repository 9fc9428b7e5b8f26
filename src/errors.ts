/** Errors that mean the run cannot happen as asked: the CLI prints the message and exits 2. */

/** An option or argument that cannot be used. */
export class OptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OptionError";
  }
}
