/**
 * A request the server will not answer as asked (a path outside the workspace, a text that is no
 * id): the SDK turns it into a tool result with `isError`, its message what the agent reads.
 */
export class Refusal extends Error {}

/**
 * A refusal with the JSON-RPC error code the protocol gives it (the SDK sends `code` as is): a
 * resource that is not there is -32002, as the MCP specification says; a URI that names no record
 * id, invalid params (-32602).
 */
export class CodedRefusal extends Refusal {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

export const RESOURCE_NOT_FOUND = -32002;
export const INVALID_PARAMS = -32602;
