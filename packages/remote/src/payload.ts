/**
 * The JSON payload that ClientServer Blocks exchange: one MQTT message
 * carries the rows that a Block collected for one topic since its last loop,
 * column by column, with the sender's `t0` so that the receiver can bring its
 * times onto its own run's clock. It is data only: JSON is parsed, never run.
 * @module
 */

/** A value that crosses MQTT: what JSON can carry besides objects. */
export type RemoteValue = number | string | boolean | null | RemoteValue[];

/**
 * One message on a data topic, as JSON:
 * `{"t0": 1764690000.25, "time": "t(s)", "data": {"t(s)": [0.1, 0.2], "F(N)": [3, 4]}}`.
 */
export interface Payload {
  /** The sender's run start time, seconds since the epoch (its clock). */
  t0: number;
  /** The label of `data` that holds the sender's `t(s)`, if one does. */
  time?: string;
  /** One column of values per label, all of the same length. */
  data: Record<string, RemoteValue[]>;
}

/** A payload that could not be read; its message says why. */
export class PayloadError extends Error {
  override name = 'PayloadError';
}

/** Turns a value read from a Link into a JSON value: typed arrays become arrays. */
function toJson(value: unknown): RemoteValue {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(toJson);
  return value as RemoteValue;
}

/**
 * Encodes columns of values as a payload string.
 * @param t0 the sender's run start time
 * @param columns one list of values per label (renamed as they are sent)
 * @param time the label that holds the sender's `t(s)`, if any
 */
export function encodePayload(t0: number, columns: Record<string, readonly unknown[]>, time?: string): string {
  const data: Record<string, RemoteValue[]> = {};
  for (const [label, values] of Object.entries(columns)) data[label] = values.map(toJson);
  const payload: Payload = time === undefined ? { t0, data } : { t0, time, data };
  return JSON.stringify(payload);
}

/** Whether `value` is a JSON value a Block may receive (no objects). */
function isRemoteValue(value: unknown): value is RemoteValue {
  if (value === null) return true;
  switch (typeof value) {
    case 'number':
    case 'string':
    case 'boolean':
      return true;
    case 'object':
      return Array.isArray(value) && value.every(isRemoteValue);
    default:
      return false;
  }
}

/**
 * Reads a payload received on a topic that carries exactly `labels`.
 * @throws PayloadError for text that is not JSON, or a payload of another
 *   shape: missing or unexpected labels, columns of different lengths, values
 *   that are objects
 */
export function decodePayload(text: string, labels: readonly string[]): Payload {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new PayloadError(`not valid JSON: ${JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new PayloadError('not a JSON object');
  const { t0, time, data } = parsed as Record<string, unknown>;
  if (typeof t0 !== 'number' || !Number.isFinite(t0)) throw new PayloadError(`its t0 is not a number: ${JSON.stringify(t0)}`);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new PayloadError('its data is not an object');
  const columns = data as Record<string, unknown>;
  const got = Object.keys(columns);
  const unexpected = got.filter((label) => !labels.includes(label));
  const missing = labels.filter((label) => !Object.hasOwn(columns, label));
  if (unexpected.length > 0 || missing.length > 0) {
    throw new PayloadError(`its labels are ${JSON.stringify(got)}, expected ${JSON.stringify(labels)}`);
  }
  if (time !== undefined && (typeof time !== 'string' || !labels.includes(time))) {
    throw new PayloadError(`its time label ${JSON.stringify(time)} is not one of its labels`);
  }
  let length: number | null = null;
  for (const label of labels) {
    const column = columns[label];
    if (!Array.isArray(column) || !column.every(isRemoteValue)) throw new PayloadError(`its column ${JSON.stringify(label)} is not a list of values`);
    if (length !== null && column.length !== length) throw new PayloadError('its columns have different lengths');
    length = column.length;
  }
  if (time !== undefined && !(columns[time] as unknown[]).every((value) => typeof value === 'number')) {
    throw new PayloadError(`its time column ${JSON.stringify(time)} holds something else than numbers`);
  }
  return time === undefined ? { t0, data: columns as Payload['data'] } : { t0, time: time as string, data: columns as Payload['data'] };
}
