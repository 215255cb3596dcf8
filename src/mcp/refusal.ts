/**
 * A request the server will not answer as asked (a path outside the workspace, a text that is no
 * id): the SDK turns it into a tool result with `isError`, its message what the agent reads.
 */
export class Refusal extends Error {}
