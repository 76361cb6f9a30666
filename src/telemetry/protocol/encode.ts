/**
 * Encode once, number per connection: a message is JSON-encoded once without its `seq`, and
 * each connection splices its own number between the two halves. The costly part
 * (stringifying the vehicles) is paid once per tick however many clients there are.
 */

/** A message encoded without its `seq`: `head` + n + `rest`. */
export interface EncodedMessage {
  readonly type: string;
  /** `{"type":"<type>","seq":` */
  readonly head: string;
  /** Everything after the seq number, starting with `,` or `}`. */
  readonly rest: string;
}

/**
 * Encodes a message (any `seq` it carries is ignored).
 * @example
 * ```ts
 * const e = encodeMessage({ type: 'telemetry', sim: 'a', t: 100, vehicles: [], progress });
 * ws.send(frameWithSeq(e, 7)); // {"type":"telemetry","seq":7,"sim":"a",…}
 * ```
 */
export function encodeMessage<M extends { type: string }>(message: M): EncodedMessage {
  const { type, seq: _seq, ...body } = message as M & { seq?: number };
  const json = JSON.stringify(body);
  return { type, head: `{"type":${JSON.stringify(type)},"seq":`, rest: json.length > 2 ? `,${json.slice(1)}` : '}' };
}

/** The text frame of `e` numbered `seq`. */
export function frameWithSeq(e: EncodedMessage, seq: number): string {
  return e.head + seq + e.rest;
}
